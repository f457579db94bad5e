import { DateTime } from 'luxon';
import { minutesOfDay } from '../timezone.js';

/** Local dates are "YYYY-MM-DD" strings; arithmetic on them never touches a timezone. */
export type LocalDate = string;

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a local date (the calendar date, no timezone involved). */
export function dayNumber(date: LocalDate): number {
  const [year, month, day] = date.split('-').map(Number);
  return Math.round(Date.UTC(year!, month! - 1, day!) / DAY_MS);
}

export function fromDayNumber(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/**
 * The habit day an instant belongs to: the local calendar date, or the one before when the
 * wall clock is still before `dayStart` ("03:00" for night owls: a check-in at 01:30 counts
 * for yesterday). Compared on the wall clock, not by subtracting hours from the instant: on
 * a DST change day the two differ by the shift.
 */
export function habitDayOf(instant: Date, timezone: string, dayStart: string): LocalDate {
  const local = DateTime.fromJSDate(instant, { zone: timezone });
  const date = local.toISODate() ?? '';
  return local.hour * 60 + local.minute < minutesOfDay(dayStart) ? addDays(date, -1) : date;
}

/** Days before yesterday are final: no check-in, undo or vacation changes them any more. */
export function isFinalDay(date: LocalDate, today: LocalDate): boolean {
  return date < addDays(today, -1);
}
