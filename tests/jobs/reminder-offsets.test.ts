import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import {
  CreateEventDocument,
  SnoozeNotificationDocument,
  UpdateDefaultRemindersDocument,
  UpdateEventDocument,
  UpdateSettingsDocument,
  type CreateEventInput,
  type UpdateEventInput,
  type UpdateSettingsInput,
} from '../gql/graphql.js';
import { buildUser, type TestUser } from '../support/factories.js';
import { errorCode, executeOperation, executeOperationOk } from '../support/graphql-client.js';
import type { TestApp } from '../support/test-app.js';
import { eventually, scheduledJobs, startWorkerApp, watchNotifications } from './job-helpers.js';

let app: TestApp;
let user: TestUser;
const clients: Client[] = [];

beforeAll(async () => {
  app = await startWorkerApp();
  user = await buildUser(app, { timezone: 'Europe/Moscow' });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});
afterAll(() => app.stop());

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

async function create(input: CreateEventInput, who: TestUser = user) {
  return (await executeOperationOk(app, CreateEventDocument, { input }, who)).createEvent;
}

const updateDefaults = (who: TestUser, input: UpdateSettingsInput) =>
  executeOperation(app, UpdateDefaultRemindersDocument, { input }, who);

describe('an event whose reminder would already be past', () => {
  it('is reminded at its start: "созвон через 3 минуты" with the default 15 minutes before', async () => {
    const event = await create({ title: 'Созвон с командой', start: inMinutes(3) });
    expect(event.reminderMinutesBefore).toEqual([0]);
    const jobs = (await scheduledJobs(app, 'event-reminder')).filter((job) =>
      job.key?.includes(event.id),
    );
    expect(jobs.map((job) => Date.parse(job.nextRunAt!))).toEqual([Date.parse(event.startsAt)]);
  });

  it('fires at the start, on time, saying it starts now', async () => {
    const feed = watchNotifications(app, 'TELEGRAM', clients);
    const start = new Date(Date.now() + 2_000);
    const event = await create({ title: 'Выпить таблетки', start: start.toISOString() });
    expect(event.reminderMinutesBefore).toEqual([0]);
    const notification = (await feed.next(10_000))?.data?.notifications;
    expect(notification).toMatchObject({ kind: 'EVENT_REMINDER', refs: { eventId: event.id } });
    expect(notification!.text).toMatch(/^⏰ Сейчас: Выпить таблетки/);
    expect(Math.abs(Date.now() - start.getTime())).toBeLessThan(3_000);
  });

  it('keeps offsets that are still ahead, explicit "none", and recurring rules', async () => {
    expect((await create({ title: 'Later', start: inMinutes(180) })).reminderMinutesBefore).toEqual(
      [15],
    );
    const mixed = await create({
      title: 'Mixed',
      start: inMinutes(30),
      reminderMinutesBefore: [60, 15],
    });
    expect(mixed.reminderMinutesBefore).toEqual([15, 60]);
    const none = await create({ title: 'Quiet', start: inMinutes(3), reminderMinutesBefore: [] });
    expect(none.reminderMinutesBefore).toEqual([]);
    const daily = await create({ title: 'Daily', start: inMinutes(3), recurrence: 'FREQ=DAILY' });
    expect(daily.reminderMinutesBefore).toEqual([15]);
  });

  it('applies when an event is moved close to now, not when only its title changes', async () => {
    const event = await create({ title: 'Moved', start: inMinutes(120) });
    const update = (input: UpdateEventInput) =>
      executeOperationOk(app, UpdateEventDocument, { id: event.id, input }, user);
    const renamed = await update({ title: 'Still later' });
    expect(renamed.updateEvent.reminderMinutesBefore).toEqual([15]);
    const moved = await update({ start: inMinutes(5) });
    expect(moved.updateEvent.reminderMinutesBefore).toEqual([0]);
  });
});

describe('the user default for new events', () => {
  it('is used by new events, sorted and without repeats', async () => {
    const someone = await buildUser(app);
    const saved = await executeOperationOk(
      app,
      UpdateDefaultRemindersDocument,
      { input: { defaultReminderMinutes: [60, 5, 60] } },
      someone,
    );
    expect(saved.updateSettings.settings.defaultReminderMinutes).toEqual([5, 60]);
    const event = await create({ title: 'With my defaults', start: inMinutes(600) }, someone);
    expect(event.reminderMinutesBefore).toEqual([5, 60]);
    await executeOperationOk(
      app,
      UpdateDefaultRemindersDocument,
      { input: { defaultReminderMinutes: [] } },
      someone,
    );
    const silent = await create({ title: 'No reminder', start: inMinutes(600) }, someone);
    expect(silent.reminderMinutesBefore).toEqual([]);
  });

  it('rejects offsets out of range with BAD_USER_INPUT', async () => {
    for (const bad of [[-1], [50_000], [1, 2, 3, 4, 5, 6]]) {
      const result = await updateDefaults(user, { defaultReminderMinutes: bad });
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
    }
  });
});

describe('a reminder shown after its event began', () => {
  it('says how long ago the event started once a snooze ends, not "in 2 min"', async () => {
    const someone = await buildUser(app, { timezone: 'Europe/Moscow' });
    const feed = watchNotifications(app, 'TELEGRAM', clients);
    const event = await create(
      { title: 'Планёрка', start: new Date(Date.now() + 1_500).toISOString() },
      someone,
    );
    const fired = (await feed.next(10_000))?.data?.notifications;
    expect(fired).toMatchObject({ refs: { eventId: event.id } });
    expect(fired!.text).toMatch(/^⏰ Сейчас: Планёрка/);
    const { snoozeNotification: copy } = await executeOperationOk(
      app,
      SnoozeNotificationDocument,
      { id: fired!.id, minutes: 10 },
      someone,
    );
    expect(copy.text).toMatch(/^⏰ Началось 10 мин назад: Планёрка \(\d\d:\d\d\)$/);
  });

  it('says so when quiet hours held it past the start', async () => {
    const english = await buildUser(app, { timezone: 'UTC', language: 'EN' });
    const now = new Date();
    const hhmm = (date: Date) => date.toISOString().slice(11, 16);
    // Quiet from a minute ago until 30 minutes from now (UTC): the reminder waits for the end.
    await executeOperationOk(
      app,
      UpdateSettingsDocument,
      {
        input: {
          quietHoursStart: hhmm(new Date(now.getTime() - 60_000)),
          quietHoursEnd: hhmm(new Date(now.getTime() + 30 * 60_000)),
        },
      },
      english,
    );
    const event = await create(
      { title: 'Standup', start: new Date(Date.now() + 1_500).toISOString() },
      english,
    );
    const row = await eventually(async () => {
      const [found] = (await app.db.query(
        `SELECT text, available_at AS "availableAt" FROM notifications
          WHERE payload->'refs'->>'eventId' = $1`,
        [event.id],
      )) as { text: string; availableAt: Date }[];
      return found;
    });
    expect(row?.text).toMatch(/^⏰ Started (29|30) min ago: Standup/);
  });
});
