import { In, type DataSource, type EntityManager } from 'typeorm';
import {
  Reminder,
  ReminderStatus,
  ReminderType,
  User,
  type Notification,
} from '../../entities/index.js';
import { auditEntry, type AuditEntry } from '../reminder-audit.js';
import { nextCronRun } from '../reminder-scheduler.js';
import type { NotificationOutbox, WriteEntry } from './outbox.js';
import { reminderDraft } from './reminder-notifications.js';

const LIVE = [ReminderStatus.PENDING, ReminderStatus.ACTIVE];

/** A due occurrence of a reminder, for the worker's `fire`. */
export interface ReminderOccurrence {
  reminderId: string;
  dueAt: Date;
  /** Run later than the grace: recorded as missed, its notifications written expired. */
  missed: boolean;
}

export interface FiredReminder {
  reminder: Reminder;
  /** The next run of a recurring reminder, to schedule after commit. */
  next: Date | null;
  /** The notifications written, to dispatch after commit. */
  written: Notification[];
}

/** Writes notifications inside the firing's transaction (NotificationOutbox.write). */
export type FireWriter = NotificationOutbox['write'];

/** The worker's side of generic reminders: recording that they fired, with their notifications. */
export class ReminderFiring {
  constructor(private readonly db: DataSource) {}

  /**
   * The worker's side, for a batch of due occurrences: records each firing (or miss) and
   * writes its notifications, all in one transaction. Occurrences of one reminder apply in
   * order of due time, as if fired one by one. Per occurrence: the reminder, its next run
   * (recurring) and the notifications written, or null when it is no longer live.
   */
  async fire(
    occurrences: ReminderOccurrence[],
    now: Date,
    write: FireWriter,
  ): Promise<(FiredReminder | null)[]> {
    return this.db.transaction(async (manager) => {
      const ids = [...new Set(occurrences.map((occurrence) => occurrence.reminderId))];
      const locked = await manager.find(Reminder, {
        where: { id: In(ids) },
        order: { id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const reminders = new Map(locked.map((reminder) => [reminder.id, reminder]));
      const processed = await processedOccurrences(manager, occurrences);
      const userIds = [...new Set(locked.map((reminder) => reminder.userId))];
      const users = new Map(
        (await manager.findBy(User, { id: In(userIds) })).map((user) => [user.id, user]),
      );

      const results: (FiredReminder | null)[] = occurrences.map(() => null);
      const drafts: { index: number; entry: WriteEntry }[] = [];
      const audits: AuditEntry[] = [];
      const byDueAt = [...occurrences.keys()].sort(
        (a, b) => occurrences[a]!.dueAt.getTime() - occurrences[b]!.dueAt.getTime(),
      );
      for (const index of byDueAt) {
        const { reminderId, dueAt, missed } = occurrences[index]!;
        const reminder = reminders.get(reminderId);
        if (!reminder || !LIVE.includes(reminder.status)) continue;
        // Already processed (fired or missed): a job for it again comes from the start-up
        // repair, which read the reminder before that firing committed.
        const occurrence = occurrenceKey(reminderId, dueAt);
        if (processed.has(occurrence)) continue;
        processed.add(occurrence);
        const user = users.get(reminder.userId)!;
        drafts.push({ index, entry: { draft: reminderDraft(user, reminder, dueAt), missed } });
        const next =
          reminder.type === ReminderType.RECURRING
            ? nextCronRun(reminder.cron ?? '', reminder.timezone, maxDate(now, dueAt))
            : null;
        results[index] = { reminder, next, written: [] };
        if (!missed) reminder.lastTriggeredAt = now;
        reminder.nextRunAt = next;
        if (!next) reminder.status = ReminderStatus.COMPLETED;
        audits.push(
          auditEntry(reminder, missed ? 'missed' : 'fired', 'worker', {
            dueAt: dueAt.toISOString(),
          }),
        );
      }
      if (drafts.length === 0) return results;

      const written = await write(
        manager,
        drafts.map(({ entry }) => entry),
        now,
      );
      drafts.forEach(({ index }, k) => (results[index]!.written = written[k]!));
      const changed = [...new Set(drafts.map(({ index }) => results[index]!.reminder))];
      await manager.query(
        `UPDATE reminders r
            SET last_triggered_at = c.last_triggered_at, next_run_at = c.next_run_at,
                status = c.status, updated_at = now()
           FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::text[])
                AS c(id, last_triggered_at, next_run_at, status)
          WHERE r.id = c.id`,
        [
          changed.map((reminder) => reminder.id),
          changed.map((reminder) => reminder.lastTriggeredAt),
          changed.map((reminder) => reminder.nextRunAt),
          changed.map((reminder) => reminder.status),
        ],
      );
      await manager.query(
        `INSERT INTO reminder_audit (reminder_id, user_id, action, actor, details)
         SELECT a.reminder_id, a.user_id, a.action, a.actor, a.details::jsonb
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[])
                AS a(reminder_id, user_id, action, actor, details)`,
        [
          audits.map((audit) => audit.reminderId),
          audits.map((audit) => audit.userId),
          audits.map((audit) => audit.action),
          audits.map((audit) => audit.actor),
          audits.map((audit) => (audit.details ? JSON.stringify(audit.details) : null)),
        ],
      );
      return results;
    });
  }
}

const maxDate = (a: Date, b: Date) => (a > b ? a : b);

const occurrenceKey = (reminderId: string, dueAt: Date) => `${reminderId}@${dueAt.toISOString()}`;

/** The occurrences among these that a firing already recorded (its audit row). */
async function processedOccurrences(
  manager: EntityManager,
  occurrences: ReminderOccurrence[],
): Promise<Set<string>> {
  const rows = (await manager.query(
    `SELECT reminder_id AS "reminderId", details->>'dueAt' AS "dueAt" FROM reminder_audit
      WHERE reminder_id = ANY($1::uuid[]) AND action IN ('fired', 'missed')
        AND details->>'dueAt' = ANY($2::text[])`,
    [
      occurrences.map((occurrence) => occurrence.reminderId),
      occurrences.map((occurrence) => occurrence.dueAt.toISOString()),
    ],
  )) as { reminderId: string; dueAt: string }[];
  return new Set(rows.map((row) => occurrenceKey(row.reminderId, new Date(row.dueAt))));
}
