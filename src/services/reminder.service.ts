import { In, type DataSource, type EntityManager } from 'typeorm';
import { DomainError, badInput, notFound } from '../errors/domain-error.js';
import {
  NotificationKind,
  Reminder,
  ReminderAudit,
  ReminderStatus,
  ReminderType,
  User,
  type Notification,
} from '../entities/index.js';
import type { Logger } from '../logger.js';
import { scheduleAfterCommit } from './job-queue.js';
import type { NotificationService, WriteEntry } from './notifications/notification.service.js';
import { doneAndSnoozeActions, textsFor } from './notifications/texts.js';
import { nextCronRun, type ReminderScheduler } from './reminder-scheduler.js';
import { assertTimezone } from './timezone.js';

export interface CreateReminderInput {
  type: ReminderType;
  text: string;
  triggerAt?: Date | null;
  cron?: string | null;
  timezone?: string | null;
  payload?: Record<string, unknown> | null;
}

export interface ReminderFilter {
  status?: ReminderStatus | null;
  type?: ReminderType | null;
  limit: number;
  offset: number;
}

/** Where a state change may come from, and what it leads to. */
const TRANSITIONS = {
  pause: { from: [ReminderStatus.PENDING, ReminderStatus.ACTIVE], action: 'paused' },
  resume: { from: [ReminderStatus.PAUSED], action: 'resumed' },
  cancel: {
    from: [ReminderStatus.PENDING, ReminderStatus.ACTIVE, ReminderStatus.PAUSED],
    action: 'cancelled',
  },
} as const;

const CRON_FIELDS = 5;
const LIVE = [ReminderStatus.PENDING, ReminderStatus.ACTIVE];

const liveStatus = (type: ReminderType) =>
  type === ReminderType.ONE_TIME ? ReminderStatus.PENDING : ReminderStatus.ACTIVE;

/** Generic reminders for assistants and third parties, with an audit trail of every change. */
export class ReminderService {
  constructor(
    private readonly db: DataSource,
    private readonly reminderScheduler: ReminderScheduler,
    private readonly logger: Logger,
    private readonly payloadMaxBytes: number,
  ) {}

  async create(user: User, actor: string, input: CreateReminderInput, now = new Date()) {
    const timezone = assertTimezone(input.timezone ?? user.settings.timezone);
    const payload = input.payload ?? {};
    this.assertPayload(payload);
    const text = input.text.trim();
    if (!text) throw badInput('The reminder text must not be blank', { field: 'text' });
    let nextRunAt: Date;
    if (input.type === ReminderType.ONE_TIME) {
      if (!input.triggerAt)
        throw badInput('A one-time reminder needs triggerAt', { field: 'triggerAt' });
      if (input.cron) throw badInput('A one-time reminder has no cron', { field: 'cron' });
      if (input.triggerAt <= now) {
        throw badInput('triggerAt must be in the future', { field: 'triggerAt' });
      }
      nextRunAt = input.triggerAt;
    } else {
      if (!input.cron)
        throw badInput('A recurring reminder needs a cron expression', { field: 'cron' });
      if (input.triggerAt)
        throw badInput('A recurring reminder has no triggerAt', { field: 'triggerAt' });
      nextRunAt = parseCron(input.cron, timezone, now);
    }
    const reminder = await this.db.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(Reminder, {
          userId: user.id,
          type: input.type,
          text,
          triggerAt: input.triggerAt ?? null,
          cron: input.cron?.trim() ?? null,
          timezone,
          payload,
          status: liveStatus(input.type),
          nextRunAt,
          createdBy: actor,
        }),
      );
      await this.audit(manager, saved, 'created', actor, {
        type: saved.type,
        triggerAt: saved.triggerAt,
        cron: saved.cron,
      });
      return saved;
    });
    await this.afterCommit(() => this.reminderScheduler.scheduleReminder(reminder, nextRunAt));
    return reminder;
  }

  async get(user: User, reminderId: string): Promise<Reminder> {
    const reminder = await this.db
      .getRepository(Reminder)
      .findOneBy({ id: reminderId, userId: user.id });
    if (!reminder) throw notFound('Reminder');
    return reminder;
  }

  async list(user: User, filter: ReminderFilter) {
    const items = await this.db.getRepository(Reminder).find({
      where: {
        userId: user.id,
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.type ? { type: filter.type } : {}),
      },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: filter.offset,
      take: filter.limit + 1,
    });
    const hasMore = items.length > filter.limit;
    return {
      items: items.slice(0, filter.limit),
      hasMore,
      nextOffset: hasMore ? filter.offset + filter.limit : null,
    };
  }

  history(user: User, reminderId: string): Promise<ReminderAudit[]> {
    return this.db.getRepository(ReminderAudit).find({
      where: { reminderId, userId: user.id },
      order: { createdAt: 'ASC' },
    });
  }

  pause(user: User, actor: string, reminderId: string) {
    return this.transition(user, actor, reminderId, 'pause', ReminderStatus.PAUSED);
  }

  resume(user: User, actor: string, reminderId: string) {
    return this.transition(user, actor, reminderId, 'resume', null);
  }

  cancel(user: User, actor: string, reminderId: string) {
    return this.transition(user, actor, reminderId, 'cancel', ReminderStatus.CANCELLED);
  }

  async delete(user: User, actor: string, reminderId: string): Promise<string> {
    await this.db.transaction(async (manager) => {
      const reminder = await this.lock(manager, user, reminderId);
      await manager.delete(Reminder, { id: reminder.id });
      await this.audit(manager, reminder, 'deleted', actor, null);
    });
    await this.afterCommit(() => this.reminderScheduler.syncReminder(reminderId));
    return reminderId;
  }

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
        const user = users.get(reminder.userId)!;
        const { language } = user.settings;
        const draft = {
          user,
          kind: NotificationKind.REMINDER,
          source: `reminder:${reminder.id}`,
          occurrenceAt: dueAt,
          text: textsFor(language).reminder(reminder.text),
          payload: {
            actions: doneAndSnoozeActions(language),
            refs: { reminderId: reminder.id },
            data: reminder.payload,
          },
        };
        drafts.push({ index, entry: { draft, missed } });
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

  private async transition(
    user: User,
    actor: string,
    reminderId: string,
    change: keyof typeof TRANSITIONS,
    target: ReminderStatus | null,
  ): Promise<Reminder> {
    const rule = TRANSITIONS[change];
    const reminder = await this.db.transaction(async (manager) => {
      const current = await this.lock(manager, user, reminderId);
      if (!(rule.from as readonly ReminderStatus[]).includes(current.status)) {
        throw new DomainError('CONFLICT', `A ${current.status} reminder cannot be ${rule.action}`);
      }
      current.status = target ?? liveStatus(current.type);
      await manager.update(Reminder, { id: current.id }, { status: current.status });
      await this.audit(manager, current, rule.action, actor, null);
      return current;
    });
    await this.afterCommit(() => this.reminderScheduler.syncReminder(reminder.id));
    return this.get(user, reminder.id);
  }

  private async lock(manager: EntityManager, user: User, reminderId: string) {
    const reminder = await manager.findOne(Reminder, {
      where: { id: reminderId, userId: user.id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!reminder) throw notFound('Reminder');
    return reminder;
  }

  private audit(
    manager: EntityManager,
    reminder: Reminder,
    action: string,
    actor: string,
    details: Record<string, unknown> | null,
  ) {
    return manager.save(
      manager.create(ReminderAudit, auditEntry(reminder, action, actor, details)),
    );
  }

  private assertPayload(payload: Record<string, unknown>) {
    const bytes = Buffer.byteLength(JSON.stringify(payload));
    if (bytes > this.payloadMaxBytes) {
      throw badInput(`The payload may be at most ${this.payloadMaxBytes} bytes of JSON`, {
        field: 'payload',
      });
    }
  }

  private afterCommit(schedule: () => Promise<void>) {
    return scheduleAfterCommit(this.logger, schedule);
  }
}

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

/** Writes notifications inside the firing's transaction (NotificationService.write). */
export type FireWriter = NotificationService['write'];

type AuditEntry = Pick<ReminderAudit, 'reminderId' | 'userId' | 'action' | 'actor' | 'details'>;

function auditEntry(
  reminder: Reminder,
  action: string,
  actor: string,
  details: Record<string, unknown> | null,
): AuditEntry {
  return { reminderId: reminder.id, userId: reminder.userId, action, actor, details };
}

function parseCron(cron: string, timezone: string, now: Date): Date {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== CRON_FIELDS) {
    throw badInput('cron must have 5 fields: minute hour day-of-month month day-of-week', {
      field: 'cron',
    });
  }
  try {
    return nextCronRun(cron, timezone, now);
  } catch (error) {
    throw badInput(`Invalid cron expression: ${(error as Error).message}`, { field: 'cron' });
  }
}

const maxDate = (a: Date, b: Date) => (a > b ? a : b);
