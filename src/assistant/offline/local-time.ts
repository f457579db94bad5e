import { DateTime } from 'luxon';

/** A calendar day where the user is, with no time and no zone. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export interface LocalTime {
  hour: number;
  minute: number;
}

/** The user's clock: the moment and the zone every local date is read in. */
export interface Clock {
  now: Date;
  zone: string;
}

export function nowIn(clock: Clock): DateTime {
  return DateTime.fromJSDate(clock.now, { zone: clock.zone });
}

export function todayOf(clock: Clock): LocalDate {
  const now = nowIn(clock);
  return { year: now.year, month: now.month, day: now.day };
}

function asDateTime(date: LocalDate, zone: string): DateTime {
  return DateTime.fromObject(date, { zone });
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = DateTime.fromObject(date, { zone: 'UTC' }).plus({ days });
  return { year: shifted.year, month: shifted.month, day: shifted.day };
}

export function addMonths(date: LocalDate, months: number): LocalDate {
  const shifted = DateTime.fromObject(date, { zone: 'UTC' }).plus({ months });
  return { year: shifted.year, month: shifted.month, day: shifted.day };
}

/** ISO weekday, Monday 1 … Sunday 7. */
export function weekdayOfDate(date: LocalDate): number {
  return DateTime.fromObject(date, { zone: 'UTC' }).weekday;
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  const utc = (date: LocalDate) => Date.UTC(date.year, date.month - 1, date.day);
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function lastDayOfMonth(year: number, month: number): LocalDate {
  const end = DateTime.fromObject({ year, month, day: 1 }, { zone: 'UTC' }).endOf('month');
  return { year, month, day: end.day };
}

/** Whether a day exists (no 31 April). */
export function isValidDate(date: LocalDate): boolean {
  return DateTime.fromObject(date, { zone: 'UTC' }).isValid;
}

/**
 * The instant of a local date and time in `zone`. Luxon moves a time that falls in a
 * spring-forward gap forward by the gap, and takes the earlier of two in a fall-back overlap.
 */
export function toInstant(date: LocalDate, time: LocalTime, zone: string): Date {
  const local = DateTime.fromObject({ ...date, ...time }, { zone });
  // In an overlap luxon gives the later instant; a reminder should rather come early.
  const hourBefore = local.minus({ hours: 1 });
  const sameWallTime =
    hourBefore.day === local.day &&
    hourBefore.hour === local.hour &&
    hourBefore.minute === local.minute;
  return (sameWallTime ? hourBefore : local).toJSDate();
}

/** The instant local midnight starts `date`. */
export function startOfDate(date: LocalDate, zone: string): Date {
  return asDateTime(date, zone).startOf('day').toJSDate();
}

export function isoDate(date: LocalDate): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

export function isoTime(time: LocalTime): string {
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

/** The Monday that starts the ISO week of `date`. */
export function startOfWeek(date: LocalDate): LocalDate {
  return addDays(date, 1 - weekdayOfDate(date));
}

/** A day-month said without a year: this year's, or next year's when it has passed. */
export function forwardDate(month: number, day: number, today: LocalDate): LocalDate {
  const thisYear = { year: today.year, month, day };
  return compareDates(thisYear, today) < 0 ? { ...thisYear, year: today.year + 1 } : thisYear;
}
