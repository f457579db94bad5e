import { ArrayMaxSize, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalTimeScalar } from '../../schema/scalars.js';
import { MAX_REMINDER_TIMES } from '../../services/habits/habit-rules-input.js';
import { IsTitle } from '../title.validator.js';
import { MAX_TARGET_DAYS } from './create-habit.input.js';
import { HabitScheduleInput } from './habit-schedule.input.js';

@InputType({
  description:
    'Only the fields given change; goalId / target: null clears them. Raising the target ' +
    'of a completed habit makes it active again ("keep going").',
})
export class UpdateHabitInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTitle()
  title?: string | null;

  @Field(() => ID, { nullable: true })
  goalId?: string | null;

  @Field(() => HabitScheduleInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  schedule?: HabitScheduleInput | null;

  @Field(() => [LocalTimeScalar], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_REMINDER_TIMES)
  reminderTimes?: string[] | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_TARGET_DAYS)
  target?: number | null;
}
