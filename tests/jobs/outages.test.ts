import { afterEach, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { AgendaQueue } from '../../src/jobs/agenda/agenda-queue.js';
import { CreateReminderDocument, GoalsDocument } from '../gql/graphql.js';
import { buildUser, type TestUser } from '../support/factories.js';
import { errorCode, executeOperation, executeOperationOk } from '../support/graphql-client.js';
import { startTcpProxy } from '../support/tcp-proxy.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { eventually, outboxOf, startWorkerApp } from './job-helpers.js';

// Faults of the database and of the job worker, made real: a lock held by a worker that
// died, a table locked past the statement timeout, a job Agenda left failed, a partition
// through a TCP proxy. Redis outages are in redis-outage.test.ts.

const running = new Set<{ stop(): Promise<unknown> }>();
afterEach(async () => {
  await Promise.all([...running].map((each) => each.stop()));
  running.clear();
});
async function track<T extends { stop(): Promise<unknown> }>(started: Promise<T>): Promise<T> {
  const each = await started;
  running.add(each);
  return each;
}

let tables = 0;
const ownTable = () => `outage_${process.pid}_${(tables += 1)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function probe(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: process.env.MAXON_TEST_DATABASE_URL });
  await client.connect();
  running.add({ stop: () => client.end() });
  return client;
}

async function createOneTime(app: TestApp, user: TestUser, text: string, at: number) {
  const { createReminder } = await executeOperationOk(
    app,
    CreateReminderDocument,
    { input: { type: 'ONE_TIME', text, triggerAt: new Date(at).toISOString() } },
    user,
  );
  return createReminder;
}

async function auditActions(app: TestApp, reminderId: string) {
  const rows = (await app.db.query(
    `SELECT action FROM reminder_audit WHERE reminder_id = $1 AND actor = 'worker'`,
    [reminderId],
  )) as { action: string }[];
  return rows.map((row) => row.action);
}

describe('a worker that died', () => {
  it('leaves locks that another worker takes over within the lock lifetime, not minutes', async () => {
    const table = ownTable();
    const api = await track(startTestApp({ JOBS_TABLE: table }));
    const user = await buildUser(api);
    const reminder = await createOneTime(api, user, 'Locked by the dead', Date.now() + 500);
    // A worker locked it and was killed (kill -9): the lock stays, with its owner's name.
    const db = await probe();
    await sleep(700);
    const { rowCount } = await db.query(
      `UPDATE "${table}" SET locked_at = now(), last_modified_by = 'maxon-1-dead'
        WHERE data->>'reminderId' = $1`,
      [reminder.id],
    );
    expect(rowCount).toBe(1);

    const restartedAt = Date.now();
    const worker = await track(
      startWorkerApp({ JOBS_TABLE: table, JOBS_LOCK_LIFETIME_MS: '2000' }),
    );
    const rows = await eventually(async () => {
      const written = await outboxOf(worker, user.id);
      return written.length ? written : null;
    }, 15_000);
    expect(rows).toHaveLength(1);
    // The lock lifetime (2 s) plus a look for due jobs, with room for a loaded machine.
    expect(Date.now() - restartedAt).toBeLessThan(12_000);
    expect(await auditActions(worker, reminder.id)).toEqual(['fired']);
  });

  it('a live worker renews the lock of a long firing: a second worker does not run it too', async () => {
    const table = ownTable();
    const settings = { JOBS_TABLE: table, JOBS_LOCK_LIFETIME_MS: '1000' };
    const [one, two] = await Promise.all([
      track(startWorkerApp(settings)),
      track(startWorkerApp(settings)),
    ]);
    const handled: string[] = [];
    for (const app of [one, two]) {
      const { reminderFiring } = app.deps.services;
      const fire = reminderFiring.fire.bind(reminderFiring);
      // A firing that takes three lock lifetimes (a slow database).
      reminderFiring.fire = async (occurrences, ...rest) => {
        handled.push(...occurrences.map((occurrence) => occurrence.reminderId));
        await sleep(3_000);
        return fire(occurrences, ...rest);
      };
    }
    const user = await buildUser(one);
    const reminder = await createOneTime(one, user, 'Slow firing', Date.now() + 500);
    await eventually(async () => (await outboxOf(one, user.id)).length > 0, 15_000);
    await sleep(3_000);
    expect(handled.filter((id) => id === reminder.id)).toHaveLength(1);
    expect(await auditActions(one, reminder.id)).toEqual(['fired']);
  });
});

describe('a database blip', () => {
  it('a firing that failed (statement timeout) is retried with back-off until it is written', async () => {
    const worker = await track(
      startWorkerApp({
        JOBS_TABLE: ownTable(),
        DATABASE_STATEMENT_TIMEOUT_MS: '500',
        JOBS_RETRY_BASE_MS: '200',
        JOBS_RETRY_MAX_MS: '1000',
      }),
    );
    const failures: string[] = [];
    (worker.deps.services.jobs as AgendaQueue).agenda.on('fail', (error: Error) =>
      failures.push(error.message),
    );
    const user = await buildUser(worker);
    const reminder = await createOneTime(worker, user, 'Through the blip', Date.now() + 1_500);
    // The firing's audit insert waits for this lock past the statement timeout, for 3 s.
    const db = await probe();
    await db.query('BEGIN');
    await db.query('LOCK TABLE reminder_audit IN ACCESS EXCLUSIVE MODE');
    await eventually(async () => failures.length > 0, 10_000);
    await sleep(1_500);
    await db.query('ROLLBACK');

    const rows = await eventually(async () => {
      const written = await outboxOf(worker, user.id);
      return written.length ? written : null;
    }, 15_000);
    expect(failures.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(1);
    expect(await auditActions(worker, reminder.id)).toEqual(['fired']);
  });

  it('the start-up repair brings back a job Agenda left failed under the same key', async () => {
    const table = ownTable();
    const api = await track(startTestApp({ JOBS_TABLE: table }));
    const user = await buildUser(api);
    const reminder = await createOneTime(api, user, 'Failed once', Date.now() + 300);
    // What a run that failed once without retries left: no next run, no lock.
    const db = await probe();
    const { rowCount } = await db.query(
      `UPDATE "${table}" SET next_run_at = NULL, locked_at = NULL, last_run_at = now(),
              failed_at = now(), fail_count = 1, fail_reason = 'Connection terminated unexpectedly'
        WHERE data->>'reminderId' = $1`,
      [reminder.id],
    );
    expect(rowCount).toBe(1);

    const worker = await track(startWorkerApp({ JOBS_TABLE: table }));
    const rows = await eventually(async () => {
      const written = await outboxOf(worker, user.id);
      return written.length ? written : null;
    }, 10_000);
    expect(rows).toHaveLength(1);
    expect(await auditActions(worker, reminder.id)).toEqual(['fired']);
  });

  it('a partition: /health answers 503 at once and requests get a retryable UNAVAILABLE', async () => {
    const url = new URL(process.env.MAXON_TEST_DATABASE_URL!);
    const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port) });
    running.add({ stop: () => proxy.close() });
    const app = await track(
      startTestApp({
        DATABASE_URL: proxy.through(url.toString()),
        DATABASE_STATEMENT_TIMEOUT_MS: '1000',
        DATABASE_CONNECT_TIMEOUT_MS: '1000',
        HEALTH_CHECK_TIMEOUT_MS: '500',
      }),
    );
    const user = await buildUser(app);
    expect((await fetch(`${app.url}/health`)).status).toBe(200);

    proxy.partition();
    let started = Date.now();
    const health = await fetch(`${app.url}/health`);
    expect(health.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(2_000);
    started = Date.now();
    const result = await executeOperation(app, GoalsDocument, {}, user);
    expect(errorCode(result)).toBe('UNAVAILABLE');
    expect(result.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(6_000);

    proxy.heal();
    const back = await eventually(async () => {
      const response = await executeOperation(app, GoalsDocument, {}, user);
      return response.errors ? null : response;
    }, 10_000);
    expect(back?.data?.goals).toBeDefined();
  });
});
