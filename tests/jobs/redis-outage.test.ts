import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import { CreateReminderDocument } from '../gql/graphql.js';
import { buildUser } from '../support/factories.js';
import { executeOperationOk } from '../support/graphql-client.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import type { TestApp } from '../support/test-app.js';
import { eventually, outboxOf, startWorkerApp, watchNotifications } from './job-helpers.js';

// Redis (running locally) behind a TCP proxy that the test cuts: losing Redis must degrade,
// not crash, and what could not be published is offered as soon as it is back.
let proxy: TcpProxy;
let app: TestApp;
const clients: Client[] = [];
const escaped: string[] = [];
const onRejection = (reason: unknown) => escaped.push(`unhandled rejection: ${String(reason)}`);
const onException = (error: Error) => escaped.push(`uncaught exception: ${error.message}`);

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  proxy = await startTcpProxy({ host: '127.0.0.1', port: 6379 });
  app = await startWorkerApp({
    REDIS_URL: proxy.through('redis://127.0.0.1:6379'),
    JOBS_TABLE: `redis_outage_${process.pid}`,
    // Without the fallback a lost offer waits for this: far longer than the test.
    NOTIFICATION_ACK_TIMEOUT_SECONDS: '120',
  });
});
afterAll(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
  await app?.stop();
  await proxy?.close();
  process.off('unhandledRejection', onRejection);
  process.off('uncaughtException', onException);
});

describe('Redis goes away', () => {
  it('nothing escapes, the API keeps serving, and the notification is offered once Redis is back', async () => {
    const user = await buildUser(app);
    const feed = watchNotifications(app, 'TELEGRAM', clients);
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    await sleep(500);

    proxy.reset();
    // The API serves while Redis is away; the reminder fires (and its publish fails) then.
    const { createReminder } = await executeOperationOk(
      app,
      CreateReminderDocument,
      {
        input: {
          type: 'ONE_TIME',
          text: 'During the outage',
          triggerAt: new Date(Date.now() + 1_000).toISOString(),
        },
      },
      user,
    );
    const written = await eventually(async () => {
      const rows = await outboxOf(app, user.id);
      return rows.length ? rows : null;
    }, 10_000);
    expect(written).toHaveLength(1);
    await sleep(2_000);
    expect(app.deps.pubsub.connected()).toBe(false);

    proxy.heal();
    const healedAt = Date.now();
    let received = null;
    while (!received && Date.now() - healedAt < 20_000) {
      const message = await feed.next(20_000 - (Date.now() - healedAt));
      const notification = message?.data?.notifications;
      if (notification?.userId === user.id) received = notification;
      if (!message) break;
    }
    expect(received).toMatchObject({ refs: { reminderId: createReminder.id }, status: 'PENDING' });
    expect(Date.now() - healedAt).toBeLessThan(15_000);
    expect(escaped).toEqual([]);
  });
});
