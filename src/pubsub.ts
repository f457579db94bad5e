import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import type { GoalStatus } from './entities/index.js';

/** What subscribers of `goalProgress` receive after a step of the goal changed. */
export interface GoalProgressUpdate {
  goalId: string;
  progress: number;
  status: GoalStatus;
  stepId: string | null;
  changedAt: Date;
}

/** Every topic, keyed by name: [topic id, payload]. */
export type Topics = {
  GOAL_PROGRESS: [goalId: string, update: GoalProgressUpdate];
};

export type AppPubSub = PubSub<Topics>;

export function createAppPubSub(): AppPubSub {
  return createPubSub<Topics>();
}
