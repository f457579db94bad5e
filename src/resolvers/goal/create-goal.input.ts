import { ArrayMaxSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { IsTitle } from '../title.validator.js';
import { Field, InputType } from 'type-graphql';
import { LocalDateScalar } from '../../schema/scalars.js';
import { NewStepInput } from './new-step.input.js';

@InputType()
export class CreateGoalInput {
  @Field()
  @IsTitle()
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 5000)
  description?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Deadline, not in the past' })
  targetDate?: string | null;

  @Field(() => [NewStepInput], { nullable: true, description: 'First steps, created atomically' })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  steps?: NewStepInput[] | null;
}
