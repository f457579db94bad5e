import { IsOptional, Length } from 'class-validator';
import { IsTitle } from '../title.validator.js';
import { Field, InputType } from 'type-graphql';
import { GoalStatus } from '../../entities/index.js';
import { LocalDateScalar } from '../../schema/scalars.js';

@InputType({ description: 'Only the fields given change; targetDate: null clears the deadline' })
export class UpdateGoalInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTitle()
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 5000)
  description?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  targetDate?: string | null;

  @Field(() => GoalStatus, { nullable: true })
  status?: GoalStatus | null;
}
