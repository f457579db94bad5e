import { afterAll, describe, expect, it } from '@jest/globals';
import { buildUser } from '../support/factories.js';
import {
  CreateEventReminderStateDocument,
  EventReminderStateDocument,
  UpdateEventReminderStateDocument,
  type UpdateEventInput,
} from '../gql/graphql.js';
import { errorCode, executeOperation, executeOperationOk } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { scheduledJobs, startWorkerApp } from './job-helpers.js';

const apps: TestApp[] = [];
afterAll(() => Promise.all(apps.map((app) => app.stop())));

const hours = Array.from({ length: 24 }, (_, hour) => hour).join(',');
const everyTwoMinutes = Array.from({ length: 30 }, (_, i) => i * 2).join(',');
/** 720 occurrences a day: what once bricked start-up. */
const FLOOD = `FREQ=DAILY;BYHOUR=${hours};BYMINUTE=${everyTwoMinutes}`;

describe('one bad event at start-up', () => {
  it('is refused on write, and a stored one only loses its reminders at reconcile', async () => {
    const api = await startTestApp();
    apps.push(api);
    const user = await buildUser(api);
    const start = new Date(Date.now() + 3 * 86_400_000).toISOString();

    const refused = await executeOperation(
      api,
      CreateEventReminderStateDocument,
      { input: { title: 'Flood', start, recurrence: FLOOD, reminderMinutesBefore: [5] } },
      user,
    );
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');

    const { createEvent: good } = await executeOperationOk(
      api,
      CreateEventReminderStateDocument,
      { input: { title: 'Weekly', start, recurrence: 'FREQ=WEEKLY' } },
      user,
    );
    expect(good).toMatchObject({ reminderEnabled: true, remindersDisabledReason: null });
    // A row written before the limits existed (or by hand): straight into the table.
    const [bad] = (await api.db.query(
      `INSERT INTO events (user_id, title, starts_at, timezone, recurrence, reminder_minutes_before)
       VALUES ($1, 'Flood', $2, 'UTC', $3, '{5}') RETURNING id`,
      [user.id, start, FLOOD],
    )) as { id: string }[];

    const worker = await startWorkerApp(); // reconcile runs before this resolves
    apps.push(worker);
    const { event } = await executeOperationOk(
      worker,
      EventReminderStateDocument,
      { id: bad!.id },
      user,
    );
    expect(event.reminderEnabled).toBe(false);
    expect(event.remindersDisabledReason).toMatch(/too many occurrences/i);
    const keys = (await scheduledJobs(worker, 'event-reminder')).map((job) => job.key);
    expect(keys.some((key) => key?.includes(good.id))).toBe(true);
    expect(keys.some((key) => key?.includes(bad!.id))).toBe(false);

    // Other edits keep the reason; turning reminders back on (the user's call) clears it.
    const edit = (input: UpdateEventInput) =>
      executeOperationOk(
        worker,
        UpdateEventReminderStateDocument,
        { id: bad!.id, input },
        user,
      ).then((d) => d.updateEvent);
    const renamed = await edit({ title: 'Flood, renamed', recurrence: 'FREQ=DAILY' });
    expect(renamed.remindersDisabledReason).toMatch(/too many occurrences/i);
    const back = await edit({ reminderEnabled: true });
    expect(back).toEqual({ reminderEnabled: true, remindersDisabledReason: null });
  });
});
