import { DateTime, IANAZone } from 'luxon';
import { occurrenceStarts } from '../recurrence.js';
import type { ExternalEvent } from './provider.js';

export interface BusyRow {
  remoteId: string;
  start: Date;
  end: Date;
  title: string | null;
}

const MINUTE_MS = 60_000;

/** Midnight UTC of a floating date → that date's local midnight where the user is. */
const inZone = (floating: Date, zone: string): Date =>
  DateTime.fromISO(floating.toISOString().slice(0, 10), { zone }).toJSDate();

/**
 * The busy stretches of one external event inside [from, to): a recurring event expands in
 * its own zone (wall time kept across DST) minus its cancelled starts. All-day events come
 * as floating dates (midnight UTC) and are placed on those dates in the user's zone. A rule
 * our expander refuses (HOURLY, odd parts) counts as its first occurrence only.
 */
export function busyRowsOf(
  event: ExternalEvent,
  from: Date,
  to: Date,
  userZone: string,
): BusyRow[] {
  const durationMinutes = Math.max(
    1,
    Math.round((event.end.getTime() - event.start.getTime()) / MINUTE_MS),
  );
  const zone =
    event.allDay || !event.timeZone || !IANAZone.isValidZone(event.timeZone)
      ? 'UTC'
      : event.timeZone;
  const span = {
    startsAt: event.start,
    durationMinutes,
    timezone: zone,
    recurrence: event.recurrence,
  };
  // All-day dates are floating: widen the window by a day each side, then filter in the user's zone.
  const slack = event.allDay ? 86_400_000 : 0;
  let starts: Date[];
  try {
    starts = occurrenceStarts(
      span,
      new Date(from.getTime() - slack),
      new Date(to.getTime() + slack),
    );
  } catch {
    starts = occurrenceStarts({ ...span, recurrence: null }, from, to);
  }
  const cancelled = new Set(event.exceptions.map((date) => date.getTime()));
  const title = event.title ? event.title.slice(0, 200) : null;
  const rows: BusyRow[] = [];
  for (const start of starts) {
    if (cancelled.has(start.getTime())) continue;
    const realStart = event.allDay ? inZone(start, userZone) : start;
    const realEnd = event.allDay
      ? inZone(new Date(start.getTime() + durationMinutes * MINUTE_MS), userZone)
      : new Date(start.getTime() + durationMinutes * MINUTE_MS);
    if (realStart < to && realEnd > from) {
      rows.push({ remoteId: event.remoteId, start: realStart, end: realEnd, title });
    }
  }
  return rows;
}
