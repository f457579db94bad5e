import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import {
  AcknowledgeNotificationDocument,
  CreateApiTokenDocument,
  CreateEventDocument,
  DeleteEventDocument,
  PendingNotificationsDocument,
  ScheduledJobsDocument,
  UpdateEventDocument,
  UpdateSettingsDocument,
  type CreateEventInput,
} from '../gql/graphql.js';
import { buildUser, type TestUser } from '../support/factories.js';
import {
  asBot,
  asToken,
  errorCode,
  executeOperation,
  executeOperationOk,
  type Caller,
} from '../support/graphql-client.js';
import type { TestApp } from '../support/test-app.js';
import {
  eventually,
  outboxOf,
  scheduledJobs,
  startWorkerApp,
  watchNotifications,
} from './job-helpers.js';

let app: TestApp;

const clients: Client[] = [];

beforeAll(async () => {
  app = await startWorkerApp();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});
afterAll(() => app.stop());

const create = (user: TestUser, input: CreateEventInput) =>
  executeOperationOk(app, CreateEventDocument, { input }, user);

/** An event whose `offset`-minute reminder is due `inSeconds` from now. */
function startFor(offsetMinutes: number, inSeconds: number): string {
  return new Date(Date.now() + offsetMinutes * 60_000 + inSeconds * 1000).toISOString();
}

async function eventJobsOf(eventId: string) {
  return (await scheduledJobs(app, 'event-reminder')).filter((job) => job.key?.includes(eventId));
}

describe('event reminders', () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await buildUser(app, { timezone: 'Europe/Moscow' });
  });

  it('fires at start − offset, in Russian, to the bot subscribed for the platform', async () => {
    const feed = watchNotifications(app, 'TELEGRAM', clients);
    const { createEvent: event } = await create(user, {
      title: 'Встреча с Олей',
      start: startFor(1, 2),
      reminderMinutesBefore: [1],
    });
    const message = await feed.next(10_000);
    const notification = message?.data?.notifications;
    expect(notification).toMatchObject({
      kind: 'EVENT_REMINDER',
      channel: 'TELEGRAM',
      target: user.platformUserId,
      status: 'PENDING',
      attempts: 1,
      refs: { eventId: event.id },
    });
    // The date is shown only when the event is on another local day (a run just before midnight).
    expect(notification!.text).toMatch(
      /^⏰ Через 1 мин: Встреча с Олей \((\d{1,2} [а-я]+, )?\d\d:\d\d\)$/,
    );
    expect(notification!.actions.map((a: { kind: string }) => a.kind)).toEqual([
      'DONE',
      'SNOOZE',
      'SNOOZE',
      'SNOOZE',
      'SNOOZE',
    ]);
    const lateness = Date.now() - (Date.parse(event.startsAt) - 60_000);
    expect(lateness).toBeLessThan(3_000);

    const ack = () =>
      executeOperationOk(app, AcknowledgeNotificationDocument, { id: notification!.id }, asBot());
    const first = await ack();
    const second = await ack();
    expect(first.acknowledgeNotification.status).toBe('DELIVERED');
    expect(second.acknowledgeNotification).toEqual(first.acknowledgeNotification);
  });

  it('speaks English to an English user', async () => {
    const english = await buildUser(app, { language: 'EN', timezone: 'America/New_York' });
    await create(english, {
      title: 'Dentist',
      start: startFor(1, 1),
      reminderMinutesBefore: [1],
    });
    const rows = await eventually(async () => {
      const written = await outboxOf(app, english.id);
      return written.length ? written : null;
    });
    expect(rows?.[0]?.text).toMatch(/^⏰ In 1 min: Dentist \(\d\d:\d\d\)$/);
  });

  it('keeps one job per offset, moves them with the event and drops them on delete', async () => {
    const start = new Date(Date.now() + 3 * 3_600_000);
    const { createEvent: event } = await create(user, {
      title: 'Планёрка',
      start: start.toISOString(),
      reminderMinutesBefore: [10, 60],
    });
    const update = (input: { start?: string; reminderEnabled?: boolean }) =>
      executeOperationOk(app, UpdateEventDocument, { id: event.id, input }, user);
    const due = (jobs: { nextRunAt: string | null }[]) =>
      jobs.map((j) => Date.parse(j.nextRunAt!)).sort();
    expect(due(await eventJobsOf(event.id))).toEqual([
      start.getTime() - 60 * 60_000,
      start.getTime() - 10 * 60_000,
    ]);

    const moved = new Date(start.getTime() + 86_400_000);
    await update({ start: moved.toISOString() });
    expect(due(await eventJobsOf(event.id))).toEqual([
      moved.getTime() - 60 * 60_000,
      moved.getTime() - 10 * 60_000,
    ]);

    await update({ reminderEnabled: false });
    expect(await eventJobsOf(event.id)).toEqual([]);

    await update({ reminderEnabled: true });
    expect(await eventJobsOf(event.id)).toHaveLength(2);
    await executeOperationOk(app, DeleteEventDocument, { id: event.id }, user);
    expect(await eventJobsOf(event.id)).toEqual([]);
  });

  it('schedules the next occurrence of a recurring event after one fires', async () => {
    const recurring = await buildUser(app);
    const start = startFor(1, 1);
    const { createEvent: event } = await create(recurring, {
      title: 'Зарядка',
      start,
      recurrence: 'FREQ=DAILY',
      reminderMinutesBefore: [1],
    });
    await eventually(async () => (await outboxOf(app, recurring.id)).length > 0);
    const jobs = await eventually(async () => {
      const pending = await eventJobsOf(event.id);
      return pending.length === 1 && Date.parse(pending[0]!.nextRunAt!) > Date.now()
        ? pending
        : null;
    });
    expect(Date.parse(jobs![0]!.nextRunAt!)).toBe(Date.parse(start) + 86_400_000 - 60_000);
    expect(await outboxOf(app, recurring.id)).toHaveLength(1);
  });

  it('does not remind when the user switched event reminders off', async () => {
    const quiet = await buildUser(app);
    await executeOperationOk(
      app,
      UpdateSettingsDocument,
      { input: { eventRemindersEnabled: false } },
      quiet,
    );
    const { createEvent: event } = await create(quiet, {
      title: 'Без напоминания',
      start: startFor(1, 1),
      reminderMinutesBefore: [1],
    });
    expect(await eventJobsOf(event.id)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await outboxOf(app, quiet.id)).toEqual([]);
  });

  it('lets only service callers read the outbox and list jobs', async () => {
    const { createApiToken } = await executeOperationOk(
      app,
      CreateApiTokenDocument,
      { name: 'third party' },
      user,
    );
    for (const send of [
      (caller?: Caller) => executeOperation(app, ScheduledJobsDocument, {}, caller),
      (caller?: Caller) =>
        executeOperation(app, PendingNotificationsDocument, { platform: 'TELEGRAM' }, caller),
    ]) {
      expect(errorCode(await send(asToken(createApiToken.token)))).toBe('FORBIDDEN');
      expect(errorCode(await send())).toBe('UNAUTHENTICATED');
    }
  });
});
