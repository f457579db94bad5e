import { type DateFound, takeDate, takeRelative, type WeekdayRef } from './dates.js';
import { PART_OF_DAY_HOUR, WEEKDAY_WORD } from './lexicon.js';
import {
  addDays,
  type Clock,
  type LocalDate,
  type LocalTime,
  toInstant,
  todayOf,
  weekdayOfDate,
} from './local-time.js';
import { takeTimeOfDay, type TimeFound } from './time-of-day.js';
import { type Scanner, words } from './text.js';

/** Everything said about when: a moment, a day, a time, possibly still ambiguous. */
export interface WhenFound extends DateFound, TimeFound {}

/** Takes relative moments, times of day and days out of the message, in that order. */
export function takeWhen(scanner: Scanner, clock: Clock): WhenFound {
  const relative = takeRelative(scanner, clock);
  const time = takeTimeOfDay(scanner);
  const hourAfterDay = time.time || relative.instant ? undefined : takeHourAfterDay(scanner);
  const date = relative.date || relative.instant ? {} : takeDate(scanner, clock);
  return { ...date, ...relative, ...time, ...hourAfterDay };
}

/**
 * "work dinner fri 9", "darts tmrw 7": a bare hour right after the day, ending the message, is
 * the time ("завтра 3 встречи" counts meetings).
 */
const HOUR_AFTER_DAY = words(
  `(?:${WEEKDAY_WORD}|сегодня|завтра|послезавтра|today|tomorrow|tonight)\\s+(?<hour>\\d{1,2})(?=\\s*(?:$|[,;!?)]|\\.(?!\\d)))`,
);

function takeHourAfterDay(scanner: Scanner): TimeFound | undefined {
  const m = scanner.peek(HOUR_AFTER_DAY);
  const said = m?.groups?.hour;
  if (!m || !said) return undefined;
  const hour = Number(said);
  if (hour > 23) return undefined;
  const end = m.index + m[0].length;
  scanner.blank(end - said.length, end);
  // Like "в 3": 1–5 o'clock is the afternoon, and 1–12 is read from the event later.
  const bare = hour >= 1 && hour <= 12 && !said.startsWith('0');
  return { time: { hour: hour >= 1 && hour <= 5 && bare ? hour + 12 : hour, minute: 0 }, bare };
}

export function hasWhen(when: WhenFound): boolean {
  return Boolean(when.instant || when.date || when.weekday || when.time || when.partOfDay);
}

/** A weekday placed in a week: one day, or two candidates when "this or next" is unclear. */
export interface WeekdayPlacement {
  date: LocalDate;
  /** The other reading; present when the person should be asked. */
  alternative?: LocalDate;
}

/**
 * "во вторник" is the nearest Tuesday, except on a Tuesday itself (today, or in a week?)
 * unless the time has already passed. "в следующий вторник" / "next Tuesday" is clear when
 * the nearest Tuesday is already in next week, and ambiguous while it is in this week.
 */
export function placeWeekday(ref: WeekdayRef, clock: Clock, time?: LocalTime): WeekdayPlacement {
  const today = todayOf(clock);
  const todayWeekday = weekdayOfDate(today);
  const delta = (ref.weekday - todayWeekday + 7) % 7;
  const nearest = addDays(today, delta);
  const weekLater = addDays(nearest, 7);
  if (ref.modifier === 'this') return { date: nearest };
  // "next Friday" is the Friday of next calendar week (Mon–Sun), asked about by nobody.
  if (ref.modifier === 'next') {
    if (delta === 0) return { date: weekLater };
    return todayWeekday + delta <= 7 ? { date: weekLater } : { date: nearest };
  }
  if (delta > 0) return { date: nearest };
  const passed = time !== undefined && toInstant(today, time, clock.zone) < clock.now;
  return passed ? { date: weekLater } : { date: weekLater, alternative: today };
}

export interface ResolvedWhen {
  start?: Date;
  /** The day, when known. */
  date?: LocalDate;
  time?: LocalTime;
  /** The other reading of an ambiguous weekday. */
  alternativeDate?: LocalDate;
}

/** The time said, or the hour assumed for a part of the day. */
export function timeOfWhen(when: WhenFound): LocalTime | undefined {
  if (when.time) return when.time;
  if (when.partOfDay) return { hour: PART_OF_DAY_HOUR[when.partOfDay], minute: 0 };
  return undefined;
}

/** Turns what was said into a start instant in the user's timezone (forward in time). */
export function resolveWhen(when: WhenFound, clock: Clock): ResolvedWhen {
  if (when.instant) return { start: when.instant };
  const time = timeOfWhen(when);
  const today = todayOf(clock);
  let date = when.date;
  let alternativeDate: LocalDate | undefined;
  if (!date && when.weekday) {
    const placed = placeWeekday(when.weekday, clock, time);
    date = placed.date;
    alternativeDate = placed.alternative;
  }
  if (!date && (when.tonight || when.today)) date = today;
  if (!date && time) {
    date = toInstant(today, time, clock.zone) > clock.now ? today : addDays(today, 1);
  }
  const resolved: ResolvedWhen = {};
  if (date) resolved.date = date;
  if (alternativeDate) resolved.alternativeDate = alternativeDate;
  if (time) resolved.time = time;
  if (date && time) resolved.start = toInstant(date, time, clock.zone);
  return resolved;
}

/** Minutes from the start to the end of a range "с 10 до 12" (past midnight if need be). */
export function rangeMinutesOf(when: WhenFound): number | undefined {
  if (!when.time || !when.end) return undefined;
  const minutes = when.end.hour * 60 + when.end.minute - (when.time.hour * 60 + when.time.minute);
  return minutes > 0 ? minutes : minutes + 24 * 60;
}
