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
let app: TestApp;
const clients: Client[] = [];

beforeAll(async () => {
  app = await startWorkerApp();
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
});
