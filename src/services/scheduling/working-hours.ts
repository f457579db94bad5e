import { DateTime, IANAZone, type Zone } from 'luxon';
import { badInput } from '../../errors/domain-error.js';
import { MINUTE_MS, type Span } from './intervals.js';
import type { WorkingHours } from './types.js';

const LOCAL_TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;
const DAY_MINUTES = 24 * 60;

export interface ParsedHours {
  zone: Zone;
  startMinute: number;
  endMinute: number;
  days: ReadonlySet<number>;
}

function parseLocalTime(value: string, field: string): number {
  const match = LOCAL_TIME.exec(value);
  if (!match) throw badInput(`${field} must be a local time "HH:MM", got "${value}"`, { field });
  const hours = Number(match[1] ?? match[3]);
  const minutes = Number(match[2] ?? match[4]);
  return hours * 60 + minutes;
}

/** The zone, checked; IANAZone.create caches, where assertTimezone builds an Intl formatter per call. */
function zoneOf(timezone: string): Zone {
  const zone = IANAZone.create(timezone);
  if (!zone.isValid) {
    throw badInput(`Unknown timezone "${timezone}"; use an IANA name such as Europe/Moscow`, {
      field: 'timezone',
    });
  }
  return zone;
}

export function parseWorkingHours(hours: WorkingHours): ParsedHours {
  const zone = zoneOf(hours.timezone);
  const startMinute = parseLocalTime(hours.dayStart, 'dayStart');
  const endMinute = parseLocalTime(hours.dayEnd, 'dayEnd');
  if (startMinute === DAY_MINUTES)
    throw badInput('dayStart cannot be 24:00', { field: 'dayStart' });
  if (endMinute <= startMinute) {
    throw badInput('The working day must end after it starts', { field: 'dayEnd' });
  }
  for (const day of hours.workDays) {
    if (!Number.isInteger(day) || day < 1 || day > 7) {
      throw badInput(`workDays are ISO weekdays 1…7, got ${day}`, { field: 'workDays' });
    }
  }
  return { zone, startMinute, endMinute, days: new Set(hours.workDays) };
}

const DAY_MS = DAY_MINUTES * MINUTE_MS;

/**
 * The instant at local wall-clock time `wall` (local time written as if it were UTC), trying
 * `guess` (minutes east of UTC, from the previous conversion) first: one Intl lookup per call
 * in the usual case, which is what makes a year of days cheap. A time that occurs twice takes
 * the guess's offset, so the earlier one when converting forwards in time.
 */
function wallToInstant(wall: number, zone: Zone, guess: number): [instant: number, offset: number] {
  let offset = guess;
  let previous = guess;
  for (let tries = 0; tries < 3; tries++) {
    const actual = zone.offset(wall - offset * MINUTE_MS);
    if (actual === offset) return [wall - offset * MINUTE_MS, offset];
    [previous, offset] = [offset, actual];
  }
  // No offset maps back to this wall time: it is in a DST gap; move forward by the gap, as luxon does.
  return [wall - Math.min(previous, offset) * MINUTE_MS, Math.max(previous, offset)];
}

/**
 * Working hours of each working day overlapping [from, to), clipped to it. Each local day is
 * converted on its own, so 09:00 stays 09:00 local across DST changes. Lazy: a plan that fits
 * early never converts the rest of the range.
 */
export function* workingSpans(from: number, to: number, hours: ParsedHours): Generator<Span> {
  if (hours.days.size === 0 || to <= from) return;
  const { zone } = hours;
  let offset = zone.offset(from);
  const lastDay = to + zone.offset(to) * MINUTE_MS;
  for (
    let day = Math.floor((from + offset * MINUTE_MS) / DAY_MS) * DAY_MS;
    day < lastDay;
    day += DAY_MS
  ) {
    const weekday = ((((day / DAY_MS + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday
    if (!hours.days.has(weekday)) continue;
    let start: number;
    let end: number;
    [start, offset] = wallToInstant(day + hours.startMinute * MINUTE_MS, zone, offset);
    [end, offset] = wallToInstant(day + hours.endMinute * MINUTE_MS, zone, offset);
    if (Math.min(to, end) > Math.max(from, start)) {
      yield { start: Math.max(from, start), end: Math.min(to, end) };
    }
  }
}

/** The exclusive end of local date `isoDate` ("YYYY-MM-DD"): the next local midnight. */
export function endOfLocalDate(isoDate: string, timezone: string): Date {
  const date = DateTime.fromISO(isoDate, { zone: zoneOf(timezone) });
  if (!date.isValid) throw badInput(`Expected a date "YYYY-MM-DD", got "${isoDate}"`);
  return date.startOf('day').plus({ days: 1 }).startOf('day').toJSDate();
}
