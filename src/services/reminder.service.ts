import { In, type DataSource, type EntityManager } from 'typeorm';
import { DomainError, badInput, notFound } from '../errors/domain-error.js';
import {
  Reminder,
  ReminderAudit,
  ReminderStatus,
  ReminderType,
  type User,
} from '../entities/index.js';
import type { DomainEvents } from './domain-events.js';
import { nextCronRun } from './reminder-scheduler.js';
import { auditEntry } from './reminder-audit.js';
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

/** What a user may keep: live reminders, and how often a recurring one may run. */
export interface ReminderLimits {
  payloadMaxBytes: number;
  maxLivePerUser: number;
  minIntervalMinutes: number;
}

const LIVE_STATUSES = [ReminderStatus.PENDING, ReminderStatus.ACTIVE, ReminderStatus.PAUSED];

const liveStatus = (type: ReminderType) =>
  type === ReminderType.ONE_TIME ? ReminderStatus.PENDING : ReminderStatus.ACTIVE;

/** Generic reminders for assistants and third parties, with an audit trail of every change. */
export class ReminderService {
  constructor(
    private readonly db: DataSource,
    private readonly domainEvents: DomainEvents,
    private readonly limits: ReminderLimits,
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
      assertCronInterval(input.cron, timezone, now, this.limits.minIntervalMinutes);
    }
    const reminder = await this.db.transaction(async (manager) => {
      await this.assertRoomFor(manager, user);
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
    await this.domainEvents.emit('reminderCreated', { reminder, nextRunAt });
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

  /** The audit trail grows with every firing: read a page of it. */
  history(
    user: User,
    reminderId: string,
    page: { offset: number; limit: number },
  ): Promise<ReminderAudit[]> {
    return this.db.getRepository(ReminderAudit).find({
      where: { reminderId, userId: user.id },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: page.offset,
      take: page.limit,
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
    await this.domainEvents.emit('reminderChanged', { reminderId });
    return reminderId;
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
    await this.domainEvents.emit('reminderChanged', { reminderId: reminder.id });
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

  /** Live reminders per user are capped (CONFLICT: delete or cancel one first). */
  private async assertRoomFor(manager: EntityManager, user: User) {
    const live = await manager.countBy(Reminder, { userId: user.id, status: In(LIVE_STATUSES) });
    if (live >= this.limits.maxLivePerUser) {
      throw new DomainError(
        'CONFLICT',
        `At most ${this.limits.maxLivePerUser} live reminders; cancel or delete one first`,
        { limit: this.limits.maxLivePerUser },
      );
    }
  }

  private assertPayload(payload: Record<string, unknown>) {
    const bytes = Buffer.byteLength(JSON.stringify(payload));
    if (bytes > this.limits.payloadMaxBytes) {
      throw badInput(`The payload may be at most ${this.limits.payloadMaxBytes} bytes of JSON`, {
        field: 'payload',
      });
    }
  }
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

/** Runs looked at to find the shortest gap of a cron: more than a day of any rule that passes. */
const INTERVAL_SAMPLE_RUNS = 300;

/**
 * A recurring reminder may not run more often than every `minMinutes` (`* * * * *` would
 * flood the queue and the chat). The gaps between its next runs are measured over more than a
 * day, which covers every pattern of the minute and hour fields.
 */
function assertCronInterval(cron: string, timezone: string, now: Date, minMinutes: number) {
  const minGapMs = minMinutes * 60_000;
  const dayLater = now.getTime() + 26 * 3_600_000;
  let previous = nextCronRun(cron, timezone, now);
  for (let run = 0; run < INTERVAL_SAMPLE_RUNS && previous.getTime() < dayLater; run += 1) {
    const next = nextCronRun(cron, timezone, previous);
    if (next.getTime() - previous.getTime() < minGapMs) {
      throw badInput(`A recurring reminder may run at most every ${minMinutes} minutes`, {
        field: 'cron',
      });
    }
    previous = next;
  }
}
