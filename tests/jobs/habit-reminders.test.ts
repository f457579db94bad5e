import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { habitReminderJob } from '../../src/jobs/habit-reminder.job.js';
import { addDays } from '../../src/services/habits/local-date.js';
import { todayIn } from '../../src/services/timezone.js';
import { seedUser, type TestUser } from '../support/factories.js';
import { executeOperationOk } from '../support/graphql-client.js';
import {
  CheckInDocument,
  CreateHabitDocument,
  PauseHabitDocument,
  ResumeHabitDocument,
  SetVacationDocument,
  SnoozeNotificationDocument,
  UndoCheckInDocument,
  UpdateSettingsDocument,
} from '../gql/graphql.js';
import type { TestApp } from '../support/test-app.js';
import { eventually, outboxOf, scheduledJobs, startWorkerApp } from './job-helpers.js';

const TZ = 'Asia/Yekaterinburg';
const TIME = '07:30';
let app: TestApp;

beforeAll(async () => {
  app = await startWorkerApp();
});
afterAll(() => app.stop());

const remindersOf = async (habitId: string) =>
  (await scheduledJobs(app, 'habit-reminder')).filter((job) => job.key?.includes(habitId));

async function createHabit(
  user: TestUser,
  startedOn = todayIn(TZ),
  target: number | null = null,
): Promise<string> {
  const data = await executeOperationOk(
    app,
    CreateHabitDocument,
    {
      input: {
        title: 'Зарядка',
        schedule: { kind: 'DAILY' },
        reminderTimes: [TIME],
        startedOn,
        target,
      },
    },
    user,
  );
  return data.createHabit.id;
}

/**
 * Fires the habit's 07:30 reminder now, as if 07:30 had just come (a second ahead, through
 * the queue the scheduler uses), and waits until the job queued the next one: by then it
 * has sent whatever it was going to send.
 */
async function fireNow(user: TestUser, habitId: string) {
  const at = new Date(Date.now() + 1000);
  const payload = { key: `test-habit:${habitId}@${at.toISOString()}`, dueAt: at.toISOString() };
  await app.deps.services.jobs.schedule(
    habitReminderJob,
    { ...payload, habitId, userId: user.id, time: TIME },
    at,
  );
  return eventually(async () => {
    const jobs = await remindersOf(habitId);
    return jobs.length === 1 && !jobs[0]!.key?.startsWith('test-') ? jobs[0] : null;
  });
}

describe('habit reminders', () => {
  it("are queued at the habit's local reminder time once it is created", async () => {
    const user = await seedUser(app, { timezone: TZ });
    const habitId = await createHabit(user);
    const [job] = await remindersOf(habitId);
    const at = DateTime.fromISO(job!.nextRunAt!, { zone: TZ });
    expect(at.toFormat('HH:mm')).toBe(TIME);
    expect(at.diffNow('hours').hours).toBeLessThanOrEqual(24);
  });

  it('say it is time, with the streak and the done / skip / snooze buttons, then queue tomorrow', async () => {
    const user = await seedUser(app, { timezone: TZ });
    const habitId = await createHabit(user, addDays(todayIn(TZ), -1));
    await executeOperationOk(
      app,
      CheckInDocument,
      { habitId, input: { date: addDays(todayIn(TZ), -1) } },
      user,
    );
    const next = await fireNow(user, habitId);
    const sent = await eventually(async () => (await outboxOf(app, user.id))[0]);
    expect(sent!.kind).toBe('habit_reminder');
    expect(sent!.text).toBe('🔁 Пора: Зарядка (🔥 1 день подряд)');
    const actions = sent!.payload.actions as { kind: string; habitId?: string }[];
    expect(actions.map((action) => action.kind)).toEqual([
      'check_in_habit',
      'skip_habit',
      'snooze',
      'snooze',
      'snooze',
      'snooze',
    ]);
    expect(actions[0]!.habitId).toBe(habitId);
    expect(actions[1]!.habitId).toBe(habitId);
    const at = DateTime.fromISO(next!.nextRunAt!, { zone: TZ });
    expect(at.toFormat('HH:mm')).toBe(TIME);
    expect(at > DateTime.now()).toBe(true);
  });

  it('stay silent on a day already checked off, and still queue the next', async () => {
    const user = await seedUser(app, { timezone: TZ });
    const habitId = await createHabit(user);
    await executeOperationOk(app, CheckInDocument, { habitId, input: { status: 'SKIPPED' } }, user);
    expect(await fireNow(user, habitId)).toBeTruthy();
    expect(await outboxOf(app, user.id)).toEqual([]);
  });

  it('stay silent on vacation', async () => {
    const user = await seedUser(app, { timezone: TZ });
    const habitId = await createHabit(user);
    const today = todayIn(TZ);
    await executeOperationOk(
      app,
      SetVacationDocument,
      { from: today, to: addDays(today, 3) },
      user,
    );
    expect(await fireNow(user, habitId)).toBeTruthy();
    expect(await outboxOf(app, user.id)).toEqual([]);
  });

  it('end when the habit is paused, and come back when it is resumed', async () => {
    const user = await seedUser(app, { timezone: TZ });
    const habitId = await createHabit(user);
    await executeOperationOk(app, PauseHabitDocument, { id: habitId }, user);
    expect(await remindersOf(habitId)).toEqual([]);
    await executeOperationOk(app, ResumeHabitDocument, { id: habitId }, user);
    expect(await remindersOf(habitId)).toHaveLength(1);
  });

  it('are queued again at worker start when a job was lost', async () => {
    const user = await seedUser(app, { timezone: TZ });
    const habitId = await createHabit(user);
    await app.deps.services.jobs.cancel(habitReminderJob, { habitId });
    expect(await remindersOf(habitId)).toEqual([]);
    await app.deps.services.reminderScheduler.reconcile();
    const [job] = await remindersOf(habitId);
    expect(DateTime.fromISO(job!.nextRunAt!, { zone: TZ }).toFormat('HH:mm')).toBe(TIME);
  });

  it('are not queued while the user has habit reminders switched off', async () => {
    const user = await seedUser(app, { timezone: TZ, settings: { habitRemindersEnabled: false } });
    const habitId = await createHabit(user);
    expect(await remindersOf(habitId)).toEqual([]);
    await executeOperationOk(
      app,
      UpdateSettingsDocument,
      { input: { habitRemindersEnabled: true } },
      user,
    );
    expect(await remindersOf(habitId)).toHaveLength(1);
  });

  it('snoozed, are withdrawn when the day is checked in elsewhere', async () => {
    const user = await seedUser(app, { timezone: TZ });
    const habitId = await createHabit(user);
    await fireNow(user, habitId);
    const sent = await eventually(async () => (await outboxOf(app, user.id))[0]);
    const snoozed = await executeOperationOk(
      app,
      SnoozeNotificationDocument,
      { id: sent!.id, minutes: 60 },
      user,
    );
    await executeOperationOk(app, CheckInDocument, { habitId }, user);
    const copy = (await outboxOf(app, user.id)).find(
      (row) => row.id === snoozed.snoozeNotification.id,
    );
    // Never offered when its hour comes: the release only offers pending rows.
    expect(copy?.status).toBe('expired');
  });

  it('come back when an undo makes a completed habit active again', async () => {
    const user = await seedUser(app, { timezone: TZ });
    const habitId = await createHabit(user, todayIn(TZ), 1);
    await executeOperationOk(app, CheckInDocument, { habitId }, user);
    // Completed: the next reminder finds nothing to ask and queues no other.
    const at = new Date(Date.now() + 1000);
    const payload = { key: `test-habit:${habitId}@${at.toISOString()}`, dueAt: at.toISOString() };
    await app.deps.services.jobs.schedule(
      habitReminderJob,
      { ...payload, habitId, userId: user.id, time: TIME },
      at,
    );
    const gone = await eventually(async () =>
      (await remindersOf(habitId)).length === 0 ? true : null,
    );
    expect(gone).toBe(true);
    const undone = await executeOperationOk(app, UndoCheckInDocument, { habitId }, user);
    expect(undone.undoCheckIn.status).toBe('ACTIVE');
    const [job] = await remindersOf(habitId);
    expect(DateTime.fromISO(job!.nextRunAt!, { zone: TZ }).toFormat('HH:mm')).toBe(TIME);
  });
});
