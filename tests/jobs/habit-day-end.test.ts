import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { HabitCheckIn } from '../../src/entities/index.js';
import { habitDayEndJob } from '../../src/jobs/habit-day-end.job.js';
import { addDays } from '../../src/services/habits/local-date.js';
import type { Client } from 'graphql-ws';
import { CreateHabitDocument, HabitProgressDocument, UpdateHabitDocument } from '../gql/graphql.js';
import { seedHabit, seedUser, type TestUser } from '../support/factories.js';
import { executeOperationOk, subscribeTo, wsClient } from '../support/graphql-client.js';
import { untilLive } from '../support/subscriptions.js';
import type { TestApp } from '../support/test-app.js';
import { eventually, scheduledJobs, startWorkerApp } from './job-helpers.js';

const TZ = 'Asia/Yekaterinburg';
/** Its own jobs table, named here so a test can fail a job in it. */
const JOBS_TABLE = `habit_day_end_${process.pid}`;
let app: TestApp;
const clients: Client[] = [];

beforeAll(async () => {
  app = await startWorkerApp({ JOBS_TABLE });
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await app.stop();
});

const todayIn = (zone: string) => DateTime.now().setZone(zone).toISODate()!;
const dayEndJobsOf = async (user: TestUser) =>
  (await scheduledJobs(app, 'habit-day-end')).filter((job) => job.key?.includes(user.id));

/** Runs one day end now, as if the user's day had just begun. */
async function runDayEnd(user: TestUser) {
  const now = new Date();
  const payload = { key: `test-day-end:${user.id}@${now.toISOString()}`, dueAt: now.toISOString() };
  await app.deps.services.jobs.schedule(habitDayEndJob, { ...payload, userId: user.id }, now);
}

const missedOf = (habitId: string) =>
  app.db.getRepository(HabitCheckIn).find({ where: { habitId, status: 'missed' as never } });

describe('the end of a habit day', () => {
  it("is queued at the user's day start once they create a habit", async () => {
    const user = await seedUser(app, { timezone: TZ, settings: { dayStart: '03:00' } });
    expect(await dayEndJobsOf(user)).toEqual([]);
    await executeOperationOk(
      app,
      CreateHabitDocument,
      { input: { title: 'Зарядка', schedule: { kind: 'DAILY' } } },
      user,
    );
    const [job] = await dayEndJobsOf(user);
    const at = DateTime.fromISO(job!.nextRunAt!, { zone: TZ });
    expect(at.toFormat('HH:mm')).toBe('03:00');
    expect(at.diffNow('hours').hours).toBeGreaterThan(0);
    expect(at.diffNow('hours').hours).toBeLessThanOrEqual(24);
  });

  it('writes the days that became final as missed, then queues the next day end', async () => {
    const user = await seedUser(app, { timezone: TZ });
    const today = todayIn(TZ);
    const habitId = await seedHabit(app, user, { startedOn: addDays(today, -4) });
    await runDayEnd(user);
    // Today and yesterday stay open; the three days before are final and missed.
    const missed = await eventually(async () => {
      const rows = await missedOf(habitId);
      return rows.length === 3 ? rows : null;
    });
    expect(missed?.map((row) => row.localDate).sort()).toEqual([
      addDays(today, -4),
      addDays(today, -3),
      addDays(today, -2),
    ]);
    const next = await eventually(async () => (await dayEndJobsOf(user))[0]);
    expect(DateTime.fromISO(next!.nextRunAt!, { zone: TZ }).toFormat('HH:mm')).toBe('00:00');
  });

  it('ends its chain when the user has no active habit any more', async () => {
    const user = await seedUser(app, { timezone: TZ });
    await seedHabit(app, user, {
      startedOn: addDays(todayIn(TZ), -2),
      status: 'archived' as never,
    });
    await runDayEnd(user);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await dayEndJobsOf(user)).toEqual([]);
  });

  it('tells habitProgress subscribers only of the habits whose days it wrote', async () => {
    const user = await seedUser(app, { timezone: TZ });
    const today = todayIn(TZ);
    const lapsed = await seedHabit(app, user, { startedOn: addDays(today, -3), title: 'Lapsed' });
    const fresh = await seedHabit(app, user, { startedOn: today, title: 'Fresh' });
    const client = wsClient(app.wsUrl, user.credentials);
    clients.push(client);
    const updates = subscribeTo(client, HabitProgressDocument, {});
    await untilLive(updates, () =>
      executeOperationOk(app, UpdateHabitDocument, { id: fresh, input: {} }, user),
    );
    while (await updates.next(200));

    await runDayEnd(user);
    const update = await updates.next();
    expect(update?.data?.habitProgress).toMatchObject({ habitId: lapsed, currentStreak: 0 });
    // The fresh habit had nothing to write: no update for it.
    expect(await updates.next(1500)).toBeNull();
  });

  it('queues the next day ends of a batch in one statement as one by one would: a queued key kept, a failed one revived, each once', async () => {
    const [kept, failed, fresh] = await Promise.all([1, 2, 3].map(() => seedUser(app)));
    const at = new Date(Date.now() + 30 * 86_400_000);
    const later = new Date(at.getTime() + 3_600_000);
    const item = (user: TestUser, when: Date) => ({
      payload: { key: `many:${user.id}`, dueAt: when.toISOString(), userId: user.id },
      at: when,
    });
    const { jobs } = app.deps.services;
    await jobs.schedule(habitDayEndJob, item(kept, at).payload, at);
    await jobs.schedule(habitDayEndJob, item(failed, at).payload, at);
    // Failed for good: no next run.
    await app.db.query(
      `UPDATE "${JOBS_TABLE}" SET next_run_at = NULL, fail_count = 1 WHERE data->>'key' = $1`,
      [`many:${failed.id}`],
    );
    await jobs.scheduleMany(habitDayEndJob, [
      item(kept, later),
      item(failed, later),
      item(fresh, later),
      item(fresh, later),
    ]);
    const byKey = new Map(
      (await scheduledJobs(app, 'habit-day-end'))
        .filter((job) => job.key?.startsWith('many:'))
        .map((job) => [job.key, job]),
    );
    expect(byKey.size).toBe(3);
    expect(byKey.get(`many:${kept.id}`)?.nextRunAt).toBe(at.toISOString());
    expect(byKey.get(`many:${failed.id}`)).toMatchObject({
      nextRunAt: later.toISOString(),
      failCount: 0,
    });
    expect(byKey.get(`many:${fresh.id}`)?.nextRunAt).toBe(later.toISOString());
    // Queued by the batch, run by the worker like any other: it has the job's payload.
    await app.db.query(`UPDATE "${JOBS_TABLE}" SET next_run_at = now() WHERE data->>'key' = $1`, [
      `many:${fresh.id}`,
    ]);
    await eventually(async () =>
      (await scheduledJobs(app, 'habit-day-end')).some((job) => job.key === `many:${fresh.id}`)
        ? null
        : true,
    );
  });
});
