import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsTitle } from '../title.validator.js';
import { Field, InputType, Int } from 'type-graphql';

@InputType()
export class NewStepInput {
  @Field()
  @IsTitle()
  title: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_080)
  estimatedMinutes?: number | null;
}
