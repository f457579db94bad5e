import { Field, Float, ObjectType } from 'type-graphql';
import { Habit, HabitCheckIn } from '../../entities/index.js';
import type { CompletionRates } from '../../services/habits/habit-check-in.service.js';

@ObjectType()
export class CheckInResult {
  @Field(() => HabitCheckIn)
  checkIn: HabitCheckIn;

  @Field(() => Habit, { description: 'The habit with its stats recomputed' })
  habit: Habit;

  @Field({
    description:
      'True when this check-in reached the target and completed the habit: celebrate, then ' +
      'offer to keep going (updateHabit with a higher target) or archiveHabit',
  })
  targetReached: boolean;
}

@ObjectType({ description: 'Done / (done + missed) days; null when nothing was due' })
export class HabitCompletionRates implements CompletionRates {
  @Field(() => Float, { nullable: true })
  last7Days: number | null;

  @Field(() => Float, { nullable: true })
  last30Days: number | null;

  @Field(() => Float, { nullable: true })
  last90Days: number | null;
}
