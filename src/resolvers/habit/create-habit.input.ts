import { ArrayMaxSize, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar, LocalTimeScalar } from '../../schema/scalars.js';
import { MAX_REMINDER_TIMES } from '../../services/habits/habit-rules-input.js';
import { IsTitle } from '../title.validator.js';
import { HabitScheduleInput } from './habit-schedule.input.js';

export const MAX_TARGET_DAYS = 10_000;

@InputType()
export class CreateHabitInput {
  @Field()
  @IsTitle()
  title: string;

  @Field(() => ID, { nullable: true, description: 'A goal of the caller this habit serves' })
  goalId?: string | null;

  @Field(() => HabitScheduleInput)
  @ValidateNested()
  schedule: HabitScheduleInput;

  @Field(() => [LocalTimeScalar], { nullable: true, description: 'Local times "HH:MM"' })
  @IsOptional()
  @ArrayMaxSize(MAX_REMINDER_TIMES)
  reminderTimes?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Done days that complete the habit, e.g. 21' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_TARGET_DAYS)
  target?: number | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The first day that counts: today by default, yesterday at the earliest',
  })
  startedOn?: string | null;
}
