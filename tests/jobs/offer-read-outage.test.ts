import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import { CreateReminderDocument } from '../gql/graphql.js';
import { buildUser } from '../support/factories.js';
import { executeOperationOk } from '../support/graphql-client.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { eventually, outboxOf, startWorkerApp, watchNotifications } from './job-helpers.js';

// The API and the worker in two processes' worth of apps (Redis between them, as deployed),
// the API's database behind a TCP proxy: an offer arrives while the API cannot read the row.
// Found by the outage bench: after a 15-second PostgreSQL reset a fifth of the reminders
// waited the 2-minute acknowledgement timeout, their offers dropped by a failed read.
const REDIS_URL = 'redis://127.0.0.1:6379';
let proxy: TcpProxy;
let api: TestApp;
let worker: TestApp;
const clients: Client[] = [];

beforeAll(async () => {
  const url = new URL(process.env.MAXON_TEST_DATABASE_URL!);
  proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port) });
  const table = `offer_read_${process.pid}`;
  api = await startTestApp({
    DATABASE_URL: proxy.through(url.toString()),
    DATABASE_CONNECT_TIMEOUT_MS: '1000',
    REDIS_URL,
    JOBS_TABLE: table,
  });
  worker = await startWorkerApp({
    REDIS_URL,
    JOBS_TABLE: table,
    // Without the fix the offer waits for this: far longer than the test.
    NOTIFICATION_ACK_TIMEOUT_SECONDS: '120',
  });
});
afterAll(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
  await worker?.stop();
  proxy?.heal();
  await api?.stop();
  await proxy?.close();
});

describe("an offer while the API's database is away", () => {
  it('reaches the bot once the database is back, not after the acknowledgement timeout', async () => {
    const user = await buildUser(api);
    const feed = watchNotifications(api, 'TELEGRAM', clients);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const { createReminder } = await executeOperationOk(
      api,
      CreateReminderDocument,
      {
        input: {
          type: 'ONE_TIME',
          text: 'Offered during a reset',
          triggerAt: new Date(Date.now() + 1_500).toISOString(),
        },
      },
      user,
    );

    proxy.reset();
    // The worker (its own connection) fires it and publishes the offer; the API's read fails.
    const written = await eventually(async () => {
      const rows = await outboxOf(worker, user.id);
      return rows.length ? rows : null;
    }, 15_000);
    expect(written).toMatchObject([{ status: 'pending', attempts: 1 }]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    proxy.heal();
    const healedAt = Date.now();
    let received = null;
    while (!received && Date.now() - healedAt < 20_000) {
      const message = await feed.next(20_000 - (Date.now() - healedAt));
      if (!message) break;
      const notification = message.data?.notifications;
      if (notification?.userId === user.id) received = notification;
    }
    expect(received).toMatchObject({ refs: { reminderId: createReminder.id }, status: 'PENDING' });
    expect(Date.now() - healedAt).toBeLessThan(20_000);
  });
});
