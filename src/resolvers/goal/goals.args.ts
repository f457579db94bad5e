import { ArgsType, Field } from 'type-graphql';
import { GoalStatus } from '../../entities/index.js';
import { PageArgs } from '../page.args.js';

@ArgsType()
export class GoalsArgs extends PageArgs {
  @Field(() => GoalStatus, { nullable: true, description: 'Only goals in this status' })
  status?: GoalStatus | null;
}
