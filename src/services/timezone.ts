import { DateTime, IANAZone } from 'luxon';
import { badInput } from '../errors/domain-error.js';
import { cachedZone } from './cached-zone.js';

export function assertTimezone(timezone: string): string {
  if (!IANAZone.isValidZone(timezone)) {
    throw badInput(`Unknown timezone "${timezone}"; use an IANA name such as Europe/Moscow`, {
      field: 'timezone',
    });
  }
  return timezone;
}

/** Today's date ("YYYY-MM-DD") where the user is. */
export function todayIn(timezone: string, now: Date = new Date()): string {
  return DateTime.fromJSDate(now, { zone: timezone }).toISODate() ?? '';
}

/** The instant of local midnight that starts the day of `instant` in `timezone`. */
export function startOfLocalDay(instant: Date, timezone: string): Date {
  return DateTime.fromJSDate(instant, { zone: timezone }).startOf('day').toJSDate();
}

/** ISO 8601 text of an instant with the offset of `timezone`. */
export function toLocalIso(instant: Date, timezone: string): string {
  // Called once per listed occurrence: the cached zone saves an Intl call per offset.
  const local = DateTime.fromJSDate(instant, { zone: cachedZone(timezone) });
  return local.toISO() ?? instant.toISOString();
}

export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/**
 * The first instant after `after` when the wall clock in `timezone` shows `time` ("HH:MM").
 * Computed per local day, so it follows DST: 08:00 stays 08:00 local on both sides of a
 * change. A time skipped by a spring-forward gap moves forward by the gap (02:30 → 03:30).
 */
export function nextLocalTime(
  time: string,
  timezone: string,
  after: Date,
  /** Only on this ISO weekday (1 Monday … 7 Sunday): weekly instead of daily. */
  weekday: number | null = null,
): Date {
  const minutes = minutesOfDay(time);
  let day = DateTime.fromJSDate(after, { zone: timezone }).startOf('day');
  for (;;) {
    const candidate = day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60 });
    const onDay = weekday === null || day.weekday === weekday;
    if (onDay && candidate.toMillis() > after.getTime()) return candidate.toJSDate();
    day = day.plus({ days: 1 });
  }
}

/**
 * When `instant` falls in the quiet hours [start, end) local (which may span midnight),
 * the instant they end; otherwise null.
 */
export function quietHoursEnd(
  instant: Date,
  timezone: string,
  start: string | null,
  end: string | null,
): Date | null {
  if (!start || !end || start === end) return null;
  const local = DateTime.fromJSDate(instant, { zone: timezone });
  const now = local.hour * 60 + local.minute;
  const [from, to] = [minutesOfDay(start), minutesOfDay(end)];
  const inside = from < to ? now >= from && now < to : now >= from || now < to;
  return inside ? nextLocalTime(end, timezone, instant) : null;
}

/** The local date ("YYYY-MM-DD") `days` after the date of `instant` in `timezone`. */
export function localDatePlusDays(instant: Date, timezone: string, days: number): string {
  return DateTime.fromJSDate(instant, { zone: timezone }).plus({ days }).toISODate() ?? '';
}
