import { In, type EntityManager } from 'typeorm';
import {
  CheckInSource,
  CheckInStatus,
  Habit,
  HabitCheckIn,
  HabitStatus,
  Vacation,
  type User,
} from '../../entities/index.js';
import type { HabitChange } from './habit.service.js';
import { applyStats, isExcludedBy } from './habit-history.js';
import type { HabitHistory } from './habit-stats.js';
import { unrecordedMissedDays } from './habit-stats.js';
import type { LocalDate } from './local-date.js';

/** One user's day end: their missed days up to `upTo` are written, `today` is their habit day. */
export interface DayEndTarget {
  user: User;
  upTo: LocalDate;
  today: LocalDate;
}

export interface DayEndResult {
  /** Missed days written. */
  written: number;
  /** The habits whose days were written (their stats moved), to publish after the commit. */
  changes: HabitChange<number>[];
  /** Active habits left: the day-end chain goes on while there are any. */
  active: number;
}

type History = HabitHistory & { checkIns: Map<LocalDate, CheckInStatus> };

/** Rows per INSERT: 5 parameters each, well under PostgreSQL's 65,535. */
const INSERT_CHUNK = 2000;

/**
 * Writes the missed days of every active habit of several users (their day ends that came
 * due together) and recomputes the stats of the habits that got one, in the caller's
 * transaction. Set-based, so the number of statements grows with neither the habits nor the
 * users: the habits locked in one query (in id order, the order every writer that locks
 * several uses, so no two deadlock), their check-ins and the vacations read once, the missed
 * days inserted in one statement and the stats written in one. One result per target.
 */
export async function writeMissedDays(
  manager: EntityManager,
  targets: DayEndTarget[],
  now: Date,
): Promise<DayEndResult[]> {
  const byUser = new Map(targets.map((target) => [target.user.id, target]));
  const userIds = [...byUser.keys()];
  const habits = await manager
    .getRepository(Habit)
    .createQueryBuilder('habit')
    .setLock('pessimistic_write')
    .where('habit.user_id = ANY(:userIds) AND habit.status = :active', {
      userIds,
      active: HabitStatus.ACTIVE,
    })
    .orderBy('habit.id')
    .getMany();
  const results = new Map(
    userIds.map((id): [string, DayEndResult] => [id, { written: 0, changes: [], active: 0 }]),
  );
  if (habits.length === 0) return targets.map(({ user }) => results.get(user.id)!);
  const [checkIns, vacations] = await Promise.all([
    manager.find(HabitCheckIn, {
      where: { habitId: In(habits.map((habit) => habit.id)) },
      select: { habitId: true, localDate: true, status: true },
    }),
    manager.find(Vacation, { where: { userId: In(userIds) } }),
  ]);
  const histories = new Map<string, History>(
    habits.map((habit) => [
      habit.id,
      {
        schedule: habit.schedule,
        startedOn: habit.startedOn,
        today: byUser.get(habit.userId)!.today,
        checkIns: new Map(),
        isExcluded: isExcludedBy(
          habit.pauses,
          vacations.filter((vacation) => vacation.userId === habit.userId),
        ),
      },
    ]),
  );
  for (const row of checkIns) histories.get(row.habitId)?.checkIns.set(row.localDate, row.status);

  const rows = habits.flatMap((habit) =>
    unrecordedMissedDays(histories.get(habit.id)!, byUser.get(habit.userId)!.upTo).map(
      (localDate) => ({
        userId: habit.userId,
        habitId: habit.id,
        localDate,
        status: CheckInStatus.MISSED,
        source: CheckInSource.SYSTEM,
      }),
    ),
  );
  const perHabit = new Map<string, number>();
  for (const row of await insertMissed(manager, rows)) {
    histories.get(row.habit_id)?.checkIns.set(row.local_date, CheckInStatus.MISSED);
    perHabit.set(row.habit_id, (perHabit.get(row.habit_id) ?? 0) + 1);
  }
  const changes: HabitChange<number>[] = [];
  for (const habit of habits) {
    const result = results.get(habit.userId)!;
    const written = perHabit.get(habit.id);
    if (written) {
      const previousStatus = habit.status;
      const targetReached = applyStats(habit, histories.get(habit.id)!, now);
      const change = { result: written, habit, targetReached, date: null, previousStatus };
      changes.push(change);
      result.changes.push(change);
      result.written += written;
    }
    if (habit.status === HabitStatus.ACTIVE) result.active += 1;
  }
  await saveStats(manager, changes);
  return targets.map(({ user }) => results.get(user.id)!);
}

/**
 * Inserts the missed days, ignoring a day written meanwhile; RETURNING lists only the rows
 * inserted.
 */
async function insertMissed(
  manager: EntityManager,
  rows: Partial<HabitCheckIn>[],
): Promise<{ habit_id: string; local_date: string }[]> {
  const inserted: { habit_id: string; local_date: string }[] = [];
  for (let from = 0; from < rows.length; from += INSERT_CHUNK) {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(HabitCheckIn)
      .values(rows.slice(from, from + INSERT_CHUNK))
      .orIgnore()
      .returning(['habitId', 'localDate'])
      .execute();
    inserted.push(...(result.raw as { habit_id: string; local_date: string }[]));
  }
  return inserted;
}

/** The recomputed stats of several habits in one UPDATE. */
async function saveStats(manager: EntityManager, changes: HabitChange<number>[]): Promise<void> {
  if (changes.length === 0) return;
  const column = <T>(pick: (habit: Habit) => T) => changes.map(({ habit }) => pick(habit));
  await manager.query(
    `UPDATE habits AS h
        SET current_streak = v.current_streak, best_streak = v.best_streak,
            strength = v.strength, done_count = v.done_count, status = v.status,
            completed_at = v.completed_at, updated_at = now()
       FROM unnest($1::uuid[], $2::int[], $3::int[], $4::float8[], $5::int[], $6::varchar[],
                   $7::timestamptz[])
         AS v(id, current_streak, best_streak, strength, done_count, status, completed_at)
      WHERE h.id = v.id`,
    [
      column((h) => h.id),
      column((h) => h.currentStreak),
      column((h) => h.bestStreak),
      column((h) => h.strength),
      column((h) => h.doneCount),
      column((h) => h.status),
      column((h) => h.completedAt),
    ],
  );
}
