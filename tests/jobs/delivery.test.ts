import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from 'graphql-ws';
import { DateTime } from 'luxon';
import { releaseNotificationJob } from '../../src/jobs/release-notification.job.js';
import { reminderJob } from '../../src/jobs/reminder.job.js';
import {
  AcknowledgeNotificationDocument,
  CreateReminderDocument,
  PendingNotificationsDocument,
  ReminderRunsDocument,
  ScheduledJobsDocument,
  SnoozeNotificationDocument,
  UpdateSettingsDocument,
  type NotificationsSubscription,
  type OutboxNotificationFieldsFragment,
  type SnoozeNotificationMutationVariables,
  type SnoozePreset,
} from '../gql/graphql.js';
import { buildUser, type TestUser } from '../support/factories.js';
import {
  asBot,
  errorCode,
  executeOperation,
  executeOperationOk,
  type Caller,
} from '../support/graphql-client.js';
import type { LiveSubscription } from '../support/subscriptions.js';
import type { TestApp } from '../support/test-app.js';
import {
  eventually,
  outboxOf,
  scheduledJobs,
  startWorkerApp,
  watchNotifications,
} from './job-helpers.js';

// The notifications table is shared by every test app (and by test files running in
// parallel), so every assertion below looks at this file's own users and rows only.

const clients: Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});

type Notification = OutboxNotificationFieldsFragment;

const acknowledge = (app: TestApp, id: string, caller: Caller) =>
  executeOperation(app, AcknowledgeNotificationDocument, { id }, caller);
const snooze = (app: TestApp, variables: SnoozeNotificationMutationVariables, caller: Caller) =>
  executeOperation(app, SnoozeNotificationDocument, variables, caller);
const snoozeOk = async (
  app: TestApp,
  variables: SnoozeNotificationMutationVariables,
  caller: Caller,
) =>
  (await executeOperationOk(app, SnoozeNotificationDocument, variables, caller)).snoozeNotification;

type Row = Awaited<ReturnType<typeof outboxOf>>[number];

/** A one-time reminder due `inMs` from now, fired by the worker; resolves to its outbox row. */
async function fireReminder(app: TestApp, user: TestUser, text: string, inMs = 600) {
  const { createReminder } = await executeOperationOk(
    app,
    CreateReminderDocument,
    { input: { type: 'ONE_TIME', text, triggerAt: new Date(Date.now() + inMs).toISOString() } },
    user,
  );
  return rowOf(app, user, createReminder.id);
}

async function rowOf(app: TestApp, user: TestUser, reminderId: string): Promise<Row> {
  const row = await eventually(async () =>
    (await outboxOf(app, user.id)).find((r) => r.payload.refs.reminderId === reminderId),
  );
  if (!row) throw new Error(`reminder ${reminderId} wrote no notification`);
  return row;
}

async function pendingFor(app: TestApp, platform: 'TELEGRAM' | 'MAX') {
  const data = await executeOperationOk(
    app,
    PendingNotificationsDocument,
    { platform, limit: 500 },
    asBot(),
  );
  return data.pendingNotifications;
}

/** The next notification on the feed that `match`es (others' notifications are skipped). */
async function nextMatching(
  feed: LiveSubscription<NotificationsSubscription>,
  match: (notification: Notification) => boolean,
  timeoutMs: number,
): Promise<Notification | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) return null;
    const message = await feed.next(left);
    if (!message) return null;
    expect(message.errors).toBeUndefined();
    const notification = message.data?.notifications;
    if (notification && match(notification)) return notification;
  }
}

/** The first instant after `now` when the clock in `zone` shows hh:mm on day `now + days`. */
function localAt(zone: string, time: string, now: Date, days = 0): number {
  const [hour, minute] = time.split(':').map(Number);
  const local = DateTime.fromJSDate(now, { zone });
  let at = local.plus({ days }).set({ hour, minute, second: 0, millisecond: 0 });
  if (days === 0 && at <= local) at = at.plus({ days: 1 });
  return at.toMillis();
}

describe('offering, acknowledging and snoozing', () => {
  let app: TestApp;
  let telegram: TestUser;
  let max: TestUser;

  beforeAll(async () => {
    app = await startWorkerApp();
    [telegram, max] = await Promise.all([buildUser(app), buildUser(app, { platform: 'MAX' })]);
  });
  afterAll(() => app.stop());

  it('pendingNotifications returns the due rows of its platform only and counts an offer', async () => {
    // A third user in quiet hours right now: the row is held (not due), not offered.
    const held = await buildUser(app, { timezone: 'Asia/Tokyo' });
    const hour = DateTime.now().setZone('Asia/Tokyo').hour;
    const hh = (h: number) => `${String((h + 24) % 24).padStart(2, '0')}:00`;
    await executeOperationOk(
      app,
      UpdateSettingsDocument,
      { input: { quietHoursStart: hh(hour - 1), quietHoursEnd: hh(hour + 2) } },
      held,
    );

    const [tgRow, maxRow, heldRow] = await Promise.all([
      fireReminder(app, telegram, 'Telegram one'),
      fireReminder(app, max, 'Max one'),
      fireReminder(app, held, 'Held one'),
    ]);
    expect(tgRow).toMatchObject({ status: 'pending', attempts: 1 });
    expect(maxRow).toMatchObject({ status: 'pending', attempts: 1 });
    expect(heldRow).toMatchObject({ status: 'pending', attempts: 0 });
    expect(heldRow.availableAt.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);

    const forTelegram = await pendingFor(app, 'TELEGRAM');
    expect(forTelegram.every((n) => n.channel === 'TELEGRAM' && n.status === 'PENDING')).toBe(true);
    const ids = forTelegram.map((n) => n.id);
    expect(ids).toContain(tgRow.id);
    expect(ids).not.toContain(maxRow.id);
    expect(ids).not.toContain(heldRow.id);
    expect(forTelegram.find((n) => n.id === tgRow.id)).toMatchObject({
      userId: telegram.id,
      attempts: 2,
    });

    const forMax = await pendingFor(app, 'MAX');
    expect(forMax.every((n) => n.channel === 'MAX')).toBe(true);
    expect(forMax.map((n) => n.id)).toEqual(expect.arrayContaining([maxRow.id]));
    expect(forMax.map((n) => n.id)).not.toContain(tgRow.id);
    expect(forMax.find((n) => n.id === maxRow.id)).toMatchObject({ userId: max.id, attempts: 2 });

    const after = new Map(
      [...(await outboxOf(app, telegram.id)), ...(await outboxOf(app, held.id))].map((r) => [
        r.id,
        r,
      ]),
    );
    expect(after.get(tgRow.id)?.attempts).toBe(2);
    expect(after.get(heldRow.id)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('acknowledge marks it delivered, it is not offered again, and a second ack is harmless', async () => {
    const row = await fireReminder(app, telegram, 'Acknowledge me');
    const stranger = await buildUser(app);
    const byStranger = await acknowledge(app, row.id, stranger);
    expect(errorCode(byStranger)).toBe('NOT_FOUND');

    const first = await executeOperationOk(
      app,
      AcknowledgeNotificationDocument,
      { id: row.id },
      asBot(),
    );
    expect(first.acknowledgeNotification).toMatchObject({ id: row.id, status: 'DELIVERED' });
    expect(first.acknowledgeNotification.deliveredAt).toEqual(expect.any(String));
    const second = await executeOperationOk(
      app,
      AcknowledgeNotificationDocument,
      { id: row.id },
      telegram,
    );
    expect(second.acknowledgeNotification).toEqual(first.acknowledgeNotification);

    expect((await pendingFor(app, 'TELEGRAM')).map((n) => n.id)).not.toContain(row.id);
    const [stored] = (await outboxOf(app, telegram.id)).filter((r) => r.id === row.id);
    expect(stored).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('snoozes for 10 minutes: the original is delivered, a fresh copy waits for its release job', async () => {
    const row = await fireReminder(app, max, 'Snooze me');
    const before = Date.now();
    const copy = await snoozeOk(app, { id: row.id, minutes: 10 }, max);
    const after = Date.now();
    expect(copy).toMatchObject({
      userId: max.id,
      channel: 'MAX',
      target: max.platformUserId,
      kind: 'REMINDER',
      text: row.text,
      status: 'PENDING',
      attempts: 0,
      occurrenceAt: copy.availableAt,
    });
    expect(copy.id).not.toBe(row.id);
    const until = Date.parse(copy.availableAt);
    expect(until).toBeGreaterThanOrEqual(before + 10 * 60_000);
    expect(until).toBeLessThanOrEqual(after + 10 * 60_000);

    const rows = new Map((await outboxOf(app, max.id)).map((r) => [r.id, r]));
    expect(rows.get(row.id)?.status).toBe('delivered');
    expect(rows.get(copy.id)).toMatchObject({ status: 'pending', attempts: 0 });

    const release = (await scheduledJobs(app, releaseNotificationJob.name)).filter(
      (job) => job.key === `release:${copy.id}`,
    );
    expect(release).toHaveLength(1);
    expect(Date.parse(release[0].nextRunAt!)).toBe(until);
    // Held, so not something to send now.
    expect((await pendingFor(app, 'MAX')).map((n) => n.id)).not.toContain(copy.id);
  });

  it('THIS_EVENING and TOMORROW_MORNING follow the user’s own times in their timezone', async () => {
    const zone = 'Asia/Tokyo';
    const user = await buildUser(app, { timezone: zone });
    await executeOperationOk(
      app,
      UpdateSettingsDocument,
      { input: { eveningNudgeTime: '21:35', digestTime: '07:10' } },
      user,
    );
    const row = await fireReminder(app, user, 'Later');
    const snoozeTo = async (preset: SnoozePreset) => {
      const now = new Date();
      const copy = await snoozeOk(app, { id: row.id, preset }, user);
      return { now, at: Date.parse(copy.availableAt) };
    };

    const evening = await snoozeTo('THIS_EVENING');
    expect(evening.at).toBe(localAt(zone, '21:35', evening.now));
    expect(DateTime.fromMillis(evening.at, { zone }).toFormat('HH:mm')).toBe('21:35');
    expect(evening.at - evening.now.getTime()).toBeLessThanOrEqual(24 * 3_600_000);

    const morning = await snoozeTo('TOMORROW_MORNING');
    expect(morning.at).toBe(localAt(zone, '07:10', morning.now, 1));
    expect(DateTime.fromMillis(morning.at, { zone }).toISODate()).toBe(
      DateTime.fromJSDate(morning.now, { zone }).plus({ days: 1 }).toISODate(),
    );

    const copies = (await outboxOf(app, user.id)).filter((r) => r.id !== row.id);
    expect(copies.map((r) => r.availableAt.getTime()).sort()).toEqual(
      [evening.at, morning.at].sort(),
    );
  });

  it('rejects minutes 0, minutes with a preset, and no choice at all', async () => {
    const row = await fireReminder(app, telegram, 'Bad snoozes');
    const rowsBefore = (await outboxOf(app, telegram.id)).length;
    const invalid: Omit<SnoozeNotificationMutationVariables, 'id'>[] = [
      { minutes: 0 },
      { minutes: 10, preset: 'HOUR_1' },
      { minutes: 10_081 },
      {},
    ];
    for (const variables of invalid) {
      const result = await snooze(app, { id: row.id, ...variables }, telegram);
      expect({ variables, code: errorCode(result) }).toEqual({
        variables,
        code: 'BAD_USER_INPUT',
      });
    }
    const rows = await outboxOf(app, telegram.id);
    expect(rows).toHaveLength(rowsBefore);
    expect(rows.find((r) => r.id === row.id)?.status).toBe('pending');
  });

  it('answers NOT_FOUND when snoozing someone else’s notification', async () => {
    const row = await fireReminder(app, telegram, 'Mine');
    const stranger = await buildUser(app);
    const result = await snooze(app, { id: row.id, minutes: 10 }, stranger);
    expect(errorCode(result)).toBe('NOT_FOUND');
    expect(await outboxOf(app, stranger.id)).toEqual([]);
    const [stored] = (await outboxOf(app, telegram.id)).filter((r) => r.id === row.id);
    expect(stored.status).toBe('pending');
  });

  it('the release job offers a held notification over the subscription', async () => {
    const row = await fireReminder(app, telegram, 'Release me');
    const copy = await snoozeOk(app, { id: row.id, minutes: 30 }, telegram);
    const feed = watchNotifications(app, 'TELEGRAM', clients);
    const at = new Date(Date.now() + 1_000);
    await app.deps.services.jobs.schedule(
      releaseNotificationJob,
      { key: `release:${copy.id}:early`, dueAt: at.toISOString(), notificationId: copy.id },
      at,
    );

    const offered = await nextMatching(feed, (n) => n.id === copy.id, 8_000);
    expect(offered).toMatchObject({
      id: copy.id,
      status: 'PENDING',
      attempts: 1,
      target: telegram.platformUserId,
      text: row.text,
    });
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime());
    const [stored] = (await outboxOf(app, telegram.id)).filter((r) => r.id === copy.id);
    expect(stored).toMatchObject({ status: 'pending', attempts: 1 });
    // Now offered, it waits for the acknowledgement timeout, not for the snooze moment.
    expect(stored.availableAt.getTime()).toBeLessThan(Date.parse(copy.availableAt));
  });

  it('a job whose stored payload its schema rejects fails, with the reason kept on the job', async () => {
    const at = new Date(Date.now() + 300);
    const key = `release:malformed:${at.getTime()}`;
    // As a row written by an older version or by hand would be: no notification id.
    const malformed = { key, dueAt: at.toISOString() } as { key: string; dueAt: string };
    await app.deps.services.jobs.schedule(
      releaseNotificationJob,
      malformed as typeof malformed & { notificationId: string },
      at,
    );

    const failed = await eventually(async () => {
      const data = await executeOperationOk(
        app,
        ScheduledJobsDocument,
        { name: releaseNotificationJob.name },
        asBot(),
      );
      return data.scheduledJobs.find((job) => job.key === key && job.failCount > 0);
    });
    expect(failed?.failReason).toMatch(
      /Job "release-notification" has a malformed payload:[\s\S]*notificationId/,
    );
  });

  it('snoozing a recurring reminder’s notification leaves the reminder’s schedule alone', async () => {
    const user = await buildUser(app);
    const { createReminder: reminder } = await executeOperationOk(
      app,
      CreateReminderDocument,
      { input: { type: 'RECURRING', text: 'Daily review', cron: '0 9 * * *' } },
      user,
    );
    expect(reminder.status).toBe('ACTIVE');
    // Make it fire now, as the worker would at 09:00.
    const at = new Date(Date.now() + 500);
    await app.deps.services.jobs.schedule(
      reminderJob,
      {
        key: `reminder:${reminder.id}@${at.toISOString()}`,
        dueAt: at.toISOString(),
        reminderId: reminder.id,
        userId: user.id,
      },
      at,
    );
    const row = await rowOf(app, user, reminder.id);
    const read = async () =>
      (await executeOperationOk(app, ReminderRunsDocument, { id: reminder.id }, user)).reminder;
    const fired = await read();
    expect(fired).toMatchObject({ status: 'ACTIVE', nextRunAt: reminder.nextRunAt });
    const jobsBefore = (await scheduledJobs(app, reminderJob.name)).filter((job) =>
      job.key?.includes(reminder.id),
    );
    expect(jobsBefore.map((job) => job.nextRunAt)).toEqual([reminder.nextRunAt]);

    await snoozeOk(app, { id: row.id, preset: 'HOUR_1' }, user);

    const snoozed = await read();
    expect(snoozed).toEqual(fired);
    expect(snoozed.history.map((entry: { action: string }) => entry.action)).toEqual([
      'created',
      'fired',
    ]);
    const jobsAfter = (await scheduledJobs(app, reminderJob.name)).filter((job) =>
      job.key?.includes(reminder.id),
    );
    expect(jobsAfter).toEqual(jobsBefore);
  });
});

describe('offering again until acknowledged', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startWorkerApp({
      NOTIFICATION_ACK_TIMEOUT_SECONDS: '1',
      NOTIFICATION_SWEEP_SECONDS: '1',
      NOTIFICATION_MAX_ATTEMPTS: '2',
    });
  });
  afterAll(() => app.stop());

  it('offers an unacknowledged notification again, then marks it failed', async () => {
    const user = await buildUser(app);
    const feed = watchNotifications(app, 'TELEGRAM', clients);
    const { createReminder } = await executeOperationOk(
      app,
      CreateReminderDocument,
      {
        input: {
          type: 'ONE_TIME',
          text: 'Nobody answers',
          triggerAt: new Date(Date.now() + 1_500).toISOString(),
        },
      },
      user,
    );
    const mine = (n: Notification) => n.userId === user.id;

    const first = await nextMatching(feed, mine, 8_000);
    expect(first).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      refs: { reminderId: createReminder.id },
    });
    const second = await nextMatching(feed, mine, 8_000);
    expect(second).toMatchObject({ id: first!.id, status: 'PENDING', attempts: 2 });
    expect(Date.parse(second!.availableAt)).toBeGreaterThan(Date.parse(first!.availableAt));

    const failed = await eventually(async () => {
      const [row] = await outboxOf(app, user.id);
      return row?.status === 'failed' ? row : null;
    });
    expect(failed).toMatchObject({
      id: first!.id,
      status: 'failed',
      attempts: 2,
      failureReason: 'not acknowledged after 2 offers',
    });
    // Not offered a third time, and not among what a restarting bot is given.
    expect(await nextMatching(feed, mine, 1_300)).toBeNull();
    expect((await pendingFor(app, 'TELEGRAM')).map((n) => n.id)).not.toContain(first!.id);
  });
});
