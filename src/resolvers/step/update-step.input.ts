import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsTitle } from '../title.validator.js';
import { Field, InputType, Int } from 'type-graphql';
import { StepStatus } from '../../entities/index.js';

@InputType({ description: 'Only the fields given change' })
export class UpdateStepInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTitle()
  title?: string | null;

  @Field(() => StepStatus, { nullable: true })
  status?: StepStatus | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_080)
  estimatedMinutes?: number | null;

  @Field(() => Date, { nullable: true })
  plannedStart?: Date | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1440)
  plannedDurationMinutes?: number | null;
}
