import { DateTime } from 'luxon';
import { addDays, type LocalDate } from '../habits/local-date.js';

/** Which calendar week a review is of: the current one (so far) or the one before it. */
export type ReviewWeek = 'this' | 'last';

export interface ReviewWeekRange {
  /** Monday of the week, a local date. */
  from: LocalDate;
  /** Its last day reviewed: today for this week, Sunday for last week. */
  to: LocalDate;
  /** Local midnight of `from` and of the day after `to`, as instants (DST-safe: by wall clock). */
  start: Date;
  end: Date;
}

/**
 * The calendar week (Monday to Sunday, in the user's timezone) a review covers: "this week"
 * is Monday up to today — on a Sunday evening the whole week — and "last week" the previous
 * Monday to Sunday, never the last 7 days. Day bounds are local midnights, so a week across
 * a DST change is 167 or 169 hours long.
 */
export function reviewWeekRange(
  today: LocalDate,
  timezone: string,
  week: ReviewWeek,
): ReviewWeekRange {
  const monday = addDays(today, 1 - DateTime.fromISO(today).weekday);
  const from = week === 'this' ? monday : addDays(monday, -7);
  const to = week === 'this' ? today : addDays(monday, -1);
  const midnight = (date: LocalDate) => DateTime.fromISO(date, { zone: timezone }).toJSDate();
  return { from, to, start: midnight(from), end: midnight(addDays(to, 1)) };
}
