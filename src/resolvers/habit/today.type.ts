import { Field, ObjectType } from 'type-graphql';
import { CheckInStatus, Habit, Step } from '../../entities/index.js';
import { LocalDateScalar } from '../../schema/scalars.js';
import { EventOccurrence } from '../event/event-occurrence.type.js';

@ObjectType()
export class TodayHabit {
  @Field(() => Habit)
  habit: Habit;

  @Field(() => CheckInStatus, { nullable: true, description: 'Today’s check-in; null = pending' })
  checkIn: CheckInStatus | null;
}

@ObjectType({ description: 'The caller’s habit day: from settings.dayStart to the next one' })
export class Today {
  @Field(() => LocalDateScalar)
  date: string;

  @Field()
  from: Date;

  @Field()
  to: Date;

  @Field(() => [TodayHabit], { description: 'Active habits due today, or checked in today' })
  habits: TodayHabit[];

  @Field(() => [Step], { description: 'Steps planned to start today, in order' })
  steps: Step[];

  @Field(() => [EventOccurrence], { description: 'Event occurrences overlapping today' })
  events: EventOccurrence[];
}
