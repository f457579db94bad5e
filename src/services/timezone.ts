import { DateTime, IANAZone } from 'luxon';
import { badInput } from '../errors/domain-error.js';

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
  return DateTime.fromJSDate(instant, { zone: timezone }).toISO() ?? instant.toISOString();
}

export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}
