import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import { buildGoal, buildUser, type TestUser } from '../support/factories.js';
import {
  CompleteStepDocument,
  CreateReminderDocument,
  GoalProgressDocument,
  UpdateStepDocument,
} from '../gql/graphql.js';
import { executeOperationOk, subscribeTo, wsClient } from '../support/graphql-client.js';
import { untilLive, type LiveSubscription } from '../support/subscriptions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { eventually, outboxOf, startWorkerApp, watchNotifications } from './job-helpers.js';

// Redis runs locally; both apps share it, the test database and one job table.
const REDIS_URL = 'redis://127.0.0.1:6379';

let api: TestApp;
let worker: TestApp;
let user: TestUser;
const clients: Client[] = [];

beforeAll(async () => {
  const shared = { REDIS_URL, JOBS_TABLE: `redis_${process.pid}` };
  api = await startTestApp({ ...shared, WORKER_ENABLED: 'false' });
  worker = await startWorkerApp(shared);
  user = await buildUser(api);
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});
afterAll(async () => {
  await api?.stop();
  await worker?.stop();
});

/** The next message on the feed that `match`es; other tests' notifications are skipped. */
async function nextMatching<TData, T>(
  feed: LiveSubscription<TData>,
  pick: (data: TData | null | undefined) => T | undefined,
  match: (value: T) => boolean,
  timeoutMs: number,
): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) return null;
    const message = await feed.next(left);
    if (!message) return null;
    expect(message.errors).toBeUndefined();
    const value = pick(message.data);
    if (value !== undefined && match(value)) return value;
  }
}

describe('subscriptions across processes through Redis', () => {
  it('has the worker in one process and the subscribers in another', () => {
    expect(api.roles).toEqual(['api']);
    expect(worker.roles).toEqual(['api', 'worker']);
  });

  it('a reminder created through the API app fires in the worker and reaches the API’s subscriber', async () => {
    const feed = watchNotifications(api, 'TELEGRAM', clients);
    const { createReminder } = await executeOperationOk(
      api,
      CreateReminderDocument,
      {
        input: {
          type: 'ONE_TIME',
          text: 'Across processes',
          triggerAt: new Date(Date.now() + 1_500).toISOString(),
        },
      },
      user,
    );

    const received = await nextMatching(
      feed,
      (data) => data?.notifications,
      (n) => n.userId === user.id,
      10_000,
    );
    expect(received).toMatchObject({
      kind: 'REMINDER',
      channel: 'TELEGRAM',
      target: user.platformUserId,
      status: 'PENDING',
      attempts: 1,
      refs: { reminderId: createReminder.id },
    });
    expect(received?.text).toContain('Across processes');
    const rows = await eventually(async () => {
      const written = await outboxOf(api, user.id);
      return written.length ? written : null;
    });
    expect(rows).toHaveLength(1);
    expect(rows?.[0]?.id).toBe(received?.id);
  });

  it('goalProgress published by the worker app reaches a subscriber of the API app', async () => {
    const goal = await buildGoal(api, user, { steps: ['Warm up', 'Run'] });
    const client = wsClient(api.wsUrl, user.credentials);
    clients.push(client);
    const feed = subscribeTo(client, GoalProgressDocument, { goalId: goal.id });
    // Mutations go to the other process; only Redis can carry their updates here.
    await untilLive(feed, () =>
      executeOperationOk(worker, UpdateStepDocument, { id: goal.steps[0].id, input: {} }, user),
    );
    // Drain the echoes of the liveness probes.
    while (await feed.next(300));

    await executeOperationOk(worker, CompleteStepDocument, { id: goal.steps[0].id }, user);
    const update = await nextMatching(
      feed,
      (data) => data?.goalProgress,
      (progress) => progress.progress === 50,
      5_000,
    );
    expect(update).toMatchObject({
      goalId: goal.id,
      progress: 50,
      status: 'ACTIVE',
      stepId: goal.steps[0].id,
    });
    expect(Number.isNaN(Date.parse(update!.changedAt))).toBe(false);
  });
});
