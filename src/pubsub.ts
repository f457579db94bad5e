import { createPubSub, type PubSub } from '@graphql-yoga/subscription';
import { FixedBuffer, Repeater } from '@repeaterjs/repeater';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import type { DeliveryChannel, GoalStatus, HabitStatus } from './entities/index.js';

/** What subscribers of `goalProgress` receive after a step of the goal changed. */
export interface GoalProgressUpdate {
  goalId: string;
  progress: number;
  status: GoalStatus;
  stepId: string | null;
  changedAt: Date;
}

/** What subscribers of `habitProgress` receive after a habit's check-ins or state changed. */
export interface HabitProgressUpdate {
  habitId: string;
  /** The habit day whose check-in changed, if one did. */
  date: string | null;
  status: HabitStatus;
  currentStreak: number;
  bestStreak: number;
  strength: number;
  doneCount: number;
  /** True once, when this change completed the habit. */
  targetReached: boolean;
  changedAt: Date;
}

/** A notification ready to be offered; subscribers load the row by id. */
export interface NotificationReady {
  notificationId: string;
  userId: string;
}

/** Stages of plan generation, for a progress bar with a cancel button. */
export interface PlanProgressUpdate {
  goalId: string;
  stage: 'started' | 'analyzing' | 'drafting' | 'validating' | 'done' | 'cancelled' | 'failed';
  percent: number;
  proposalId: string | null;
}

/** The one topic id of API_TOKEN_REVOKED: every API instance listens to all revocations. */
export const TOKEN_REVOCATIONS = 'all';

/** Every topic, keyed by name: [topic id, payload]. */
export type Topics = {
  GOAL_PROGRESS: [goalId: string, update: GoalProgressUpdate];
  HABIT_PROGRESS: [userId: string, update: HabitProgressUpdate];
  NOTIFICATION_READY: [channel: DeliveryChannel, ready: NotificationReady];
  PLAN_PROGRESS: [goalId: string, update: PlanProgressUpdate];
  API_TOKEN_REVOKED: [all: typeof TOKEN_REVOCATIONS, revoked: { tokenId: string }];
};

export type AppPubSub = PubSub<Topics> & {
  /** Closes the Redis connections, if any. */
  close(): Promise<void>;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** JSON through Redis turns dates into strings; turn them back. */
const dateReviver = (_key: string, value: unknown) =>
  typeof value === 'string' && ISO_DATE.test(value) ? new Date(value) : value;

/**
 * In-process by default. With a Redis URL every API and worker process shares the topics,
 * so a notification created by a worker reaches a bot subscribed to any API instance.
 */
export function createAppPubSub(redisUrl?: string): AppPubSub {
  if (!redisUrl) {
    const target = new EventTarget();
    return Object.assign(
      withBufferedSubscriptions(createPubSub<Topics>({ eventTarget: target }), target),
      {
        close: async () => {},
      },
    );
  }
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false });
  const eventTarget = createRedisEventTarget({
    publishClient,
    subscribeClient,
    serializer: { stringify: JSON.stringify, parse: (text) => JSON.parse(text, dateReviver) },
  });
  return Object.assign(
    withBufferedSubscriptions(createPubSub<Topics>({ eventTarget }), eventTarget),
    {
      async close() {
        await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
      },
    },
  );
}

/** Events one subscriber may have waiting (a notification burst of a whole batch of firings). */
export const SUBSCRIPTION_BUFFER = 100_000;

/**
 * graphql-yoga's subscriptions keep at most 1,024 undelivered events and then throw, which
 * a burst of notifications published in one go exceeds. Same topics, same target, but each
 * subscription with a buffer of its own.
 */
function withBufferedSubscriptions(
  pubsub: PubSub<Topics>,
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>,
): PubSub<Topics> {
  const subscribe = (routingKey: string, id?: string) => {
    const topic = id === undefined ? routingKey : `${routingKey}:${id}`;
    return new Repeater<unknown>((push, stop) => {
      const listener = (event: Event) => void push((event as CustomEvent).detail);
      target.addEventListener(topic, listener);
      void stop.then(() => target.removeEventListener(topic, listener));
    }, new FixedBuffer(SUBSCRIPTION_BUFFER));
  };
  return { publish: pubsub.publish, subscribe: subscribe as PubSub<Topics>['subscribe'] };
}
