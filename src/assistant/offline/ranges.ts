import {
  addDays,
  addMonths,
  compareDates,
  type Clock,
  type LocalDate,
  startOfDate,
  startOfWeek,
  todayOf,
  weekdayOfDate,
} from './local-time.js';
import { WEEKDAY_WORD, weekdayOf } from './lexicon.js';
import { type Scanner, words } from './text.js';
import { placeWeekday, takeWhen } from './when.js';

/** A span of days [first, last] where the user is. */
export interface DayRange {
  first: LocalDate;
  /** Inclusive. */
  last: LocalDate;
}

const THIS_WEEK = words(
  '(?:на|в)\\s+(?:эт(?:ой|у)|текущ(?:ей|ую))\\s+недел[юеи]|(?:на|в)\\s+неделю|(?:for\\s+|during\\s+)?this\\s+week|for\\s+the\\s+week',
);
const NEXT_WEEK = words(
  '(?:на|в)\\s+(?:(?:следующ|будущ)(?:ей|ую)|след\\.?)\\s+недел[юеи]|(?:for\\s+)?next\\s+week',
);
const NEXT_WEEKEND = words('(?:на|в)\\s+следующ(?:их|ие)\\s+выходн(?:ых|ые)|next\\s+weekend');
const WEEKEND = words(
  '(?:на|в)\\s+(?:эти\\s+|этих\\s+)?выходн(?:ых|ые)|(?:this\\s+|the\\s+|on\\s+the\\s+|over\\s+the\\s+|for\\s+the\\s+)?weekend',
);
const THIS_MONTH = words('(?:в|на)\\s+(?:этом|этот)\\s+месяц[еу]?|this\\s+month');
const NEXT_MONTH = words('(?:в|на)\\s+следующ(?:ем|ий)\\s+месяц[еу]?|next\\s+month');

function weekendFrom(today: LocalDate): DayRange {
  // On a Sunday, the weekend started yesterday.
  const saturday = addDays(today, 6 - weekdayOfDate(today));
  return { first: saturday, last: addDays(saturday, 1) };
}

/**
 * "на этой неделе", "next weekend", "sometime next week": days to pick one from (this week's
 * from today on); `wholeWeek` keeps this week's past days too (what was on it).
 */
export function takeWeekRange(
  scanner: Scanner,
  clock: Clock,
  wholeWeek = false,
): DayRange | undefined {
  const today = todayOf(clock);
  const monday = startOfWeek(today);
  scanner.take(SOMETIME);
  if (scanner.take(NEXT_WEEK)) return { first: addDays(monday, 7), last: addDays(monday, 13) };
  if (scanner.take(THIS_WEEK))
    return { first: wholeWeek ? monday : today, last: addDays(monday, 6) };
  if (scanner.take(NEXT_WEEKEND)) {
    const weekend = weekendFrom(today);
    return { first: addDays(weekend.first, 7), last: addDays(weekend.last, 7) };
  }
  if (scanner.take(WEEKEND)) return weekendFrom(today);
  return undefined;
}

/** The day of `weekday` among a range's days ("на следующей неделе во вторник"), if one is. */
export function dayWithin(range: DayRange, weekday: number): LocalDate | undefined {
  for (let day = range.first; compareDates(day, range.last) <= 0; day = addDays(day, 1)) {
    if (weekdayOfDate(day) === weekday) return day;
  }
  return undefined;
}

/** "sometime", "когда-нибудь на …", "куда-нибудь": no day of the range is meant yet. */
const SOMETIME = words(
  '(?:at\\s+)?some\\s*time|some\\s+day|когда-?(?:нибудь|то)|куда-?нибудь|в\\s+какой-?(?:нибудь|то)\\s+день',
);

function takeDayRange(scanner: Scanner, clock: Clock): DayRange | undefined {
  const week = takeWeekRange(scanner, clock, true);
  if (week) return week;
  const today = todayOf(clock);
  const firstOfMonth = { ...today, day: 1 };
  if (scanner.take(NEXT_MONTH)) {
    const first = addMonths(firstOfMonth, 1);
    return { first, last: addDays(addMonths(first, 1), -1) };
  }
  if (scanner.take(THIS_MONTH)) {
    return { first: firstOfMonth, last: addDays(addMonths(firstOfMonth, 1), -1) };
  }
  const when = takeWhen(scanner, clock);
  if (when.instant) return undefined;
  let first = when.date;
  if (!first && when.weekday) {
    // Asking what is on "в среду" on a Wednesday means today.
    first = when.weekday.modifier ? placeWeekday(when.weekday, clock).date : undefined;
    first ??= addDays(today, (when.weekday.weekday - weekdayOfDate(today) + 7) % 7);
  }
  if (!first && when.tonight) first = today;
  if (!first) return undefined;
  return { first, last: when.rangeEnd ?? secondDay(scanner, clock, first) ?? first };
}

/** "в среду и четверг", "friday or saturday": a second day said joins the days asked about. */
const AND_DAY = words('и|или|а\\s+также|and|or|&');

/** "sat/sun", "fri or sat": the second day said by its short name right after the joint. */
const JOINED_SHORT_DAY = words(`(?:/|&|и|или|and|or)\\s*(${WEEKDAY_WORD})`);

function secondDay(scanner: Scanner, clock: Clock, first: LocalDate): LocalDate | undefined {
  if (!AND_DAY.test(scanner.text) && !scanner.text.includes('/')) return undefined;
  AND_DAY.lastIndex = 0;
  const joined = scanner.take(JOINED_SHORT_DAY);
  const when = joined ? {} : takeWhen(scanner, clock);
  const weekday = joined ? weekdayOf(joined[1] ?? '') : when.weekday?.weekday;
  let day = 'date' in when ? when.date : undefined;
  if (!day && weekday) day = addDays(first, (weekday - weekdayOfDate(first) + 7) % 7);
  return day && compareDates(day, first) > 0 ? day : undefined;
}

export interface InstantRange {
  from: Date;
  to: Date;
}

/**
 * Takes the days asked about ("сегодня", "на этой неделе", "с 5 по 10 марта", "next week")
 * as instants [from, to) in the user's timezone; undefined when none is said.
 */
export function takeRange(scanner: Scanner, clock: Clock): InstantRange | undefined {
  const days = takeDayRange(scanner, clock);
  if (!days) return undefined;
  return {
    from: startOfDate(days.first, clock.zone),
    to: startOfDate(addDays(days.last, 1), clock.zone),
  };
}

/** From the start of today for `days` days. */
export function nextDays(clock: Clock, days: number): InstantRange {
  const today = todayOf(clock);
  return {
    from: startOfDate(today, clock.zone),
    to: startOfDate(addDays(today, days), clock.zone),
  };
}
