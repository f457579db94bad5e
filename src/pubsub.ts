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

/**
 * Something of a user's changed, for pages that show it (the web client's calendar and goal
 * page reload): a mutation acting for the user committed, or a notification fired for them.
 */
export interface UserChange {
  reason: 'DATA' | 'NOTIFICATION';
  changedAt: Date;
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
  USER_CHANGED: [userId: string, change: UserChange];
};

export type AppPubSub = PubSub<Topics> & {
  /** False while Redis is away: a publish now would be lost (in-process: always true). */
  connected(): boolean;
  /** Told of every publish that did not reach Redis (it was away), to fall back on. */
  onPublishFailed(listener: (topic: string, payload: unknown) => void): void;
  /** Told each time Redis is back after an outage. */
  onReconnected(listener: () => void): void;
  /** Closes the Redis connections, if any. */
  close(): Promise<void>;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** JSON through Redis turns dates into strings; turn them back. */
const dateReviver = (_key: string, value: unknown) =>
  typeof value === 'string' && ISO_DATE.test(value) ? new Date(value) : value;

/** Redis is away: one warning per outage, not one per reconnection attempt. */
export interface PubSubLog {
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
}

/**
 * In-process by default. With a Redis URL every API and worker process shares the topics,
 * so a notification created by a worker reaches a bot subscribed to any API instance.
 *
 * Losing Redis degrades, never crashes: both connections have an error listener (without
 * one ioredis's error event ends the process) and reconnect every ≤ 2 s; a publish while
 * Redis is away fails at once (no offline queue, no MaxRetriesPerRequestError escaping) and
 * is reported to `onPublishFailed` listeners (the outbox falls back on redelivery); the
 * subscriber queues its (un)subscriptions until it is back, and ioredis subscribes again.
 */
export function createAppPubSub(redisUrl?: string, log?: PubSubLog): AppPubSub {
  const failed: ((topic: string, payload: unknown) => void)[] = [];
  const reconnected: (() => void)[] = [];
  const hooks = {
    onPublishFailed: (listener: (topic: string, payload: unknown) => void) =>
      void failed.push(listener),
    onReconnected: (listener: () => void) => void reconnected.push(listener),
  };
  if (!redisUrl) {
    const target = new EventTarget();
    return Object.assign(
      withBufferedSubscriptions(createPubSub<Topics>({ eventTarget: target }), target),
      { ...hooks, connected: () => true, close: async () => {} },
    );
  }
  const publishClient = new Redis(redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    // A partition (connection open, nothing passes) fails the publish instead of hanging it.
    commandTimeout: 2000,
    keepAlive: 10_000,
  });
  const subscribeClient = new Redis(redisUrl, { maxRetriesPerRequest: null, keepAlive: 10_000 });
  let down = false;
  for (const [name, client] of [
    ['publish', publishClient],
    ['subscribe', subscribeClient],
  ] as const) {
    client.on('error', (error: Error) => {
      if (down) return;
      down = true;
      log?.warn(
        { err: error, connection: name },
        'Redis is unavailable; publishing falls back on redelivery',
      );
    });
  }
  publishClient.on('ready', () => {
    if (!down) return;
    down = false;
    log?.info({}, 'Redis is back');
    for (const listener of reconnected) listener();
  });
  const reportFailure = (topic: string, message: string) => {
    const payload = message === '' ? undefined : JSON.parse(message, dateReviver);
    for (const listener of failed) listener(topic, payload);
  };
  // What the event target calls, with every promise handled.
  const publisher = {
    publish: (topic: string, message: string) =>
      publishClient.publish(topic, message).catch(() => reportFailure(topic, message)),
  };
  const subscriber = {
    on: subscribeClient.on.bind(subscribeClient),
    subscribe: (topic: string) => subscribeClient.subscribe(topic).catch(() => undefined),
    unsubscribe: (topic: string) => subscribeClient.unsubscribe(topic).catch(() => undefined),
  };
  const eventTarget = createRedisEventTarget({
    publishClient: publisher as unknown as Redis,
    subscribeClient: subscriber as unknown as Redis,
    serializer: { stringify: JSON.stringify, parse: (text) => JSON.parse(text, dateReviver) },
  });
  return Object.assign(
    withBufferedSubscriptions(createPubSub<Topics>({ eventTarget }), eventTarget),
    {
      ...hooks,
      connected: () => publishClient.status === 'ready',
      async close() {
        // quit() waits for Redis; while it is away, just drop the connections.
        const end = (client: Redis) =>
          client.status === 'ready' ? client.quit() : Promise.resolve(client.disconnect());
        await Promise.allSettled([end(publishClient), end(subscribeClient)]);
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
