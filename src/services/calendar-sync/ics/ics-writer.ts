import { ICalAlarmType, ICalCalendarMethod, default as ical } from 'ical-generator';
import { DateTime } from 'luxon';
import type { OutgoingException } from '../provider.js';
import { addMovedOccurrences, exdateLines } from './ics-exceptions.js';
import { vtimezone } from './vtimezone.js';

/** One event or planned step as the feed writes it. */
export interface FeedItem {
  uid: string;
  title: string;
  start: Date;
  durationMinutes: number;
  allDay: boolean;
  /** IANA zone: the event's DTSTART is written in it (TZID), so its RRULE keeps wall time. */
  timezone: string;
  /** Canonical RRULE without the prefix (as stored on events). */
  recurrence: string | null;
  /** Occurrences cancelled or moved one by one (EXDATE, RECURRENCE-ID). */
  exceptions?: OutgoingException[];
  notes: string | null;
  /** Minutes before the start to alarm (VALARM); empty when reminders are off. */
  reminders: number[];
  updatedAt: Date;
}

const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;

/**
 * The RRULE as RFC 5545 wants it next to this DTSTART: a timed event (TZID) needs a UTC
 * UNTIL, an all-day one (DATE) a date UNTIL. We store a date-only UNTIL as "the whole of that
 * day where the event is", so it becomes the last second of that local day.
 */
export function feedRule(item: Pick<FeedItem, 'recurrence' | 'allDay' | 'timezone'>): string {
  const rule = item.recurrence ?? '';
  return rule.replace(/UNTIL=(\d{8})(T\d{6}Z?)?/, (whole, date: string, time?: string) => {
    if (item.allDay) {
      if (!time) return whole;
      const instant = DateTime.fromFormat(`${date}${time}`, "yyyyLLdd'T'HHmmss'Z'", {
        zone: 'UTC',
      });
      return `UNTIL=${instant.setZone(item.timezone).toFormat('yyyyLLdd')}`;
    }
    if (time) return whole;
    const endOfDay = DateTime.fromFormat(date, 'yyyyLLdd', { zone: item.timezone }).endOf('day');
    return `UNTIL=${endOfDay.toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'")}`;
  });
}

const startOfYear = (ms: number) => new Date(Date.UTC(new Date(ms).getUTCFullYear(), 0, 1));

/**
 * Writes an iCalendar feed with ical-generator: events with their RRULEs as RRULE, DTSTART
 * in the event's own zone with a VTIMEZONE for each zone used, all-day events as DATE
 * values, reminders as VALARMs. Deterministic for the same rows (DTSTAMP = last change), so
 * the feed's ETag only changes when something in it does.
 */
export function writeIcs(name: string, items: FeedItem[], now: Date): string {
  const earliest = Math.min(now.getTime(), ...items.map((item) => item.start.getTime()));
  // Whole years, so the VTIMEZONEs (and the ETag) stay the same from one request to the next.
  const zoneFrom = startOfYear(earliest - YEAR_MS);
  const zoneTo = startOfYear(now.getTime() + 6 * YEAR_MS);
  const calendar = ical({
    name,
    prodId: { company: 'maxOn', product: 'maxOn', language: 'RU' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: null, generator: (zone) => vtimezone(zone, zoneFrom, zoneTo) },
    ttl: 15 * 60,
  });
  for (const item of items) {
    const start = DateTime.fromJSDate(item.start, { zone: item.timezone });
    const event = calendar.createEvent({
      id: item.uid,
      start,
      summary: item.title,
      description: item.notes,
      stamp: DateTime.fromJSDate(item.updatedAt, { zone: 'UTC' }),
      timezone: item.timezone,
    });
    if (item.allDay) {
      const days = Math.max(1, Math.ceil(item.durationMinutes / (24 * 60)));
      event.allDay(true).start(start.startOf('day')).end(start.startOf('day').plus({ days }));
    } else {
      event.start(start).end(start.plus({ minutes: item.durationMinutes }));
    }
    if (item.recurrence) {
      const series = { ...item, timeZone: item.timezone };
      event.repeating([`RRULE:${feedRule(item)}`, ...exdateLines(series)].join('\n'));
      if (!item.allDay) {
        addMovedOccurrences(calendar, {
          ...series,
          uid: item.uid,
          durationMs: item.durationMinutes * 60_000,
          stamp: item.updatedAt,
        });
      }
    }
    for (const minutes of item.reminders) {
      event.createAlarm({
        type: ICalAlarmType.display,
        trigger: minutes * 60,
        description: item.title,
      });
    }
  }
  return calendar.toString();
}
