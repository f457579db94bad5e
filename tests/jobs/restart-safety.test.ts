import { afterEach, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { ReminderType, User } from '../../src/entities/index.js';
import type { AgendaQueue } from '../../src/jobs/agenda/agenda-queue.js';
import { CreateReminderDocument, ReminderTriggerDocument } from '../gql/graphql.js';
import { buildUser, type TestUser } from '../support/factories.js';
import { executeOperationOk } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { eventually, outboxOf, scheduledJobs, startWorkerApp } from './job-helpers.js';

// Apps started by a test; stopped after it even when it fails.
const running = new Set<TestApp>();
afterEach(async () => {
  await Promise.all([...running].map((app) => app.stop()));
  running.clear();
});

async function track(started: Promise<TestApp>): Promise<TestApp> {
  const app = await started;
  running.add(app);
  return app;
}

async function stop(app: TestApp) {
  running.delete(app);
  await app.stop();
}

let tables = 0;
/** A job table of this file's own, shared by the apps of one test. */
const sharedTable = () => `restart_${process.pid}_${(tables += 1)}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function createOneTime(app: TestApp, user: TestUser, text: string, at: number) {
  const { createReminder } = await executeOperationOk(
    app,
    CreateReminderDocument,
    { input: { type: 'ONE_TIME', text, triggerAt: new Date(at).toISOString() } },
    user,
  );
  return createReminder;
}

/** Notification rows per reminder of one user (one channel each, so 1 means exactly once). */
async function rowsPerReminder(app: TestApp, userId: string): Promise<Map<string, number>> {
  const rows = (await app.db.query(
    `SELECT payload->'refs'->>'reminderId' AS "reminderId", count(*)::int AS n
       FROM notifications WHERE user_id = $1 GROUP BY 1`,
    [userId],
  )) as { reminderId: string; n: number }[];
  return new Map(rows.map((row) => [row.reminderId, row.n]));
}

async function auditActions(app: TestApp, userId: string, action: string) {
  const rows = (await app.db.query(
    `SELECT reminder_id AS "reminderId" FROM reminder_audit WHERE user_id = $1 AND action = $2`,
    [userId, action],
  )) as { reminderId: string }[];
  return rows.map((row) => row.reminderId);
}

async function untilRows(app: TestApp, userId: string, count: number, timeoutMs = 10_000) {
  await eventually(async () => (await outboxOf(app, userId)).length >= count, timeoutMs);
}

/**
 * Ref'ed timers in this process: the fewest seen over `windowMs`, so short-lived timers of
 * the test runner itself (its reporter debounces at 100 ms) do not count; a leak persists.
 */
async function refedTimeouts(windowMs: number): Promise<number> {
  const count = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  let fewest = count();
  for (const deadline = Date.now() + windowMs; Date.now() < deadline;) {
    await sleep(20);
    fewest = Math.min(fewest, count());
  }
  return fewest;
}

describe('restart safety', () => {
  it('leaves no ref’ed timers behind after stop', async () => {
    const baseline = await refedTimeouts(300);
    const app = await track(startWorkerApp());
    const user = await buildUser(app);
    await createOneTime(app, user, 'Tick', Date.now() + 500);
    await untilRows(app, user.id, 1);
    await stop(app);
    expect(await refedTimeouts(300)).toBe(baseline);
  });

  it('fires each reminder exactly once when the worker restarts before they are due', async () => {
    const table = sharedTable();
    const first = await track(startWorkerApp({ JOBS_TABLE: table }));
    const user = await buildUser(first);
    const due = Date.now() + 2_500;
    const reminders = await Promise.all(
      [0, 1, 2, 3, 4].map((i) => createOneTime(first, user, `Restart ${i}`, due + i * 150)),
    );
    await stop(first);
    const stoppedAt = Date.now();
    expect(stoppedAt).toBeLessThan(due);

    const second = await track(startWorkerApp({ JOBS_TABLE: table }));
    await untilRows(second, user.id, 5);
    await sleep(1_000);
    // All written by the new worker, none by the stopped one.
    const written = (await second.db.query(
      `SELECT created_at AS "createdAt" FROM notifications WHERE user_id = $1`,
      [user.id],
    )) as { createdAt: Date }[];
    expect(written.every((row) => row.createdAt.getTime() >= stoppedAt)).toBe(true);

    const counts = await rowsPerReminder(second, user.id);
    expect(Object.fromEntries(counts)).toEqual(
      Object.fromEntries(reminders.map((reminder) => [reminder.id, 1])),
    );
    expect((await auditActions(second, user.id, 'fired')).sort()).toEqual(
      reminders.map((reminder) => reminder.id).sort(),
    );
    const left = (await scheduledJobs(second, 'reminder')).filter((job) =>
      reminders.some((reminder) => job.key?.includes(reminder.id)),
    );
    expect(left).toEqual([]);
  });

  it('stopped during a burst, leaves no job locked: the next worker fires the rest, each once', async () => {
    const table = sharedTable();
    const first = await track(startWorkerApp({ JOBS_TABLE: table }));
    // What the worker would log: queue errors (e.g. a query on the closed pool) and failed jobs.
    const problems: string[] = [];
    const { agenda } = first.deps.services.jobs as AgendaQueue;
    agenda.on('error', (error: Error) => problems.push(`error: ${error.message}`));
    agenda.on('fail', (error: Error) => problems.push(`fail: ${error.message}`));
    const onRejection = (reason: unknown) => problems.push(`unhandled: ${String(reason)}`);
    process.on('unhandledRejection', onRejection);

    try {
      const user = await buildUser(first);
      const owner = await first.db.getRepository(User).findOneByOrFail({ id: user.id });
      // 200 due one after another from a second on, created through the service (the API is
      // not under test). Each triggerAt is taken as it is created, so it is never past.
      const ids: string[] = [];
      for (let start = 0; start < 200; start += 50) {
        const created = await Promise.all(
          Array.from({ length: 50 }, (_, k) =>
            first.deps.services.reminders.create(owner, 'test', {
              type: ReminderType.ONE_TIME,
              text: `Burst ${start + k}`,
              triggerAt: new Date(Date.now() + 1_000 + k * 5),
            }),
          ),
        );
        ids.push(...created.map((reminder) => reminder.id));
      }
      // Stop in the middle: some fired, others running, locked ahead or being locked.
      await untilRows(first, user.id, 20);
      await stop(first);

      const probe = new pg.Client({ connectionString: process.env.MAXON_TEST_DATABASE_URL });
      await probe.connect();
      const { rows: locked } = await probe
        .query(`SELECT data->>'key' AS key FROM "${table}" WHERE locked_at IS NOT NULL`)
        .finally(() => probe.end());
      expect(locked).toEqual([]);
      expect(problems).toEqual([]);

      // Well within the lock lifetime (5 minutes): nothing waits for a stale lock.
      const second = await track(startWorkerApp({ JOBS_TABLE: table }));
      await untilRows(second, user.id, 200, 20_000);
      await sleep(500);
      const counts = await rowsPerReminder(second, user.id);
      expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(ids.map((id) => [id, 1])));
      const fired = await auditActions(second, user.id, 'fired');
      expect(fired.sort()).toEqual([...ids].sort());
      expect(await scheduledJobs(second, 'reminder')).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });

  it('two workers on one job table fire 20 reminders exactly once each', async () => {
    const table = sharedTable();
    const [one, two] = await Promise.all([
      track(startWorkerApp({ JOBS_TABLE: table })),
      track(startWorkerApp({ JOBS_TABLE: table })),
    ]);
    // The reminders both processes fired (in batches); a worker's reconcile may add other
    // tests' leftovers in this database, so only this test's count.
    const handled: string[] = [];
    [one, two].forEach((app) => {
      const { reminderFiring } = app.deps.services;
      const fire = reminderFiring.fire.bind(reminderFiring);
      reminderFiring.fire = (occurrences, ...rest) => {
        handled.push(...occurrences.map((occurrence) => occurrence.reminderId));
        return fire(occurrences, ...rest);
      };
    });
    const user = await buildUser(one);
    // Due between 1.5 and 2.5 s from now, created through both processes.
    const base = Date.now() + 1_500;
    const reminders = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createOneTime(i % 2 ? two : one, user, `Race ${i}`, base + i * 50),
      ),
    );

    await untilRows(one, user.id, 20);
    await sleep(1_000);
    const counts = await rowsPerReminder(one, user.id);
    expect(counts.size).toBe(20);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(counts.keys())).toEqual(new Set(reminders.map((reminder) => reminder.id)));
    const fired = await auditActions(one, user.id, 'fired');
    expect(fired).toHaveLength(20);
    expect(new Set(fired).size).toBe(20);
    const ours = new Set(reminders.map((reminder) => reminder.id));
    expect(handled.filter((id) => ours.has(id))).toHaveLength(20);
  });

  it('marks what the worker runs later than the grace as missed and sends the rest', async () => {
    const table = sharedTable();
    const settings = { JOBS_TABLE: table, MISSED_REMINDER_GRACE_SECONDS: '3' };
    // The worker is down: this app only serves the API.
    const api = await track(startTestApp(settings));
    const user = await buildUser(api);
    const t = Date.now();
    const a = await createOneTime(api, user, 'Too late', t + 1_000);
    const b = await createOneTime(api, user, 'Still fine', t + 4_000);

    // A warm worker start runs the overdue jobs within ~0.2 s of the call, so at about
    // t + 5.5 s: A is then ~4.5 s late (> 3 s), B ~1.5 s (< 3 s); 1.5 s margin either side.
    await sleep(t + 5_300 - Date.now());
    expect(await outboxOf(api, user.id)).toEqual([]);
    const worker = await track(startWorkerApp(settings));
    await untilRows(worker, user.id, 2);

    const rows = (await worker.db.query(
      `SELECT id, payload->'refs'->>'reminderId' AS "reminderId", status, attempts,
              failure_reason AS "failureReason", created_at AS "createdAt", occurrence_at AS "dueAt"
         FROM notifications WHERE user_id = $1`,
      [user.id],
    )) as {
      reminderId: string;
      status: string;
      attempts: number;
      failureReason: string | null;
      createdAt: Date;
      dueAt: Date;
    }[];
    const late = (row: (typeof rows)[number]) => row.createdAt.getTime() - row.dueAt.getTime();
    const rowA = rows.find((row) => row.reminderId === a.id)!;
    const rowB = rows.find((row) => row.reminderId === b.id)!;
    // Both sides of the grace were exercised.
    expect(late(rowA)).toBeGreaterThan(3_000);
    expect(late(rowB)).toBeLessThan(3_000);

    expect(rowA).toMatchObject({ status: 'expired', attempts: 0 });
    expect(rowA.failureReason).toMatch(/^missed/);
    expect(rowB).toMatchObject({ status: 'pending', attempts: 1, failureReason: null });
    expect(await auditActions(worker, user.id, 'missed')).toEqual([a.id]);
    expect(await auditActions(worker, user.id, 'fired')).toEqual([b.id]);

    const read = async (id: string) =>
      (await executeOperationOk(worker, ReminderTriggerDocument, { id }, user)).reminder;
    expect(await read(a.id)).toEqual({
      status: 'COMPLETED',
      lastTriggeredAt: null,
      nextRunAt: null,
    });
    expect(await read(b.id)).toMatchObject({ status: 'COMPLETED' });
    expect((await read(b.id)).lastTriggeredAt).not.toBeNull();
  });
});
