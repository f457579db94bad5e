import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { CreateReminderDocument } from '../gql/graphql.js';
import { buildUser } from '../support/factories.js';
import { executeOperationOk } from '../support/graphql-client.js';
import type { TestApp } from '../support/test-app.js';
import { eventually, outboxOf, startWorkerApp } from './job-helpers.js';

// The app's PostgreSQL sessions terminated (pg_terminate_backend, as a failover or an
// operator does) while it works. Found by the outage bench: the api and the worker both
// exited with an unhandled 'error' event of a pg client ("terminating connection due to
// administrator command") that no listener heard.
let app: TestApp;
let admin: pg.Client;
const escaped: string[] = [];
const onRejection = (reason: unknown) => escaped.push(`unhandled rejection: ${String(reason)}`);
const onException = (error: Error) => escaped.push(`uncaught exception: ${error.message}`);

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  app = await startWorkerApp({ JOBS_TABLE: `terminated_${process.pid}` });
  admin = new pg.Client({ connectionString: process.env.MAXON_TEST_DATABASE_URL });
  await admin.connect();
});
afterAll(async () => {
  await app?.stop();
  await admin?.end();
  process.off('unhandledRejection', onRejection);
  process.off('uncaughtException', onException);
});

/** Terminates every other session of this test file's database, every 50 ms, for `ms`. */
async function terminateSessions(ms: number): Promise<number> {
  let terminated = 0;
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const { rows } = await admin.query<{ n: string }>(
      `SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    terminated += Number(rows[0]!.n);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return terminated;
}

describe('sessions terminated for 3 seconds', () => {
  it('nothing escapes, and a reminder due during it is delivered once it is over', async () => {
    const user = await buildUser(app);
    const { createReminder } = await executeOperationOk(
      app,
      CreateReminderDocument,
      {
        input: {
          type: 'ONE_TIME',
          text: 'Due while sessions die',
          triggerAt: new Date(Date.now() + 1_000).toISOString(),
        },
      },
      user,
    );
    // Keep the pools busy meanwhile: idle and checked-out connections both get terminated.
    let busy = true;
    const load = (async () => {
      while (busy) await app.db.query('SELECT pg_sleep(0.02)').catch(() => undefined);
    })();
    const terminated = await terminateSessions(3_000);
    busy = false;
    await load;
    expect(terminated).toBeGreaterThan(0);

    const rows = await eventually(async () => {
      const written = await outboxOf(app, user.id).catch(() => []);
      return written.length ? written : null;
    }, 20_000);
    expect(rows).toMatchObject([{ payload: { refs: { reminderId: createReminder.id } } }]);
    expect(escaped).toEqual([]);
  });
});
