import type { ICalCalendar } from 'ical-generator';
import { DateTime } from 'luxon';
import type { OutgoingException } from '../provider.js';

/** What the exception lines of a recurring event are written from. */
interface Series {
  exceptions?: OutgoingException[];
  allDay: boolean;
  timeZone: string;
}

/** EXDATE for each cancelled occurrence (in the event's zone; all-day ones as dates). */
export function exdateLines(series: Series): string[] {
  const cancelled = (series.exceptions ?? []).filter((exception) => !exception.start);
  if (cancelled.length === 0) return [];
  const local = (iso: string) => DateTime.fromISO(iso, { zone: series.timeZone });
  if (series.allDay) {
    const dates = cancelled.map((c) => local(c.originalStart).toFormat('yyyyMMdd'));
    return [`EXDATE;VALUE=DATE:${dates.join(',')}`];
  }
  const times = cancelled.map((c) => local(c.originalStart).toFormat("yyyyMMdd'T'HHmmss"));
  return [`EXDATE;TZID=${series.timeZone}:${times.join(',')}`];
}

/**
 * A moved occurrence of a timed series: a VEVENT of the same UID whose RECURRENCE-ID is
 * where the rule put it (RFC 5545 §3.8.4.4), with the series' duration.
 */
export function addMovedOccurrences(
  calendar: ICalCalendar,
  series: {
    uid: string;
    title: string;
    timeZone: string;
    durationMs: number;
    exceptions?: OutgoingException[];
    stamp: Date;
    x?: [string, string][];
  },
): void {
  const zoned = (instant: Date) => DateTime.fromJSDate(instant, { zone: series.timeZone });
  for (const moved of series.exceptions ?? []) {
    if (!moved.start) continue;
    const start = new Date(moved.start);
    calendar.createEvent({
      id: series.uid,
      stamp: series.stamp,
      summary: series.title,
      recurrenceId: DateTime.fromISO(moved.originalStart, { zone: series.timeZone }),
      start: zoned(start),
      end: zoned(new Date(start.getTime() + series.durationMs)),
      timezone: series.timeZone,
      x: series.x ?? [],
    });
  }
}
