import { IsInt, Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { GoalStatus } from '../../entities/index.js';

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class GoalsArgs {
  @Field(() => GoalStatus, { nullable: true, description: 'Only goals in this status' })
  status?: GoalStatus | null;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  offset: number = 0;

  @Field(() => Int, { defaultValue: 20, description: `Page size, 1…${MAX_PAGE_SIZE}` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = 20;
}
