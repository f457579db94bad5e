import { ArgsType, Field, ID } from 'type-graphql';
import { HabitStatus } from '../../entities/index.js';
import { PageArgs } from '../page.args.js';

@ArgsType()
export class HabitsArgs extends PageArgs {
  @Field(() => HabitStatus, { nullable: true, description: 'Only habits in this status' })
  status?: HabitStatus | null;

  @Field(() => ID, { nullable: true, description: 'Only habits serving this goal' })
  goalId?: string | null;
}
