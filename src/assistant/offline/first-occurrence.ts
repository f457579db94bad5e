import {
  addDays,
  type Clock,
  compareDates,
  lastDayOfMonth,
  type LocalDate,
  type LocalTime,
  toInstant,
  todayOf,
  weekdayOfDate,
} from './local-time.js';
import type { RecurrenceFound } from './recurrence-words.js';

function matches(rule: RecurrenceFound, date: LocalDate): boolean {
  const weekday = weekdayOfDate(date);
  if (rule.byDay && !rule.byDay.includes(weekday)) return false;
  if (rule.byMonthDay && date.day !== rule.byMonthDay) return false;
  if (rule.nth) {
    const last = lastDayOfMonth(date.year, date.month).day;
    return rule.nth > 0 ? Math.ceil(date.day / 7) === rule.nth : date.day + 7 > last;
  }
  return true;
}

/**
 * The first occurrence of a repetition that is still ahead: its day, and its start when the
 * time of day is known. Starts looking on `from` when that is later than today.
 */
export function firstOccurrence(
  rule: RecurrenceFound,
  clock: Clock,
  time?: LocalTime,
  from?: LocalDate,
): { date: LocalDate; start?: Date } | undefined {
  const today = todayOf(clock);
  const begin = from && compareDates(from, today) > 0 ? from : today;
  // A BYMONTHDAY=31 or a 5th weekday may skip months; a little over a year is enough.
  for (let offset = 0; offset < 400; offset++) {
    const date = addDays(begin, offset);
    if (!matches(rule, date)) continue;
    if (!time) return { date };
    const start = toInstant(date, time, clock.zone);
    if (start.getTime() > clock.now.getTime()) return { date, start };
  }
  return undefined;
}
