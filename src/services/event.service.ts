import { In, type DataSource, type EntityManager } from 'typeorm';
import { DomainError, badInput, notFound } from '../errors/domain-error.js';
import { Event, EventKind, Goal, Step, type EventException, type User } from '../entities/index.js';
import type { DomainEvents } from './domain-events.js';
import { forEachBounded } from '../common/batches.js';
import { flatMapTimeSliced } from '../common/time-sliced.js';
import { assertEventSchedule } from './event-schedule.js';
import { normalizeRecurrence, occurrenceStarts } from './recurrence.js';
import { assertTimezone, startOfLocalDay } from './timezone.js';

const DAY_MINUTES = 24 * 60;
const MAX_RANGE_DAYS = 400;

export interface EventFields {
  title?: string | null;
  start?: Date | null;
  timezone?: string | null;
  allDay?: boolean | null;
  durationMinutes?: number | null;
  recurrence?: string | null;
  notes?: string | null;
  kind?: EventKind | null;
  goalId?: string | null;
  stepId?: string | null;
  reminderMinutesBefore?: number[] | null;
  reminderEnabled?: boolean | null;
  /** A recurring event's changed occurrences (from a synced calendar); null: none. */
  exceptions?: EventException[] | null;
}

/** Events whose reminders are re-planned at once after a batch (the pool has room). */
const ANNOUNCE_CONCURRENCY = 4;

export interface CreateEventInput extends EventFields {
  title: string;
  start: Date;
}

export interface EventOccurrence {
  event: Event;
  start: Date;
  end: Date;
}

/** Calendar events: CRUD and expansion of recurring events into occurrences. */
export class EventService {
  constructor(
    private readonly db: DataSource,
    private readonly domainEvents: DomainEvents,
    /** Events a user may keep (CONFLICT beyond: delete some first). */
    private readonly maxPerUser = 5000,
  ) {}

  async get(user: User, eventId: string): Promise<Event> {
    const event = await this.db.getRepository(Event).findOne({
      where: { id: eventId, userId: user.id },
    });
    if (!event) throw notFound('Event');
    return event;
  }

  async create(user: User, input: CreateEventInput): Promise<Event> {
    const saved = await this.db.transaction((manager) => this.createIn(manager, user, input));
    await this.domainEvents.emit('eventChanged', { eventId: saved.id });
    return saved;
  }

  /**
   * Creates an event inside the caller's transaction, with the defaults and validation of
   * `create()`. Its reminders are not scheduled here (the transaction has not committed): the
   * caller reports the new ids after its commit.
   */
  async createIn(manager: EntityManager, user: User, input: CreateEventInput): Promise<Event> {
    if ((await manager.countBy(Event, { userId: user.id })) >= this.maxPerUser) {
      throw new DomainError('CONFLICT', `At most ${this.maxPerUser} events; delete some first`, {
        limit: this.maxPerUser,
      });
    }
    const event = manager.create(Event, {
      userId: user.id,
      timezone: user.settings.timezone,
      kind: EventKind.USER,
      reminderMinutesBefore: [...user.settings.defaultReminderMinutes],
    });
    await this.apply(user, event, input, manager);
    remindAtStartWhenTooLate(event);
    return manager.save(event);
  }

  async update(user: User, eventId: string, input: EventFields): Promise<Event> {
    const saved = await this.db.transaction(async (manager) => {
      const event = await manager.findOne(Event, {
        where: { id: eventId, userId: user.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!event) throw notFound('Event');
      await this.apply(user, event, input, manager);
      if (input.start != null || input.reminderMinutesBefore != null) {
        remindAtStartWhenTooLate(event);
      }
      return manager.save(event);
    });
    await this.domainEvents.emit('eventChanged', { eventId: saved.id });
    return saved;
  }

  /**
   * Several updates inside the caller's transaction: one locking read for all, then each
   * validated as in `update()`. One maxOn cannot take (a DomainError) is left out, unchanged,
   * and its id returned in `refused`. Call `announce()` after the commit (reminders).
   */
  async updateManyIn(
    manager: EntityManager,
    user: User,
    updates: ReadonlyArray<{ id: string; input: EventFields }>,
  ): Promise<{ saved: Event[]; refused: string[] }> {
    if (updates.length === 0) return { saved: [], refused: [] };
    const events = await manager.find(Event, {
      where: { id: In(updates.map((update) => update.id)), userId: user.id },
      lock: { mode: 'pessimistic_write' },
    });
    const byId = new Map(events.map((event) => [event.id, event]));
    const saved: Event[] = [];
    const refused: string[] = [];
    for (const { id, input } of updates) {
      const event = byId.get(id);
      if (!event) continue;
      try {
        await this.apply(user, event, input, manager);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        refused.push(id);
        continue;
      }
      if (input.start != null) remindAtStartWhenTooLate(event);
      saved.push(event);
    }
    return { saved: await manager.save(Event, saved, { chunk: 100 }), refused };
  }

  /** Deletes several of the user's events inside the caller's transaction; `announce()` after. */
  async deleteManyIn(manager: EntityManager, user: User, ids: string[]): Promise<void> {
    if (ids.length > 0) await manager.delete(Event, { id: In(ids), userId: user.id });
  }

  /** After a batch committed: what follows each changed or deleted event (its reminders). */
  async announce(eventIds: readonly string[]): Promise<void> {
    await forEachBounded(eventIds, ANNOUNCE_CONCURRENCY, (eventId) =>
      this.domainEvents.emit('eventChanged', { eventId }),
    );
  }

  async delete(user: User, eventId: string): Promise<string> {
    const result = await this.db.getRepository(Event).delete({ id: eventId, userId: user.id });
    if (!result.affected) throw notFound('Event');
    await this.domainEvents.emit('eventChanged', { eventId });
    return eventId;
  }

  /** Occurrences overlapping [from, to), recurring events expanded, sorted by start. */
  async occurrences(user: User, from: Date, to: Date): Promise<EventOccurrence[]> {
    if (to.getTime() <= from.getTime())
      throw badInput('"to" must be after "from"', { field: 'to' });
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MINUTES * 60_000) {
      throw badInput(`The range may span at most ${MAX_RANGE_DAYS} days`, { field: 'to' });
    }
    const candidates = await this.db
      .getRepository(Event)
      .createQueryBuilder('event')
      .where('event.user_id = :userId', { userId: user.id })
      .andWhere('event.starts_at < :to', { to })
      .andWhere(
        "(event.recurrence IS NOT NULL OR event.starts_at + event.duration_minutes * interval '1 minute' > :from)",
        { from },
      )
      .getMany();
    const occurrences = await flatMapTimeSliced(candidates, (event) =>
      occurrenceStarts(event, from, to).map((start) => ({
        event,
        start,
        end: new Date(start.getTime() + event.durationMinutes * 60_000),
      })),
    );
    return occurrences.sort((a, b) => a.start.getTime() - b.start.getTime());
  }

  /** Validates `input` and copies it onto `event`; links must point at the user's own goal/step. */
  private async apply(user: User, event: Event, input: EventFields, manager: EntityManager) {
    const series = `${event.startsAt?.getTime()}|${event.timezone}|${event.recurrence}`;
    if (input.title != null) event.title = input.title.trim();
    if (input.timezone != null) event.timezone = assertTimezone(input.timezone);
    if (input.start != null) event.startsAt = input.start;
    if (input.allDay != null) event.allDay = input.allDay;
    if (input.durationMinutes != null) event.durationMinutes = input.durationMinutes;
    else if (input.allDay === true) event.durationMinutes = DAY_MINUTES;
    if (input.recurrence !== undefined) {
      event.recurrence = input.recurrence ? normalizeRecurrence(input.recurrence) : null;
    }
    if (input.exceptions !== undefined) event.exceptions = input.exceptions ?? [];
    // A one-off event has no occurrences to change, and a series moved or given another rule
    // here no longer has the occurrences its exceptions name (as Google drops them too).
    const seriesChanged =
      series !== `${event.startsAt?.getTime()}|${event.timezone}|${event.recurrence}`;
    if (!event.recurrence || (seriesChanged && input.exceptions === undefined)) {
      event.exceptions = [];
    }
    if (input.notes !== undefined) event.notes = input.notes;
    if (input.kind != null) event.kind = input.kind;
    if (input.reminderEnabled != null) event.reminderEnabled = input.reminderEnabled;
    if (input.reminderMinutesBefore != null) {
      event.reminderMinutesBefore = [...new Set(input.reminderMinutesBefore)].sort((a, b) => a - b);
    }
    if (event.allDay) event.startsAt = startOfLocalDay(event.startsAt, event.timezone);
    assertEventSchedule(event);
    // The user's own choice about reminders replaces the one the system made.
    if (input.reminderEnabled != null) event.remindersDisabledReason = null;
    if (input.goalId !== undefined) {
      const goalId = await this.ownGoalId(user, input.goalId, manager);
      // Moving the event to another goal (or none) unlinks a step of the old goal.
      if (goalId !== event.goalId && input.stepId === undefined) event.stepId = null;
      event.goalId = goalId;
    }
    if (input.stepId !== undefined) {
      const step = await this.ownStep(user, input.stepId, manager);
      event.stepId = step?.id ?? null;
      if (step) event.goalId = step.goalId;
    }
  }

  private async ownGoalId(user: User, goalId: string | null, manager: EntityManager) {
    if (!goalId) return null;
    const exists = await manager.exists(Goal, { where: { id: goalId, userId: user.id } });
    if (!exists) throw notFound('Goal');
    return goalId;
  }

  private async ownStep(user: User, stepId: string | null, manager: EntityManager) {
    if (!stepId) return null;
    const step = await manager.findOne(Step, { where: { id: stepId, goal: { userId: user.id } } });
    if (!step) throw notFound('Step');
    return step;
  }
}

/**
 * A one-off event whose every reminder offset is already past ("созвон через 3 минуты" with
 * the default 15 minutes before) is reminded at its start instead of never: the person would
 * otherwise get nothing at all. Recurring events keep their offsets (later occurrences use
 * them), and an event with reminders switched off or set to none stays so.
 */
function remindAtStartWhenTooLate(event: Event, now = Date.now()): void {
  const offsets = event.reminderMinutesBefore;
  if (event.recurrence || event.reminderEnabled === false || offsets.length === 0) return;
  const start = event.startsAt.getTime();
  if (start <= now) return;
  if (offsets.every((minutes) => start - minutes * 60_000 <= now))
    event.reminderMinutesBefore = [0];
}
