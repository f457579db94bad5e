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

export interface DayEndResult {
  /** Missed days written. */
  written: number;
  /** The habits whose days were written (their stats moved), to publish after the commit. */
  changes: HabitChange<number>[];
  /** Active habits left: the day-end chain goes on while there are any. */
  active: number;
}

/**
 * Writes the missed days up to `upTo` of every active habit of one user and recomputes the
 * stats of the habits that got one, in the caller's transaction. Set-based, so the number of
 * statements does not grow with the habits: the habits locked in one query (in id order, as
 * no other writer locks several in another order), their check-ins and the vacations read
 * once, the missed days inserted in one statement and the stats written in one.
 */
export async function writeMissedDays(
  manager: EntityManager,
  user: User,
  upTo: LocalDate,
  today: LocalDate,
  now: Date,
): Promise<DayEndResult> {
  const habits = await manager
    .getRepository(Habit)
    .createQueryBuilder('habit')
    .setLock('pessimistic_write')
    .where('habit.user_id = :userId AND habit.status = :active', {
      userId: user.id,
      active: HabitStatus.ACTIVE,
    })
    .orderBy('habit.id')
    .getMany();
  if (habits.length === 0) return { written: 0, changes: [], active: 0 };
  const [checkIns, vacations] = await Promise.all([
    manager.find(HabitCheckIn, {
      where: { habitId: In(habits.map((habit) => habit.id)) },
      select: { habitId: true, localDate: true, status: true },
    }),
    manager.find(Vacation, { where: { userId: user.id } }),
  ]);
  const histories = new Map<string, HabitHistory & { checkIns: Map<LocalDate, CheckInStatus> }>(
    habits.map((habit) => [
      habit.id,
      {
        schedule: habit.schedule,
        startedOn: habit.startedOn,
        today,
        checkIns: new Map(),
        isExcluded: isExcludedBy(habit.pauses, vacations),
      },
    ]),
  );
  for (const row of checkIns) histories.get(row.habitId)?.checkIns.set(row.localDate, row.status);

  const rows = habits.flatMap((habit) =>
    unrecordedMissedDays(histories.get(habit.id)!, upTo).map((localDate) => ({
      userId: user.id,
      habitId: habit.id,
      localDate,
      status: CheckInStatus.MISSED,
      source: CheckInSource.SYSTEM,
    })),
  );
  if (rows.length === 0) return { written: 0, changes: [], active: habits.length };
  const inserted = await manager
    .createQueryBuilder()
    .insert()
    .into(HabitCheckIn)
    .values(rows)
    .orIgnore()
    .returning(['habitId', 'localDate'])
    .execute();
  // RETURNING lists only the rows inserted; a day written meanwhile is ignored.
  const written = inserted.raw as { habit_id: string; local_date: string }[];
  const perHabit = new Map<string, number>();
  for (const row of written) {
    histories.get(row.habit_id)?.checkIns.set(row.local_date, CheckInStatus.MISSED);
    perHabit.set(row.habit_id, (perHabit.get(row.habit_id) ?? 0) + 1);
  }
  const changes = habits
    .filter((habit) => perHabit.has(habit.id))
    .map((habit): HabitChange<number> => {
      const previousStatus = habit.status;
      const targetReached = applyStats(habit, histories.get(habit.id)!, now);
      return { result: perHabit.get(habit.id)!, habit, targetReached, date: null, previousStatus };
    });
  await saveStats(manager, changes);
  const active = habits.filter((habit) => habit.status === HabitStatus.ACTIVE).length;
  return { written: written.length, changes, active };
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
