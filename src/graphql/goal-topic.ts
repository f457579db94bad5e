import type { SubscribeResolverData } from 'type-graphql';
import { signInRequired } from '../errors/domain-error.js';
import type { Context } from './context.type.js';

type GoalTopic = 'GOAL_PROGRESS' | 'PLAN_PROGRESS';

/** Subscribes to a per-goal topic after checking that the caller owns the goal. */
export function subscribeToOwnGoal(topic: GoalTopic) {
  return async ({
    args,
    context,
  }: SubscribeResolverData<unknown, { goalId?: unknown }, unknown>) => {
    const { user, authError, services, pubsub } = context as Context;
    if (!user) throw authError ?? signInRequired();
    const goal = await services.goals.get(user, String(args.goalId));
    return pubsub.subscribe(topic, goal.id);
  };
}
