import { ArrayMaxSize, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { HabitScheduleKind } from '../../entities/index.js';

@InputType({ description: 'weekdays for WEEKDAYS; count for TIMES_PER_* and EVERY_N_DAYS' })
export class HabitScheduleInput {
  @Field(() => HabitScheduleKind)
  kind: HabitScheduleKind;

  @Field(() => [Int], { nullable: true, description: 'ISO weekdays 1 (Monday) … 7 (Sunday)' })
  @IsOptional()
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  weekdays?: number[] | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  count?: number | null;
}
