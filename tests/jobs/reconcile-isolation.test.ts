import { afterAll, describe, expect, it } from '@jest/globals';
import { buildUser } from '../support/factories.js';
import { errorCode, execute } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { gql, scheduledJobs, startWorkerApp } from './job-helpers.js';

const apps: TestApp[] = [];
afterAll(() => Promise.all(apps.map((app) => app.stop())));

const hours = Array.from({ length: 24 }, (_, hour) => hour).join(',');
const everyTwoMinutes = Array.from({ length: 30 }, (_, i) => i * 2).join(',');
/** 720 occurrences a day: what once bricked start-up. */
const FLOOD = `FREQ=DAILY;BYHOUR=${hours};BYMINUTE=${everyTwoMinutes}`;

const CREATE = `mutation ($input: CreateEventInput!) {
  createEvent(input: $input) { id reminderEnabled remindersDisabledReason } }`;
const EVENT = `query ($id: ID!) { event(id: $id) { reminderEnabled remindersDisabledReason } }`;

describe('one bad event at start-up', () => {
  it('is refused on write, and a stored one only loses its reminders at reconcile', async () => {
    const api = await startTestApp();
    apps.push(api);
    const user = await buildUser(api);
    const start = new Date(Date.now() + 3 * 86_400_000).toISOString();

    const refused = await execute(
      api.graphqlUrl,
      CREATE,
      { input: { title: 'Flood', start, recurrence: FLOOD, reminderMinutesBefore: [5] } },
      user.credentials,
    );
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');

    const { createEvent: good } = await gql(api, user.credentials)(CREATE, {
      input: { title: 'Weekly', start, recurrence: 'FREQ=WEEKLY' },
    });
    expect(good).toMatchObject({ reminderEnabled: true, remindersDisabledReason: null });
    // A row written before the limits existed (or by hand): straight into the table.
    const [bad] = (await api.db.query(
      `INSERT INTO events (user_id, title, starts_at, timezone, recurrence, reminder_minutes_before)
       VALUES ($1, 'Flood', $2, 'UTC', $3, '{5}') RETURNING id`,
      [user.id, start, FLOOD],
    )) as { id: string }[];

    const worker = await startWorkerApp(); // reconcile runs before this resolves
    apps.push(worker);
    const { event } = await gql(worker, user.credentials)(EVENT, { id: bad!.id });
    expect(event.reminderEnabled).toBe(false);
    expect(event.remindersDisabledReason).toMatch(/too many occurrences/i);
    const keys = (await scheduledJobs(worker, 'event-reminder')).map((job) => job.key);
    expect(keys.some((key) => key?.includes(good.id))).toBe(true);
    expect(keys.some((key) => key?.includes(bad!.id))).toBe(false);

    // Other edits keep the reason; turning reminders back on (the user's call) clears it.
    const UPDATE = `mutation ($id: ID!, $input: UpdateEventInput!) {
      updateEvent(id: $id, input: $input) { reminderEnabled remindersDisabledReason } }`;
    const edit = (input: Record<string, unknown>) =>
      gql(worker, user.credentials)(UPDATE, { id: bad!.id, input }).then((d) => d.updateEvent);
    const renamed = await edit({ title: 'Flood, renamed', recurrence: 'FREQ=DAILY' });
    expect(renamed.remindersDisabledReason).toMatch(/too many occurrences/i);
    const back = await edit({ reminderEnabled: true });
    expect(back).toEqual({ reminderEnabled: true, remindersDisabledReason: null });
  });
});
