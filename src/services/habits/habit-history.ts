import type { EntityManager } from 'typeorm';
import {
  type Habit,
  HabitCheckIn,
  HabitStatus,
  Vacation,
  type HabitPause,
} from '../../entities/index.js';
import { computeStats, type HabitHistory } from './habit-stats.js';
import type { LocalDate } from './local-date.js';

/** Whether `date` falls in one of the pauses or vacations. */
export function isExcludedBy(
  pauses: readonly HabitPause[],
  vacations: readonly Pick<Vacation, 'fromDate' | 'toDate'>[],
) {
  return (date: LocalDate): boolean =>
    pauses.some((pause) => pause.from <= date && (pause.to === null || date <= pause.to)) ||
    vacations.some((vacation) => vacation.fromDate <= date && date <= vacation.toDate);
}

/** Reads what the rules need for one habit: its check-ins and the user's vacations. */
export async function loadHistory(
  manager: EntityManager,
  habit: Habit,
  today: LocalDate,
): Promise<HabitHistory> {
  const [checkIns, vacations] = await Promise.all([
    manager.find(HabitCheckIn, {
      where: { habitId: habit.id },
      select: { localDate: true, status: true },
    }),
    manager.find(Vacation, { where: { userId: habit.userId } }),
  ]);
  return {
    schedule: habit.schedule,
    startedOn: habit.startedOn,
    today,
    checkIns: new Map(checkIns.map((row) => [row.localDate, row.status])),
    isExcluded: isExcludedBy(habit.pauses, vacations),
  };
}

/**
 * Copies freshly derived stats onto the habit and applies the target: reaching it completes
 * an active habit (true is returned, once, so the client can celebrate); a completed habit
 * whose done count fell under its target again (an undo, a raised target) is active again.
 */
export function applyStats(habit: Habit, history: HabitHistory, now: Date): boolean {
  const stats = computeStats(history);
  Object.assign(habit, stats);
  const reached = habit.target !== null && stats.doneCount >= habit.target;
  if (reached && habit.status === HabitStatus.ACTIVE) {
    habit.status = HabitStatus.COMPLETED;
    habit.completedAt = now;
    return true;
  }
  if (!reached && habit.status === HabitStatus.COMPLETED) {
    habit.status = HabitStatus.ACTIVE;
    habit.completedAt = null;
  }
  return false;
}
