import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Reminder, ReminderStatus, ReminderType, User } from '../../src/entities/index.js';
import { buildUser } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { outboxOf } from './job-helpers.js';

// The worker's firing of generic reminders, called directly (no worker runs here): a batch
// holds the occurrences due together, and must come out as if fired one by one.
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

async function reminderOf(type: ReminderType) {
  const user = await buildUser(app);
  const owner = await app.db.getRepository(User).findOneByOrFail({ id: user.id });
  const { reminders } = app.deps.services;
  const reminder = await reminders.create(owner, 'test', {
    type,
    text: `Batch ${type}`,
    ...(type === ReminderType.ONE_TIME
      ? { triggerAt: new Date(Date.now() + 60_000) }
      : { cron: '*/5 * * * *', timezone: 'UTC' }),
  });
  return { user, reminder };
}

function fire(occurrences: { reminderId: string; dueAt: Date; missed?: boolean }[], now: Date) {
  const { outbox, reminderFiring } = app.deps.services;
  return reminderFiring.fire(
    occurrences.map((occurrence) => ({ missed: false, ...occurrence })),
    now,
    outbox.write.bind(outbox),
  );
}

async function auditOf(reminderId: string) {
  const rows = (await app.db.query(
    `SELECT action, details->>'dueAt' AS "dueAt" FROM reminder_audit
      WHERE reminder_id = $1 AND actor = 'worker' ORDER BY created_at, details->>'dueAt'`,
    [reminderId],
  )) as { action: string; dueAt: string }[];
  return rows;
}

describe('firing generic reminders in a batch', () => {
  it('two occurrences of a recurring reminder: both fire, in order of due time', async () => {
    const { user, reminder } = await reminderOf(ReminderType.RECURRING);
    const now = new Date('2030-01-01T10:12:00Z');
    const early = new Date('2030-01-01T10:05:00Z');
    const late = new Date('2030-01-01T10:10:00Z');

    const [second, first] = await fire(
      [
        { reminderId: reminder.id, dueAt: late },
        { reminderId: reminder.id, dueAt: early },
      ],
      now,
    );

    expect(first?.next).toEqual(new Date('2030-01-01T10:15:00Z'));
    expect(second?.next).toEqual(new Date('2030-01-01T10:15:00Z'));
    expect(first?.written).toHaveLength(1);
    expect(second?.written).toHaveLength(1);
    const outbox = await outboxOf(app, user.id);
    expect(outbox.map((row) => row.occurrenceAt.toISOString()).sort()).toEqual([
      early.toISOString(),
      late.toISOString(),
    ]);
    expect(await auditOf(reminder.id)).toEqual([
      { action: 'fired', dueAt: early.toISOString() },
      { action: 'fired', dueAt: late.toISOString() },
    ]);
    const stored = await app.db.getRepository(Reminder).findOneByOrFail({ id: reminder.id });
    expect(stored).toMatchObject({
      status: ReminderStatus.ACTIVE,
      lastTriggeredAt: now,
      nextRunAt: new Date('2030-01-01T10:15:00Z'),
    });
  });

  it('a one-time reminder twice in a batch fires once, a missed one is written expired', async () => {
    const once = await reminderOf(ReminderType.ONE_TIME);
    const missed = await reminderOf(ReminderType.ONE_TIME);
    const now = new Date();
    const dueAt = once.reminder.triggerAt!;

    const results = await fire(
      [
        { reminderId: once.reminder.id, dueAt },
        { reminderId: missed.reminder.id, dueAt: missed.reminder.triggerAt!, missed: true },
        { reminderId: once.reminder.id, dueAt },
      ],
      now,
    );

    expect(results.map((result) => result?.written.length ?? null)).toEqual([1, 1, null]);
    expect((await outboxOf(app, once.user.id)).map((row) => row.status)).toEqual(['pending']);
    expect(await auditOf(once.reminder.id)).toEqual([
      { action: 'fired', dueAt: dueAt.toISOString() },
    ]);
    expect((await outboxOf(app, missed.user.id)).map((row) => row.status)).toEqual(['expired']);
    expect(await auditOf(missed.reminder.id)).toEqual([
      { action: 'missed', dueAt: missed.reminder.triggerAt!.toISOString() },
    ]);
    const stored = await app.db
      .getRepository(Reminder)
      .findBy([{ id: once.reminder.id }, { id: missed.reminder.id }]);
    expect(stored.map((reminder) => reminder.status)).toEqual([
      ReminderStatus.COMPLETED,
      ReminderStatus.COMPLETED,
    ]);
  });

  it('an occurrence already processed is not processed again (a repair re-queued it)', async () => {
    // The start-up repair read the reminder before the missed occurrence's firing committed,
    // and queued that occurrence once more: the second run must leave no second audit row.
    const { user, reminder } = await reminderOf(ReminderType.RECURRING);
    const dueAt = reminder.nextRunAt!;
    const now = new Date(dueAt.getTime() + 2 * 3600_000);

    const [first] = await fire([{ reminderId: reminder.id, dueAt, missed: true }], now);
    const [again] = await fire([{ reminderId: reminder.id, dueAt, missed: true }], now);

    expect(first?.written).toHaveLength(1);
    expect(again).toBeNull();
    expect(await auditOf(reminder.id)).toEqual([{ action: 'missed', dueAt: dueAt.toISOString() }]);
    expect(await outboxOf(app, user.id)).toHaveLength(1);
  });
});
