import type { DataSource, EntityManager } from 'typeorm';
import { badInput, notFound } from '../../errors/domain-error.js';
import { Habit, HabitStatus, type User } from '../../entities/index.js';
import type { HabitProgressUpdate } from '../../pubsub.js';
import type { DomainEvents } from '../domain-events.js';
import type { GoalService } from '../goal.service.js';
import { applyStats, loadHistory } from './habit-history.js';
import {
  normalizeReminderTimes,
  normalizeSchedule,
  type HabitScheduleInput,
} from './habit-rules-input.js';
import { addDays, habitDayOf, type LocalDate } from './local-date.js';

export interface CreateHabitInput {
  title: string;
  goalId?: string | null;
  schedule: HabitScheduleInput;
  reminderTimes?: string[] | null;
  target?: number | null;
  /** The first day that counts; today by default, yesterday at the earliest. */
  startedOn?: string | null;
}

export interface UpdateHabitInput {
  title?: string | null;
  goalId?: string | null;
  schedule?: HabitScheduleInput | null;
  reminderTimes?: string[] | null;
  target?: number | null;
}

export interface HabitFilter {
  status?: HabitStatus | null;
  goalId?: string | null;
}

/** What a write leaves behind: the habit, and whether it just reached its target. */
export interface HabitChange<T> {
  result: T;
  habit: Habit;
  targetReached: boolean;
  date: LocalDate | null;
  /** The status before the write: a change of it (completed, active again) moves reminders. */
  previousStatus: HabitStatus;
}

/**
 * Habits of one user: CRUD, pause/resume/archive. Every write that can change the stats
 * recomputes them (`habit-stats.ts`) in its transaction and publishes `HABIT_PROGRESS`
 * after the commit. Check-ins, vacations and the end of a day: `HabitCheckInService`.
 */
export class HabitService {
  constructor(
    private readonly db: DataSource,
    private readonly goals: GoalService,
    private readonly domainEvents: DomainEvents,
    /** Now: the real clock, except where a benchmark pins it (the assistant's clock). */
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The user's habit day now: the local date, moved back before `settings.dayStart`. */
  today(user: User, now: Date = this.clock()): LocalDate {
    return habitDayOf(now, user.settings.timezone, user.settings.dayStart);
  }

  /** One page, newest first (`limit` + 1 rows to know whether more exist). */
  list(user: User, filter: HabitFilter, range: { offset: number; limit: number }) {
    return this.db.getRepository(Habit).find({
      where: this.ownedBy(user, filter),
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: range.offset,
      take: range.limit,
    });
  }

  count(user: User, filter: HabitFilter): Promise<number> {
    return this.db.getRepository(Habit).count({ where: this.ownedBy(user, filter) });
  }

  async get(user: User, habitId: string, manager: EntityManager = this.db.manager) {
    const habit = await manager.findOne(Habit, { where: { id: habitId, userId: user.id } });
    if (!habit) throw notFound('Habit');
    return habit;
  }

  /** Locks the habit row, so its stats are derived one writer at a time. */
  async lock(user: User, habitId: string, manager: EntityManager): Promise<Habit> {
    const habit = await manager.findOne(Habit, {
      where: { id: habitId, userId: user.id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!habit) throw notFound('Habit');
    return habit;
  }

  async create(user: User, input: CreateHabitInput): Promise<Habit> {
    const today = this.today(user);
    const startedOn = input.startedOn ?? today;
    if (startedOn < addDays(today, -1)) {
      throw badInput('A habit starts yesterday at the earliest: earlier days are final', {
        field: 'startedOn',
      });
    }
    const habit = this.db.manager.create(Habit, {
      userId: user.id,
      title: input.title.trim(),
      goalId: input.goalId ? (await this.goals.get(user, input.goalId)).id : null,
      schedule: normalizeSchedule(input.schedule),
      reminderTimes: normalizeReminderTimes(input.reminderTimes),
      target: input.target ?? null,
      startedOn,
      pauses: [],
    });
    const saved = await this.db.manager.save(habit);
    await this.domainEvents.emit('habitsChanged', { userId: user.id });
    await this.domainEvents.emit('habitChanged', { habitId: saved.id });
    return saved;
  }

  async update(user: User, habitId: string, input: UpdateHabitInput): Promise<Habit> {
    const schedule = input.schedule ? normalizeSchedule(input.schedule) : null;
    const goalId = input.goalId ? (await this.goals.get(user, input.goalId)).id : input.goalId;
    return this.change(user, habitId, async (habit) => {
      if (input.title != null) habit.title = input.title.trim();
      if (goalId !== undefined) habit.goalId = goalId;
      if (schedule) habit.schedule = Object.assign(habit.schedule, schedule);
      if (input.reminderTimes != null) {
        habit.reminderTimes = normalizeReminderTimes(input.reminderTimes);
      }
      if (input.target !== undefined) habit.target = input.target;
      return habit;
    });
  }

  /** Pauses from today on: paused days are neither missed nor counted. */
  pause(user: User, habitId: string): Promise<Habit> {
    return this.change(user, habitId, (habit, today) => {
      this.assertStatus(habit, HabitStatus.ACTIVE, 'pause');
      habit.status = HabitStatus.PAUSED;
      habit.pauses = [...habit.pauses, { from: today, to: null }];
      return habit;
    });
  }

  /** Resumes today: the pause ends yesterday (a pause of no whole day is forgotten). */
  resume(user: User, habitId: string): Promise<Habit> {
    return this.change(user, habitId, (habit, today) => {
      this.assertStatus(habit, HabitStatus.PAUSED, 'resume');
      habit.status = HabitStatus.ACTIVE;
      habit.pauses = habit.pauses
        .map((pause) => (pause.to === null ? { ...pause, to: addDays(today, -1) } : pause))
        .filter((pause) => pause.to === null || pause.from <= pause.to);
      return habit;
    });
  }

  archive(user: User, habitId: string): Promise<Habit> {
    return this.change(user, habitId, (habit) => {
      habit.status = HabitStatus.ARCHIVED;
      return habit;
    });
  }

  /** Deletes the habit and its check-ins. */
  async delete(user: User, habitId: string): Promise<string> {
    await this.db.transaction(async (manager) => {
      const habit = await this.lock(user, habitId, manager);
      await manager.delete(Habit, { id: habit.id });
    });
    await this.domainEvents.emit('habitChanged', { habitId });
    return habitId;
  }

  /**
   * Runs `write` on the locked habit, recomputes its stats, saves it and publishes after
   * commit. The building block of every write that can move the stats.
   */
  async withLockedHabit<T>(
    user: User,
    habitId: string,
    write: (habit: Habit, today: LocalDate, manager: EntityManager) => Promise<T> | T,
    date: (result: T) => LocalDate | null = () => null,
  ): Promise<HabitChange<T>> {
    const change = await this.db.transaction((manager) =>
      this.writeLocked(manager, user, habitId, write, date),
    );
    await this.publish(user, change);
    return change;
  }

  /**
   * `withLockedHabit` inside a transaction the caller owns (several habits in one go); the
   * caller publishes the changes after its commit.
   */
  async writeLocked<T>(
    manager: EntityManager,
    user: User,
    habitId: string,
    write: (habit: Habit, today: LocalDate, manager: EntityManager) => Promise<T> | T,
    date: (result: T) => LocalDate | null = () => null,
  ): Promise<HabitChange<T>> {
    const now = this.clock();
    const today = this.today(user, now);
    const habit = await this.lock(user, habitId, manager);
    const previousStatus = habit.status;
    const result = await write(habit, today, manager);
    const targetReached = applyStats(habit, await loadHistory(manager, habit, today), now);
    await manager.save(habit);
    return { result, habit, targetReached, date: date(result), previousStatus };
  }

  /**
   * Publishes the habit's new state to the user's `habitProgress` subscribers. A status that
   * changed (paused, completed by a check-in, active again after an undo) also moves the
   * habit's reminders and the user's day-end job.
   */
  async publish(user: User, change: Omit<HabitChange<unknown>, 'result'>): Promise<void> {
    const { habit } = change;
    const update: HabitProgressUpdate = {
      habitId: habit.id,
      date: change.date,
      status: habit.status,
      currentStreak: habit.currentStreak,
      bestStreak: habit.bestStreak,
      strength: habit.strength,
      doneCount: habit.doneCount,
      targetReached: change.targetReached,
      changedAt: new Date(),
    };
    await this.domainEvents.emit('habitProgressChanged', { userId: user.id, update });
    if (habit.status !== change.previousStatus) {
      await this.domainEvents.emit('habitChanged', { habitId: habit.id });
      await this.domainEvents.emit('habitsChanged', { userId: user.id });
    }
  }

  /** An edit or status change: its reminders follow after the commit (`publish`). */
  private async change(
    user: User,
    habitId: string,
    write: (habit: Habit, today: LocalDate) => Promise<Habit> | Habit,
  ): Promise<Habit> {
    const { habit, previousStatus } = await this.withLockedHabit(user, habitId, write);
    // A status change already moved them; an edit (times, schedule) moves them here.
    if (habit.status === previousStatus) {
      await this.domainEvents.emit('habitChanged', { habitId: habit.id });
    }
    return habit;
  }

  private assertStatus(habit: Habit, expected: HabitStatus, action: string): void {
    if (habit.status !== expected) {
      throw badInput(
        `Only a habit that is ${expected} can be ${action}d; this one is ${habit.status}`,
        {
          field: 'status',
        },
      );
    }
  }

  private ownedBy(user: User, filter: HabitFilter) {
    return {
      userId: user.id,
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.goalId ? { goalId: filter.goalId } : {}),
    };
  }
}
