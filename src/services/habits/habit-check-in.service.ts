import { Between, In, LessThanOrEqual, MoreThanOrEqual, type DataSource } from 'typeorm';
import { badInput, notFound } from '../../errors/domain-error.js';
import {
  type CheckInSource,
  type CheckInStatus,
  Habit,
  HabitCheckIn,
  HabitStatus,
  Vacation,
  User,
} from '../../entities/index.js';
import { withdrawHabitReminders } from '../notifications/habit-notifications.js';
import type { HabitChange, HabitService } from './habit.service.js';
import { writeMissedDays, type DayEndResult, type DayEndTarget } from './habit-day-end.js';
import { loadHistory } from './habit-history.js';
import { completionRate } from './habit-stats.js';
import { addDays, daysBetween, habitDayOf, isFinalDay, type LocalDate } from './local-date.js';

export interface CheckInInput {
  /** The habit day; today by default. Yesterday stays open until today ends. */
  date?: string | null;
  status: CheckInStatus;
  value?: number | null;
  note?: string | null;
  source: CheckInSource;
}

export interface CompletionRates {
  last7Days: number | null;
  last30Days: number | null;
  last90Days: number | null;
}

export const MAX_HISTORY_DAYS = 366;
export const MAX_VACATION_DAYS = 366;

/**
 * Check-ins, vacations and the end of a day. One check-in per habit and habit day: checking
 * in twice the same day updates the one row. Stats are recomputed in the same transaction.
 */
export class HabitCheckInService {
  constructor(
    private readonly db: DataSource,
    private readonly habits: HabitService,
  ) {}

  /** Writes (or rewrites) the check-in of one day; `targetReached` is true once, on completion. */
  checkIn(user: User, habitId: string, input: CheckInInput): Promise<HabitChange<HabitCheckIn>> {
    return this.habits.withLockedHabit(
      user,
      habitId,
      async (habit, today, manager) => {
        const date = input.date ?? today;
        await this.assertOpenDay(user, habit, date, today);
        if (habit.status !== HabitStatus.ACTIVE) {
          const hint = habit.status === HabitStatus.COMPLETED ? '; raise its target to go on' : '';
          throw badInput(`The habit is ${habit.status}${hint}`, { field: 'habitId' });
        }
        await manager.upsert(
          HabitCheckIn,
          {
            userId: user.id,
            habitId: habit.id,
            localDate: date,
            status: input.status,
            value: input.value ?? null,
            note: input.note?.trim() || null,
            source: input.source,
          },
          { conflictPaths: ['habitId', 'localDate'] },
        );
        // Checked in elsewhere: a reminder of that day still waiting (snoozed) has nothing to ask.
        await withdrawHabitReminders(manager, user.id, habit.id, date);
        return manager.findOneByOrFail(HabitCheckIn, { habitId: habit.id, localDate: date });
      },
      (checkIn) => checkIn.localDate,
    );
  }

  /** Removes the check-in of today or yesterday, as if it had never been made. */
  async undoCheckIn(user: User, habitId: string, date?: string | null): Promise<Habit> {
    const change = await this.habits.withLockedHabit(
      user,
      habitId,
      async (habit, today, manager) => {
        const day = date ?? today;
        await this.assertOpenDay(user, habit, day, today);
        const removed = await manager.delete(HabitCheckIn, { habitId: habit.id, localDate: day });
        if (!removed.affected) throw notFound('Check-in');
        return day;
      },
      (day) => day,
    );
    return change.habit;
  }

  /** Days off for every habit, from a day not yet final (yesterday at the earliest). */
  async setVacation(user: User, fromDate: string, toDate: string): Promise<Vacation> {
    const today = this.habits.today(user);
    if (isFinalDay(fromDate, today)) {
      throw badInput('A vacation starts yesterday at the earliest: earlier days are final', {
        field: 'from',
      });
    }
    if (toDate < fromDate) throw badInput('"to" must not be before "from"', { field: 'to' });
    if (daysBetween(fromDate, toDate) >= MAX_VACATION_DAYS) {
      throw badInput(`A vacation is at most ${MAX_VACATION_DAYS} days`, { field: 'to' });
    }
    const { vacation, changes } = await this.db.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(Vacation, { userId: user.id, fromDate, toDate }),
      );
      // What today and later count changed: active habits are recomputed with it.
      const recomputed = [];
      for (const habit of await this.activeHabits(user)) {
        recomputed.push(await this.habits.writeLocked(manager, user, habit.id, () => null));
      }
      return { vacation: saved, changes: recomputed };
    });
    for (const change of changes) await this.habits.publish(user, change);
    return vacation;
  }

  /**
   * The ends of habit days that came due together, each at its user's `dayStart`: for each
   * user the day before yesterday is now final, so its missed days are written — every user
   * of the batch in one transaction (`writeMissedDays`). Returns, per item, the user while
   * they still have active habits (the job then queues their next day end), else null.
   */
  async closeDays(ends: { userId: string; at: Date }[]): Promise<(User | null)[]> {
    const ids = [...new Set(ends.map((end) => end.userId))];
    const users = new Map(
      (await this.db.getRepository(User).findBy({ id: In(ids) })).map((user) => [user.id, user]),
    );
    const targets = new Map<string, DayEndTarget>();
    for (const { userId, at } of ends) {
      const user = users.get(userId);
      if (!user || targets.has(userId)) continue;
      const today = habitDayOf(at, user.settings.timezone, user.settings.dayStart);
      targets.set(userId, { user, upTo: addDays(today, -2), today: this.habits.today(user) });
    }
    const results = await this.write([...targets.values()]);
    return ends.map(({ userId }) =>
      (results.get(userId)?.active ?? 0) > 0 ? users.get(userId)! : null,
    );
  }

  /**
   * Writes a `missed` check-in for every due day up to `localDate` that has none, and
   * recomputes the stats, for all the user's active habits in one transaction. Idempotent:
   * a second call writes nothing. Returns the number of days written.
   */
  async markMissedDays(user: User, localDate: LocalDate): Promise<number> {
    const today = this.habits.today(user);
    const results = await this.write([{ user, upTo: localDate, today }]);
    return results.get(user.id)!.written;
  }

  private async write(targets: DayEndTarget[]): Promise<Map<string, DayEndResult>> {
    if (targets.length === 0) return new Map();
    const now = new Date();
    const results = await this.db.transaction((manager) => writeMissedDays(manager, targets, now));
    // Subscribers hear of a habit only when a day was written (its stats moved).
    for (const [index, { user }] of targets.entries()) {
      for (const change of results[index]!.changes) await this.habits.publish(user, change);
    }
    return new Map(targets.map(({ user }, index) => [user.id, results[index]!]));
  }

  /** Check-ins of one habit over [from, to], oldest first. */
  async history(user: User, habit: Habit, from: string, to: string): Promise<HabitCheckIn[]> {
    if (to < from) throw badInput('"to" must not be before "from"', { field: 'to' });
    if (daysBetween(from, to) >= MAX_HISTORY_DAYS) {
      throw badInput(`The range may span at most ${MAX_HISTORY_DAYS} days`, { field: 'to' });
    }
    return this.db.getRepository(HabitCheckIn).find({
      where: { habitId: habit.id, userId: user.id, localDate: Between(from, to) },
      order: { localDate: 'ASC' },
    });
  }

  /** Done / (done + missed) over the last 7, 30 and 90 days; null when nothing was due. */
  async completionRates(user: User, habit: Habit): Promise<CompletionRates> {
    const history = await loadHistory(this.db.manager, habit, this.habits.today(user));
    return {
      last7Days: completionRate(history, 7),
      last30Days: completionRate(history, 30),
      last90Days: completionRate(history, 90),
    };
  }

  /** In id order: the order the day end locks them in, so the two never deadlock. */
  private activeHabits(user: User): Promise<Habit[]> {
    return this.db.getRepository(Habit).find({
      where: { userId: user.id, status: HabitStatus.ACTIVE },
      select: { id: true },
      order: { id: 'ASC' },
    });
  }

  /** Today and yesterday are open; earlier days are final, later ones not there yet. */
  private async assertOpenDay(user: User, habit: Habit, date: LocalDate, today: LocalDate) {
    if (date > today) throw badInput('That day has not come yet', { field: 'date' });
    if (isFinalDay(date, today)) {
      throw badInput('Only today and yesterday can be changed; earlier days are final', {
        field: 'date',
      });
    }
    if (date < habit.startedOn) {
      throw badInput('The habit had not started on that day', { field: 'date' });
    }
    const onVacation = await this.db.getRepository(Vacation).exists({
      where: { userId: user.id, fromDate: LessThanOrEqual(date), toDate: MoreThanOrEqual(date) },
    });
    if (onVacation) throw badInput('That day is a vacation day', { field: 'date' });
  }
}
