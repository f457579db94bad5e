import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { DateTime } from 'luxon';
import {
  CancelReminderDocument,
  CreateApiTokenDocument,
  CreateReminderDocument,
  DeleteReminderDocument,
  PauseReminderDocument,
  RemapiNotificationHistoryDocument,
  ReminderDocument,
  RemindersDocument,
  ResumeReminderDocument,
  type CreateReminderInput,
  type ReminderFieldsFragment,
  type RemindersQueryVariables,
} from '../gql/graphql.js';
import { buildUser, type TestUser } from '../support/factories.js';
import {
  asToken,
  errorCode,
  execute,
  executeOperation,
  executeOperationOk,
  type Credentials,
} from '../support/graphql-client.js';
import type { TestApp } from '../support/test-app.js';
import { eventually, outboxOf, scheduledJobs, startWorkerApp } from './job-helpers.js';

let app: TestApp;

const PAYLOAD_MAX_BYTES = 64;

beforeAll(async () => {
  app = await startWorkerApp({ REMINDER_PAYLOAD_MAX_BYTES: String(PAYLOAD_MAX_BYTES) });
});
afterAll(() => app.stop());

// The state changes, and senders of any operation that takes only a reminder's id.
const PAUSE = PauseReminderDocument;
const RESUME = ResumeReminderDocument;
const CANCEL = CancelReminderDocument;
const byId = <TData>(
  document: TypedDocumentNode<TData, { id: string }>,
  credentials: Credentials,
  id: string,
) => executeOperation(app, document, { id }, credentials);
const byIdOk = <TData>(
  document: TypedDocumentNode<TData, { id: string }>,
  credentials: Credentials,
  id: string,
) => executeOperationOk(app, document, { id }, credentials);

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

async function createReminder(credentials: Credentials, input: CreateReminderInput) {
  const data = await executeOperationOk(app, CreateReminderDocument, { input }, credentials);
  return data.createReminder;
}

async function getReminder(credentials: Credentials, id: string) {
  return (await byIdOk(ReminderDocument, credentials, id)).reminder;
}

async function listReminders(credentials: Credentials, variables: RemindersQueryVariables) {
  return (await executeOperationOk(app, RemindersDocument, variables, credentials)).reminders;
}

/** The queued (not yet run) jobs of one reminder. */
async function jobsOf(reminderId: string) {
  return (await scheduledJobs(app, 'reminder')).filter(
    (job) => job.key?.startsWith(`reminder:${reminderId}@`) && job.nextRunAt,
  );
}

async function auditRows(reminderId: string) {
  return (await app.db.query(
    `SELECT action, actor, user_id AS "userId" FROM reminder_audit
      WHERE reminder_id = $1 ORDER BY created_at, id`,
    [reminderId],
  )) as { action: string; actor: string; userId: string }[];
}

/** What the database holds for a user: reminders and audit rows. */
async function footprint(userId: string) {
  const [row] = (await app.db.query(
    `SELECT (SELECT count(*)::int FROM reminders WHERE user_id = $1) AS reminders,
            (SELECT count(*)::int FROM reminder_audit WHERE user_id = $1) AS audit`,
    [userId],
  )) as { reminders: number; audit: number }[];
  return row;
}

/** The first instant after `after` when the wall clock in `zone` shows weekday + hour:00. */
function nextWeekly(weekday: number, hour: number, zone: string, after: Date): Date {
  const today = DateTime.fromJSDate(after, { zone }).startOf('day');
  for (let days = 0; days <= 7; days += 1) {
    const candidate = today.plus({ days }).set({ hour, minute: 0, second: 0, millisecond: 0 });
    if (candidate.weekday === weekday && candidate.toMillis() > after.getTime()) {
      return candidate.toJSDate();
    }
  }
  throw new Error('unreachable');
}

/** The next `month`/15 09:00 wall-clock time in `zone` after `after`. */
function nextFifteenthAtNine(month: number, zone: string, after: Date): Date {
  const year = DateTime.fromJSDate(after, { zone }).year;
  for (const candidateYear of [year, year + 1]) {
    const candidate = DateTime.fromObject(
      { year: candidateYear, month, day: 15, hour: 9 },
      { zone },
    );
    if (candidate.toMillis() > after.getTime()) return candidate.toJSDate();
  }
  throw new Error('unreachable');
}

describe('creating and reading reminders', () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await buildUser(app, { timezone: 'Europe/Moscow' });
  });

  it('creates a one-time reminder: pending, due at triggerAt, with its job', async () => {
    const triggerAt = new Date(Date.now() + 3 * 3_600_000);
    triggerAt.setMilliseconds(0);
    const reminder = await createReminder(user.credentials, {
      type: 'ONE_TIME',
      text: '  Позвонить маме  ',
      triggerAt: triggerAt.toISOString(),
      payload: { from: 'crm', id: 7 },
    });
    expect(reminder).toMatchObject({
      userId: user.id,
      type: 'ONE_TIME',
      text: 'Позвонить маме',
      triggerAt: triggerAt.toISOString(),
      cron: null,
      timezone: 'Europe/Moscow',
      payload: { from: 'crm', id: 7 },
      status: 'PENDING',
      nextRunAt: triggerAt.toISOString(),
      lastTriggeredAt: null,
      createdBy: 'telegram-bot',
    });
    const jobs = await jobsOf(reminder.id);
    expect(jobs.map((job) => [job.key, Date.parse(job.nextRunAt!)])).toEqual([
      [`reminder:${reminder.id}@${triggerAt.toISOString()}`, triggerAt.getTime()],
    ]);

    const read = await getReminder(user.credentials, reminder.id);
    expect(read).toMatchObject({ ...reminder });
    expect(read.history).toEqual([
      {
        reminderId: reminder.id,
        action: 'created',
        actor: 'telegram-bot',
        details: { type: 'one_time', triggerAt: triggerAt.toISOString(), cron: null },
      },
    ]);
  });

  it('creates a recurring reminder whose next run is the cron’s next run in its timezone', async () => {
    const before = new Date();
    const reminder = await createReminder(user.credentials, {
      type: 'RECURRING',
      text: 'Weekly review',
      cron: '0 9 * * 1',
      timezone: 'Europe/Berlin',
    });
    const expected = nextWeekly(1, 9, 'Europe/Berlin', before);
    expect(reminder).toMatchObject({
      type: 'RECURRING',
      cron: '0 9 * * 1',
      timezone: 'Europe/Berlin',
      triggerAt: null,
      payload: {},
      status: 'ACTIVE',
      nextRunAt: expected.toISOString(),
    });
    const local = DateTime.fromISO(reminder.nextRunAt!, { zone: 'Europe/Berlin' });
    expect([local.weekday, local.hour, local.minute]).toEqual([1, 9, 0]);
    const jobs = await jobsOf(reminder.id);
    expect(jobs.map((job) => Date.parse(job.nextRunAt!))).toEqual([expected.getTime()]);
  });

  it('reads the cron on the wall clock across DST: 09:00 New York is 14:00Z in winter, 13:00Z in summer', async () => {
    const before = new Date();
    const zone = 'America/New_York';
    const winter = await createReminder(user.credentials, {
      type: 'RECURRING',
      text: 'Winter',
      cron: '0 9 15 1 *',
      timezone: zone,
    });
    const summer = await createReminder(user.credentials, {
      type: 'RECURRING',
      text: 'Summer',
      cron: '0 9 15 7 *',
      timezone: zone,
    });
    expect(winter.nextRunAt).toBe(nextFifteenthAtNine(1, zone, before).toISOString());
    expect(winter.nextRunAt).toMatch(/-01-15T14:00:00\.000Z$/);
    expect(summer.nextRunAt).toBe(nextFifteenthAtNine(7, zone, before).toISOString());
    expect(summer.nextRunAt).toMatch(/-07-15T13:00:00\.000Z$/);
  });

  it('lists with status and type filters, newest first, in pages', async () => {
    const lister = await buildUser(app);
    const created: ReminderFieldsFragment[] = [];
    const types = ['ONE_TIME', 'RECURRING', 'ONE_TIME', 'ONE_TIME'] as const;
    for (const [index, type] of types.entries()) {
      created.push(
        await createReminder(lister.credentials, {
          type,
          text: `r${index}`,
          ...(type === 'ONE_TIME' ? { triggerAt: inSeconds(3600 + index) } : { cron: '0 8 * * *' }),
        }),
      );
    }
    await byIdOk(PAUSE, lister.credentials, created[2].id);
    const list = (variables: Partial<RemindersQueryVariables>) =>
      listReminders(lister.credentials, { limit: 20, offset: 0, ...variables });

    const all = await list({});
    expect(all.items.map((item: { text: string }) => item.text)).toEqual(['r3', 'r2', 'r1', 'r0']);
    expect(all).toMatchObject({ hasMore: false, nextOffset: null });

    const oneTime = await list({ type: 'ONE_TIME', limit: 2 });
    expect(oneTime.items.map((item: { text: string }) => item.text)).toEqual(['r3', 'r2']);
    expect(oneTime).toMatchObject({ hasMore: true, nextOffset: 2 });
    const rest = await list({ type: 'ONE_TIME', limit: 2, offset: oneTime.nextOffset! });
    expect(rest.items.map((item: { text: string }) => item.text)).toEqual(['r0']);
    expect(rest).toMatchObject({ hasMore: false, nextOffset: null });

    const exact = await list({ type: 'ONE_TIME', limit: 3 });
    expect(exact).toMatchObject({ hasMore: false, nextOffset: null });
    expect(exact.items).toHaveLength(3);

    expect((await list({ status: 'PENDING' })).items.map((i: { text: string }) => i.text)).toEqual([
      'r3',
      'r0',
    ]);
    expect((await list({ status: 'PAUSED' })).items.map((i: { text: string }) => i.text)).toEqual([
      'r2',
    ]);
    expect((await list({ status: 'ACTIVE', type: 'RECURRING' })).items).toMatchObject([
      { text: 'r1', status: 'ACTIVE', type: 'RECURRING' },
    ]);
    expect((await list({ status: 'ACTIVE', type: 'ONE_TIME' })).items).toEqual([]);

    for (const limit of [0, 101]) {
      const result = await executeOperation(
        app,
        RemindersDocument,
        { limit, offset: 0 },
        lister.credentials,
      );
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
    }
  });
});

describe('validation', () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await buildUser(app);
    await createReminder(user.credentials, {
      type: 'ONE_TIME',
      text: 'kept',
      triggerAt: inSeconds(600),
    });
  });

  const cases: [string, () => CreateReminderInput, string][] = [
    ['a minute of 61', () => ({ type: 'RECURRING', text: 'x', cron: '61 * * * *' }), 'cron'],
    ['a 6-field cron', () => ({ type: 'RECURRING', text: 'x', cron: '0 0 9 * * 1' }), 'cron'],
    [
      'a triggerAt in the past',
      () => ({ type: 'ONE_TIME', text: 'x', triggerAt: inSeconds(-60) }),
      'triggerAt',
    ],
    [
      'an unknown timezone',
      () => ({ type: 'RECURRING', text: 'x', cron: '0 9 * * 1', timezone: 'Mars/Olympus_Mons' }),
      'timezone',
    ],
    [
      'triggerAt on a recurring reminder',
      () => ({ type: 'RECURRING', text: 'x', cron: '0 9 * * 1', triggerAt: inSeconds(600) }),
      'triggerAt',
    ],
    ['a recurring reminder without cron', () => ({ type: 'RECURRING', text: 'x' }), 'cron'],
    [
      'cron on a one-time reminder',
      () => ({ type: 'ONE_TIME', text: 'x', triggerAt: inSeconds(600), cron: '0 9 * * 1' }),
      'cron',
    ],
    ['a one-time reminder without triggerAt', () => ({ type: 'ONE_TIME', text: 'x' }), 'triggerAt'],
    ['a blank text', () => ({ type: 'ONE_TIME', text: '   ', triggerAt: inSeconds(600) }), 'text'],
    [
      `a payload over ${PAYLOAD_MAX_BYTES} bytes`,
      () => ({
        type: 'ONE_TIME',
        text: 'x',
        triggerAt: inSeconds(600),
        payload: { note: 'y'.repeat(PAYLOAD_MAX_BYTES) },
      }),
      'payload',
    ],
  ];

  it.each(cases)(
    'rejects %s with BAD_USER_INPUT and writes nothing',
    async (_name, input, field) => {
      const before = await footprint(user.id);
      const result = await executeOperation(
        app,
        CreateReminderDocument,
        { input: input() },
        user.credentials,
      );
      expect(result.data).toBeNull();
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.field).toBe(field);
      expect(await footprint(user.id)).toEqual(before);
    },
  );

  it('accepts a payload of exactly the limit', async () => {
    // {"note":"…"} is 11 bytes of JSON around the value.
    const payload = { note: 'z'.repeat(PAYLOAD_MAX_BYTES - 11) };
    expect(Buffer.byteLength(JSON.stringify(payload))).toBe(PAYLOAD_MAX_BYTES);
    const reminder = await createReminder(user.credentials, {
      type: 'ONE_TIME',
      text: 'at the limit',
      triggerAt: inSeconds(600),
      payload,
    });
    expect(reminder.payload).toEqual(payload);
    await byIdOk(DeleteReminderDocument, user.credentials, reminder.id);
  });

  it('rejects a payload that is not a JSON object (array, string) before any resolver runs', async () => {
    const before = await footprint(user.id);
    for (const payload of [[1, 2, 3], 'just text', 42]) {
      // Not an object on purpose: the cast sends what the schema's JSONObject must refuse.
      const input = { type: 'ONE_TIME', text: 'x', triggerAt: inSeconds(600), payload } as const;
      const result = await executeOperation(
        app,
        CreateReminderDocument,
        { input: input as unknown as CreateReminderInput },
        user.credentials,
      );
      expect(result.status).toBe(400);
      expect(result.data).toBeUndefined();
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(/^JSONObject cannot represent non-object value/);
    }
    // The same as a literal in the document: rejected by validation, mapped to BAD_USER_INPUT.
    // Raw on purpose: a non-object literal cannot be written in a valid (generated) document.
    const literal = await execute(
      app.graphqlUrl,
      `mutation { createReminder(input: { type: ONE_TIME, text: "x", triggerAt: "${inSeconds(600)}",
        payload: ["a", "b"] }) { id } }`,
      {},
      user.credentials,
    );
    expect(literal.status).toBe(400);
    expect(errorCode(literal)).toBe('BAD_USER_INPUT');
    expect(await footprint(user.id)).toEqual(before);
    const reminders = await listReminders(user.credentials, { limit: 20, offset: 0 });
    expect(reminders.items.map((item: { text: string }) => item.text)).toEqual(['kept']);
  });
});

describe('the state machine', () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await buildUser(app);
  });

  it('pauses, resumes, cancels, refuses to pause a cancelled one, keeping jobs in step', async () => {
    const triggerAt = inSeconds(2 * 3600);
    const reminder = await createReminder(user.credentials, {
      type: 'ONE_TIME',
      text: 'Pay the rent',
      triggerAt,
    });
    expect(await jobsOf(reminder.id)).toHaveLength(1);

    const paused = (await byIdOk(PAUSE, user.credentials, reminder.id)).pauseReminder;
    expect(paused).toMatchObject({ status: 'PAUSED', nextRunAt: null });
    expect(await jobsOf(reminder.id)).toEqual([]);
    expect(errorCode(await byId(PAUSE, user.credentials, reminder.id))).toBe('CONFLICT');

    const resumed = (await byIdOk(RESUME, user.credentials, reminder.id)).resumeReminder;
    expect(resumed).toMatchObject({ status: 'PENDING', nextRunAt: triggerAt });
    expect((await jobsOf(reminder.id)).map((job) => job.nextRunAt)).toEqual([triggerAt]);
    expect(errorCode(await byId(RESUME, user.credentials, reminder.id))).toBe('CONFLICT');

    const cancelled = (await byIdOk(CANCEL, user.credentials, reminder.id)).cancelReminder;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', nextRunAt: null });
    expect(await jobsOf(reminder.id)).toEqual([]);
    for (const mutation of [PAUSE, RESUME, CANCEL] as TypedDocumentNode<
      unknown,
      { id: string }
    >[]) {
      const result = await byId(mutation, user.credentials, reminder.id);
      expect(errorCode(result)).toBe('CONFLICT');
    }
    expect((await getReminder(user.credentials, reminder.id)).status).toBe('CANCELLED');

    const history = (await getReminder(user.credentials, reminder.id)).history!;
    expect(history.map((entry) => [entry.action, entry.actor])).toEqual([
      ['created', 'telegram-bot'],
      ['paused', 'telegram-bot'],
      ['resumed', 'telegram-bot'],
      ['cancelled', 'telegram-bot'],
    ]);
  });

  it('resumes a recurring reminder as ACTIVE at the cron’s next run', async () => {
    const reminder = await createReminder(user.credentials, {
      type: 'RECURRING',
      text: 'Stand-up',
      cron: '30 10 * * 1-5',
      timezone: 'Asia/Tokyo',
    });
    expect((await byIdOk(PAUSE, user.credentials, reminder.id)).pauseReminder.status).toBe(
      'PAUSED',
    );
    expect(await jobsOf(reminder.id)).toEqual([]);
    const resumed = (await byIdOk(RESUME, user.credentials, reminder.id)).resumeReminder;
    expect(resumed).toMatchObject({ status: 'ACTIVE', nextRunAt: reminder.nextRunAt });
    expect((await jobsOf(reminder.id)).map((job) => job.nextRunAt)).toEqual([reminder.nextRunAt]);
  });

  it('deletes a reminder but keeps its audit trail', async () => {
    const reminder = await createReminder(user.credentials, {
      type: 'RECURRING',
      text: 'Water the plants',
      cron: '0 18 * * 0',
    });
    await byIdOk(PAUSE, user.credentials, reminder.id);
    await byIdOk(RESUME, user.credentials, reminder.id);
    expect(
      (await byIdOk(DeleteReminderDocument, user.credentials, reminder.id)).deleteReminder,
    ).toBe(reminder.id);

    expect(errorCode(await byId(ReminderDocument, user.credentials, reminder.id))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await byId(DeleteReminderDocument, user.credentials, reminder.id))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await byId(PAUSE, user.credentials, reminder.id))).toBe('NOT_FOUND');
    expect(await jobsOf(reminder.id)).toEqual([]);
    expect(await auditRows(reminder.id)).toEqual(
      ['created', 'paused', 'resumed', 'deleted'].map((action) => ({
        action,
        actor: 'telegram-bot',
        userId: user.id,
      })),
    );
  });

  it('answers NOT_FOUND for someone else’s reminder and changes nothing', async () => {
    const stranger = await buildUser(app);
    const reminder = await createReminder(user.credentials, {
      type: 'ONE_TIME',
      text: 'Mine',
      triggerAt: inSeconds(3600),
    });
    const documents = [ReminderDocument, PAUSE, RESUME, CANCEL, DeleteReminderDocument];
    for (const query of documents as TypedDocumentNode<unknown, { id: string }>[]) {
      const result = await byId(query, stranger.credentials, reminder.id);
      expect(errorCode(result)).toBe('NOT_FOUND');
    }
    const reminders = await listReminders(stranger.credentials, { limit: 20, offset: 0 });
    expect(reminders.items).toEqual([]);
    expect(await getReminder(user.credentials, reminder.id)).toMatchObject({ status: 'PENDING' });
    expect((await auditRows(reminder.id)).map((row) => row.action)).toEqual(['created']);
    expect(errorCode(await byId(ReminderDocument, user.credentials, 'not-a-uuid'))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('records the actor: telegram-bot for the bot, api-token for a third party', async () => {
    const { createApiToken } = await executeOperationOk(
      app,
      CreateApiTokenDocument,
      { name: 'crm' },
      user.credentials,
    );
    const token = asToken(createApiToken.token);
    const reminder = await createReminder(token, {
      type: 'ONE_TIME',
      text: 'From the CRM',
      triggerAt: inSeconds(3600),
    });
    expect(reminder).toMatchObject({ userId: user.id, createdBy: 'api-token' });
    await byIdOk(PAUSE, user.credentials, reminder.id);
    await byIdOk(RESUME, token, reminder.id);
    const history = (await getReminder(token, reminder.id)).history!;
    expect(history.map((entry) => [entry.action, entry.actor])).toEqual([
      ['created', 'api-token'],
      ['paused', 'telegram-bot'],
      ['resumed', 'api-token'],
    ]);
  });
});

describe('firing', () => {
  it('fires a one-time reminder on time with its payload, then completes it', async () => {
    const user = await buildUser(app);
    const payload = { orderId: 42, tags: ['vip'] };
    const triggerAt = inSeconds(1.5);
    const reminder = await createReminder(user.credentials, {
      type: 'ONE_TIME',
      text: 'Забрать заказ',
      triggerAt,
      payload,
    });
    const done = await eventually(async () => {
      const current = await getReminder(user.credentials, reminder.id);
      return current.status === 'COMPLETED' ? current : null;
    });
    expect(done).toMatchObject({ status: 'COMPLETED', nextRunAt: null });
    const firedAt = Date.parse(done!.lastTriggeredAt!);
    expect(firedAt).toBeGreaterThanOrEqual(Date.parse(triggerAt));
    expect(firedAt - Date.parse(triggerAt)).toBeLessThan(5_000);
    expect(done!.history!.map((entry) => [entry.action, entry.actor])).toEqual([
      ['created', 'telegram-bot'],
      ['fired', 'worker'],
    ]);
    expect(done!.history![1].details).toEqual({ dueAt: triggerAt });

    // One row per channel: this user has a Telegram account only.
    const { notificationHistory } = await executeOperationOk(
      app,
      RemapiNotificationHistoryDocument,
      {},
      user.credentials,
    );
    expect(notificationHistory.items).toEqual([
      expect.objectContaining({
        kind: 'REMINDER',
        channel: 'TELEGRAM',
        target: user.platformUserId,
        text: '🔔 Забрать заказ',
        status: 'PENDING',
        data: payload,
        refs: { reminderId: reminder.id },
        occurrenceAt: triggerAt,
      }),
    ]);
    expect(notificationHistory.items[0].actions[0]).toEqual({ kind: 'DONE' });
    expect(await outboxOf(app, user.id)).toHaveLength(1);
    expect(await jobsOf(reminder.id)).toEqual([]);
  });

  it('does not fire while paused; resumed after its moment it fires at once', async () => {
    const user = await buildUser(app, { language: 'EN' });
    const reminder = await createReminder(user.credentials, {
      type: 'ONE_TIME',
      text: 'Stretch',
      triggerAt: inSeconds(2),
    });
    await byIdOk(PAUSE, user.credentials, reminder.id);
    // Past its moment, with time for the worker to look.
    const wait = Date.parse(reminder.triggerAt!) + 800 - Date.now();
    await new Promise((resolve) => setTimeout(resolve, wait));
    expect(await outboxOf(app, user.id)).toEqual([]);
    expect((await getReminder(user.credentials, reminder.id)).status).toBe('PAUSED');

    const resumedAt = Date.now();
    const resumed = (await byIdOk(RESUME, user.credentials, reminder.id)).resumeReminder;
    expect(resumed.status).toBe('PENDING');
    expect(Date.parse(resumed.nextRunAt!)).toBeGreaterThanOrEqual(resumedAt - 1_000);
    const rows = await eventually(async () => {
      const written = await outboxOf(app, user.id);
      return written.length ? written : null;
    });
    expect(rows!.map((row) => [row.kind, row.text])).toEqual([['reminder', '🔔 Stretch']]);
    const done = await eventually(async () => {
      const current = await getReminder(user.credentials, reminder.id);
      return current.status === 'COMPLETED' ? current : null;
    });
    expect(done!.history!.map((entry) => entry.action)).toEqual([
      'created',
      'paused',
      'resumed',
      'fired',
    ]);
  });
});
