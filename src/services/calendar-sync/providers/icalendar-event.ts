import icalGenerator from 'ical-generator';
import { DateTime } from 'luxon';
import ical, { type VEvent } from 'node-ical';
import { addMovedOccurrences, exdateLines } from '../ics/ics-exceptions.js';
import { vtimezone } from '../ics/vtimezone.js';
import { CalendarProviderError, type ExternalEvent, type OutgoingEvent } from '../provider.js';

const YEAR_MS = 365 * 86_400_000;

/** The property that carries maxOn's id in events it wrote (node-ical drops the `X-`). */
const MAXON_ID_PROPERTY = 'X-MAXON-ID';

/**
 * One VCALENDAR with one VEVENT for `event`, as a CalDAV server stores it: UID and
 * X-MAXON-ID are our id (so a retried PUT replaces, never duplicates), a timed event is
 * written in its zone (TZID) so its RRULE expands on local time across DST, an all-day one
 * as dates.
 */
export function toICalendar(event: OutgoingEvent, now: Date = new Date()): string {
  const calendar = icalGenerator({
    prodId: { company: 'maxOn', product: 'maxOn', language: 'EN' },
    // The zone's definition travels with the event (RFC 5545 wants a VTIMEZONE per TZID):
    // from a year before the start to ten years after, for the occurrences of a rule.
    timezone: {
      name: null,
      generator: (zone) =>
        vtimezone(
          zone,
          new Date(event.start.getTime() - YEAR_MS),
          new Date(event.start.getTime() + 10 * YEAR_MS),
        ),
    },
  });
  const allDay = event.allDay ? allDayDates(event) : null;
  calendar.createEvent({
    id: event.maxonId,
    stamp: now,
    summary: event.title,
    description: event.description ?? undefined,
    ...(allDay
      ? { start: allDay.start, end: allDay.end, allDay: true }
      : {
          // As luxon times in the zone: ical-generator would write a Date's UTC wall time.
          start: DateTime.fromJSDate(event.start, { zone: event.timeZone }),
          end: DateTime.fromJSDate(event.end, { zone: event.timeZone }),
          timezone: event.timeZone,
        }),
    repeating: event.recurrence
      ? [`RRULE:${event.recurrence}`, ...exdateLines(event)].join('\n')
      : null,
    x: [[MAXON_ID_PROPERTY, event.maxonId]],
  });
  if (!allDay) {
    addMovedOccurrences(calendar, {
      uid: event.maxonId,
      title: event.title,
      timeZone: event.timeZone,
      durationMs: event.end.getTime() - event.start.getTime(),
      exceptions: event.recurrence ? event.exceptions : undefined,
      stamp: now,
      x: [[MAXON_ID_PROPERTY, event.maxonId]],
    });
  }
  return calendar.toString();
}

/** All-day events are dates in the event's zone; ical-generator writes a Date's UTC date. */
function allDayDates(event: OutgoingEvent): { start: Date; end: Date } {
  const asUtcDate = (instant: Date): Date => {
    const local = DateTime.fromJSDate(instant, { zone: event.timeZone });
    return new Date(Date.UTC(local.year, local.month - 1, local.day));
  };
  const start = asUtcDate(event.start);
  const end = asUtcDate(event.end);
  // An all-day event covers at least its day (DTEND is exclusive).
  return { start, end: end > start ? end : new Date(start.getTime() + 86_400_000) };
}

/**
 * The events of one calendar object (a CalDAV resource): normally one VEVENT with its moved
 * occurrences (RECURRENCE-ID) folded in. `remoteId` is the object's href.
 */
export function fromICalendar(data: string, remoteId: string, etag: string | null): ExternalEvent {
  let parsed: ReturnType<typeof ical.sync.parseICS>;
  try {
    parsed = ical.sync.parseICS(data);
  } catch (error) {
    throw new CalendarProviderError('bad-response', `Not iCalendar: ${(error as Error).message}`);
  }
  const event = Object.values(parsed).find(
    (component): component is VEvent => component?.type === 'VEVENT',
  );
  if (!event?.start) {
    throw new CalendarProviderError('bad-response', `No VEVENT with a start in ${remoteId}`);
  }
  const allDay = event.datetype === 'date';
  const start = allDay ? utcDate(event.start) : new Date(event.start.getTime());
  const end = event.end
    ? allDay
      ? utcDate(event.end)
      : new Date(event.end.getTime())
    : new Date(start.getTime() + (allDay ? 86_400_000 : 0));
  const overrides = Object.entries(event.recurrences ?? {})
    // node-ical keys every override twice (by date and by instant): keep one of each.
    .filter(([key]) => key.includes('T'))
    // Omit<> over node-ical's index-signature type loses the fields: it is a VEVENT.
    .map(([, moved]) => moved as unknown as VEvent);
  const exceptions = uniqueInstants([
    ...Object.entries(event.exdate ?? {})
      .filter(([key]) => key.includes('T') || allDay)
      .map(([, date]) => (allDay ? utcDate(date) : new Date(date.getTime()))),
    // A moved occurrence no longer happens at its original time.
    ...overrides.flatMap((moved) =>
      moved.recurrenceid ? [new Date(moved.recurrenceid.getTime())] : [],
    ),
  ]);
  const maxonId = (event as unknown as Record<string, unknown>)['MAXON-ID'];
  return {
    remoteId,
    title: textOf(event.summary),
    start,
    end,
    allDay,
    recurrence: event.rrule ? rruleText(event.rrule.toString()) : null,
    exceptions,
    overrides: overrides
      .filter((moved) => moved.start && moved.recurrenceid && moved.status !== 'CANCELLED')
      .map((moved) => ({
        originalStart: new Date(moved.recurrenceid!.getTime()),
        start: new Date(moved.start.getTime()),
        end: new Date((moved.end ?? moved.start).getTime()),
      })),
    timeZone: allDay ? null : (event.start.tz ?? null),
    maxonId: typeof maxonId === 'string' ? maxonId : null,
    etag,
    deleted: false,
  };
}

/** node-ical builds a DATE value at local midnight of this process; the date is what counts. */
function utcDate(date: Date): Date {
  return new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
}

function rruleText(rule: string): string | null {
  const line = rule.split('\n').find((part) => part.startsWith('RRULE:'));
  return line ? line.slice('RRULE:'.length).trim() : null;
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'val' in value) return String(value.val);
  return '';
}

function uniqueInstants(dates: Date[]): Date[] {
  const seen = new Map(dates.map((date) => [date.getTime(), date]));
  return [...seen.values()].sort((a, b) => a.getTime() - b.getTime());
}
