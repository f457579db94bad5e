import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import { buildUser, type TestUser } from '../support/factories.js';
import { asBot, asToken, errorCode, execute } from '../support/graphql-client.js';
import type { TestApp } from '../support/test-app.js';
import {
  eventually,
  gql,
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

const CREATE_EVENT = `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id startsAt } }`;

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
    const { createEvent } = await gql(app, user.credentials)(CREATE_EVENT, {
      input: { title: 'Встреча с Олей', start: startFor(1, 2), reminderMinutesBefore: [1] },
    });
    const message = await feed.next(10_000);
    const notification = message?.data?.notifications;
    expect(notification).toMatchObject({
      kind: 'EVENT_REMINDER',
      channel: 'TELEGRAM',
      target: user.platformUserId,
      status: 'PENDING',
      attempts: 1,
      refs: { eventId: createEvent.id },
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
    const lateness = Date.now() - (Date.parse(createEvent.startsAt) - 60_000);
    expect(lateness).toBeLessThan(3_000);

    const ack = `mutation ($id: ID!) { acknowledgeNotification(id: $id) { status deliveredAt } }`;
    const first = await gql(app, asBot())(ack, { id: notification!.id });
    const second = await gql(app, asBot())(ack, { id: notification!.id });
    expect(first.acknowledgeNotification.status).toBe('DELIVERED');
    expect(second.acknowledgeNotification).toEqual(first.acknowledgeNotification);
  });

  it('speaks English to an English user', async () => {
    const english = await buildUser(app, { language: 'EN', timezone: 'America/New_York' });
    await gql(app, english.credentials)(CREATE_EVENT, {
      input: { title: 'Dentist', start: startFor(1, 1), reminderMinutesBefore: [1] },
    });
    const rows = await eventually(async () => {
      const written = await outboxOf(app, english.id);
      return written.length ? written : null;
    });
    expect(rows?.[0]?.text).toMatch(/^⏰ In 1 min: Dentist \(\d\d:\d\d\)$/);
  });

  it('keeps one job per offset, moves them with the event and drops them on delete', async () => {
    const run = gql(app, user.credentials);
    const start = new Date(Date.now() + 3 * 3_600_000);
    const { createEvent } = await run(CREATE_EVENT, {
      input: { title: 'Планёрка', start: start.toISOString(), reminderMinutesBefore: [10, 60] },
    });
    const due = (jobs: { nextRunAt: string | null }[]) =>
      jobs.map((j) => Date.parse(j.nextRunAt!)).sort();
    expect(due(await eventJobsOf(createEvent.id))).toEqual([
      start.getTime() - 60 * 60_000,
      start.getTime() - 10 * 60_000,
    ]);

    const moved = new Date(start.getTime() + 86_400_000);
    await run(
      `mutation ($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id } }`,
      {
        id: createEvent.id,
        input: { start: moved.toISOString() },
      },
    );
    expect(due(await eventJobsOf(createEvent.id))).toEqual([
      moved.getTime() - 60 * 60_000,
      moved.getTime() - 10 * 60_000,
    ]);

    await run(
      `mutation ($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id } }`,
      {
        id: createEvent.id,
        input: { reminderEnabled: false },
      },
    );
    expect(await eventJobsOf(createEvent.id)).toEqual([]);

    await run(
      `mutation ($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id } }`,
      {
        id: createEvent.id,
        input: { reminderEnabled: true },
      },
    );
    expect(await eventJobsOf(createEvent.id)).toHaveLength(2);
    await run(`mutation ($id: ID!) { deleteEvent(id: $id) }`, { id: createEvent.id });
    expect(await eventJobsOf(createEvent.id)).toEqual([]);
  });

  it('schedules the next occurrence of a recurring event after one fires', async () => {
    const recurring = await buildUser(app);
    const start = startFor(1, 1);
    const { createEvent } = await gql(app, recurring.credentials)(CREATE_EVENT, {
      input: { title: 'Зарядка', start, recurrence: 'FREQ=DAILY', reminderMinutesBefore: [1] },
    });
    await eventually(async () => (await outboxOf(app, recurring.id)).length > 0);
    const jobs = await eventually(async () => {
      const pending = await eventJobsOf(createEvent.id);
      return pending.length === 1 && Date.parse(pending[0]!.nextRunAt!) > Date.now()
        ? pending
        : null;
    });
    expect(Date.parse(jobs![0]!.nextRunAt!)).toBe(Date.parse(start) + 86_400_000 - 60_000);
    expect(await outboxOf(app, recurring.id)).toHaveLength(1);
  });

  it('does not remind when the user switched event reminders off', async () => {
    const quiet = await buildUser(app);
    const run = gql(app, quiet.credentials);
    await run(`mutation { updateSettings(input: { eventRemindersEnabled: false }) { id } }`);
    const { createEvent } = await run(CREATE_EVENT, {
      input: { title: 'Без напоминания', start: startFor(1, 1), reminderMinutesBefore: [1] },
    });
    expect(await eventJobsOf(createEvent.id)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await outboxOf(app, quiet.id)).toEqual([]);
  });

  it('lets only service callers read the outbox and list jobs', async () => {
    const { createApiToken } = await gql(
      app,
      user.credentials,
    )(`mutation { createApiToken(name: "third party") { token } }`);
    for (const query of [
      `query { scheduledJobs { name } }`,
      `query { pendingNotifications(platform: TELEGRAM) { id } }`,
    ]) {
      const asThirdParty = await execute(app.graphqlUrl, query, {}, asToken(createApiToken.token));
      expect(errorCode(asThirdParty)).toBe('FORBIDDEN');
      expect(errorCode(await execute(app.graphqlUrl, query))).toBe('UNAUTHENTICATED');
    }
  });
});
