import {
  Arg,
  Authorized,
  Field,
  ID,
  Int,
  ObjectType,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import { GoalStatus } from '../../entities/index.js';
import { subscribeToOwnGoal } from '../../graphql/goal-topic.js';
import type { GoalProgressUpdate } from '../../pubsub.js';

@ObjectType({ description: 'Sent when a step of the goal changed' })
export class GoalProgress implements GoalProgressUpdate {
  @Field(() => ID)
  goalId: string;

  @Field(() => Int)
  progress: number;

  @Field(() => GoalStatus)
  status: GoalStatus;

  @Field(() => ID, { nullable: true, description: 'The step that changed, if one did' })
  stepId: string | null;

  @Field()
  changedAt: Date;
}

@Authorized()
@Resolver()
export class GoalProgressResolver {
  @Subscription(() => GoalProgress, {
    description: 'Progress of one of the caller’s goals, live; only its owner may subscribe',
    subscribe: subscribeToOwnGoal('GOAL_PROGRESS'),
  })
  goalProgress(@Arg('goalId', () => ID) _goalId: string, @Root() update: GoalProgressUpdate) {
    return update;
  }
}
