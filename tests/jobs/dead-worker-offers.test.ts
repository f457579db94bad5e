import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import { buildUser } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { startWorkerApp, watchNotifications } from './job-helpers.js';

// A worker killed (kill -9) between committing a batch of firings and publishing their
// offers. Found by the outage bench: the 53 reminders of the batch it committed as it died
// looked offered, were never published, and waited for the 2-minute acknowledgement timeout.
const REDIS_URL = 'redis://127.0.0.1:6379';
let api: TestApp;
let worker: TestApp | undefined;
const clients: Client[] = [];
const table = `dead_worker_${process.pid}`;

beforeAll(async () => {
  api = await startTestApp({ REDIS_URL, JOBS_TABLE: table });
});
afterAll(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
  await worker?.stop();
  await api?.stop();
});

describe('a worker that died between commit and publish', () => {
  it('its committed, unpublished notifications are offered when a worker starts', async () => {
    const user = await buildUser(api);
    const feed = watchNotifications(api, 'TELEGRAM', clients);
    // What the dead worker's transaction committed: offered once, the acknowledgement due
    // in two minutes; the publish that should have followed never happened.
    const [row] = (await api.db.query(
      `INSERT INTO notifications (user_id, channel, target, kind, text, payload, status, attempts,
              idempotency_key, occurrence_at, available_at)
       VALUES ($1::uuid, 'telegram', $2, 'reminder', '🔔 Committed, never published',
               '{"actions":[],"refs":{}}', 'pending', 1, 'dead-worker:' || $1::text, now(),
               now() + interval '120 seconds')
       RETURNING id`,
      [user.id, user.platformUserId],
    )) as { id: string }[];

    const startedAt = Date.now();
    worker = await startWorkerApp({
      REDIS_URL,
      JOBS_TABLE: table,
      NOTIFICATION_ACK_TIMEOUT_SECONDS: '120',
    });
    let received = null;
    while (!received && Date.now() - startedAt < 20_000) {
      const message = await feed.next(20_000 - (Date.now() - startedAt));
      if (!message) break;
      const notification = message.data?.notifications;
      if (notification?.userId === user.id) received = notification;
    }
    expect(received).toMatchObject({ id: row!.id, status: 'PENDING' });
    expect(Date.now() - startedAt).toBeLessThan(20_000);
  });
});
