import { HabitScheduleKind } from '../../entities/habit-enums.js';
import { addDays, daysBetween, isoWeekday, type LocalDate } from './local-date.js';

/** When a habit is due. `weekdays` for WEEKDAYS, `count` for the N-times and every-N kinds. */
export interface Schedule {
  kind: HabitScheduleKind;
  weekdays: number[];
  count: number | null;
}

/** Kinds with a quota per calendar period rather than fixed days. */
export function isQuotaKind(kind: HabitScheduleKind): boolean {
  return kind === HabitScheduleKind.TIMES_PER_WEEK || kind === HabitScheduleKind.TIMES_PER_MONTH;
}

/**
 * Whether `date` is a due day for the fixed-day kinds (DAILY, WEEKDAYS, EVERY_N_DAYS,
 * counted from `startedOn`). Quota kinds have no fixed days: every day is a chance.
 */
export function isScheduledDay(schedule: Schedule, startedOn: LocalDate, date: LocalDate): boolean {
  if (date < startedOn) return false;
  switch (schedule.kind) {
    case HabitScheduleKind.WEEKDAYS:
      return schedule.weekdays.includes(isoWeekday(date));
    case HabitScheduleKind.EVERY_N_DAYS:
      return daysBetween(startedOn, date) % (schedule.count ?? 1) === 0;
    default:
      return true;
  }
}

/** First and last day of the calendar period (ISO week / month) holding `date`. */
export function periodOf(kind: HabitScheduleKind, date: LocalDate): [LocalDate, LocalDate] {
  if (kind === HabitScheduleKind.TIMES_PER_MONTH) {
    const first = `${date.slice(0, 8)}01`;
    const nextMonth = addDays(first, 32).slice(0, 8) + '01';
    return [first, addDays(nextMonth, -1)];
  }
  const monday = addDays(date, 1 - isoWeekday(date));
  return [monday, addDays(monday, 6)];
}

/**
 * Loop Habit Tracker's frequency: repetitions per interval, as numerator / denominator
 * (3 times a week = 3 / 7). A month counts as 30 days, as in Loop's monthly habits.
 */
export function frequencyOf(schedule: Schedule): { numerator: number; denominator: number } {
  const count = schedule.count ?? 1;
  switch (schedule.kind) {
    case HabitScheduleKind.WEEKDAYS:
      return { numerator: schedule.weekdays.length, denominator: 7 };
    case HabitScheduleKind.TIMES_PER_WEEK:
      return { numerator: count, denominator: 7 };
    case HabitScheduleKind.TIMES_PER_MONTH:
      return { numerator: count, denominator: 30 };
    case HabitScheduleKind.EVERY_N_DAYS:
      return { numerator: 1, denominator: count };
    default:
      return { numerator: 1, denominator: 1 };
  }
}
