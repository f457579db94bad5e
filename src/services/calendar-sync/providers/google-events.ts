import type { calendar_v3 } from '@googleapis/calendar';
import { DateTime } from 'luxon';
import { exdateLines } from '../ics/ics-exceptions.js';
import {
  CalendarProviderError,
  goneEvent,
  type ExternalEvent,
  type OutgoingEvent,
} from '../provider.js';

type GoogleEvent = calendar_v3.Schema$Event;

/**
 * The event id maxOn asks Google to use: our UUID without dashes is valid base32hex (Google's
 * alphabet for client ids), so a retried insert meets a 409 instead of making a duplicate.
 */
export function googleEventId(maxonId: string): string {
  return maxonId.replace(/-/g, '').toLowerCase();
}

/** The body of an insert or patch: maxOn's id also in the private extended properties. */
export function toGoogleEvent(event: OutgoingEvent): GoogleEvent {
  const when = (instant: Date): calendar_v3.Schema$EventDateTime =>
    event.allDay
      ? { date: DateTime.fromJSDate(instant, { zone: event.timeZone }).toISODate()! }
      : {
          dateTime: DateTime.fromJSDate(instant, { zone: event.timeZone }).toISO()!,
          timeZone: event.timeZone,
        };
  const end = event.allDay && event.end <= event.start ? nextDay(event.start) : event.end;
  return {
    summary: event.title,
    description: event.description ?? null,
    start: when(event.start),
    end: when(end),
    // Cancelled occurrences as EXDATE; moved ones are Google's own instances, left alone.
    recurrence: event.recurrence ? [`RRULE:${event.recurrence}`, ...exdateLines(event)] : null,
    extendedProperties: { private: { maxonId: event.maxonId } },
  };
}

function nextDay(instant: Date): Date {
  return new Date(instant.getTime() + 86_400_000);
}

/**
 * Google's events of one pull as ours: a changed or cancelled occurrence of a recurring event
 * is a separate Google event (`recurringEventId`), folded here into its series as an
 * exception (and an override when moved). Answers null when an occurrence's series is not
 * among `items` (an incremental pull): the caller then pulls everything.
 */
export function fromGoogleEvents(items: GoogleEvent[]): ExternalEvent[] | null {
  const series = new Map<string, ExternalEvent>();
  const occurrences: GoogleEvent[] = [];
  for (const item of items) {
    if (item.recurringEventId) occurrences.push(item);
    else if (item.id) series.set(item.id, fromGoogleEvent(item));
  }
  for (const occurrence of occurrences) {
    const parent = series.get(occurrence.recurringEventId!);
    if (!parent) return null;
    if (parent.deleted) continue;
    const original = occurrence.originalStartTime;
    if (!original) continue;
    parent.exceptions.push(instantOf(original));
    if (occurrence.status !== 'cancelled' && occurrence.start && occurrence.end) {
      (parent.overrides ??= []).push({
        originalStart: instantOf(original),
        start: instantOf(occurrence.start),
        end: instantOf(occurrence.end),
      });
    }
  }
  return [...series.values()];
}

function fromGoogleEvent(item: GoogleEvent): ExternalEvent {
  const remoteId = item.id!;
  if (item.status === 'cancelled' || !item.start || !item.end) {
    return goneEvent(remoteId, item.etag ?? null);
  }
  const lines = item.recurrence ?? [];
  const rule = lines.find((line) => line.startsWith('RRULE:'));
  const timeZone = item.start.timeZone ?? null;
  return {
    remoteId,
    title: item.summary ?? '',
    start: instantOf(item.start),
    end: instantOf(item.end),
    allDay: Boolean(item.start.date),
    recurrence: rule ? rule.slice('RRULE:'.length) : null,
    exceptions: lines
      .filter((line) => line.startsWith('EXDATE'))
      .flatMap((line) => exdates(line, timeZone)),
    timeZone: item.start.date ? null : timeZone,
    maxonId: item.extendedProperties?.private?.maxonId ?? null,
    etag: item.etag ?? null,
    deleted: false,
  };
}

/** A Google date (all-day: midnight UTC of it) or date-time. */
function instantOf(when: calendar_v3.Schema$EventDateTime): Date {
  if (when.date) return new Date(`${when.date}T00:00:00Z`);
  if (!when.dateTime)
    throw new CalendarProviderError('bad-response', 'An event time without a value');
  const instant = new Date(when.dateTime);
  if (Number.isNaN(instant.getTime())) {
    throw new CalendarProviderError('bad-response', `Not a date-time: ${when.dateTime}`);
  }
  return instant;
}

/** `EXDATE;TZID=Europe/Berlin:20260330T100000,…`, `EXDATE:20260330T080000Z`, `EXDATE;VALUE=DATE:…`. */
function exdates(line: string, eventZone: string | null): Date[] {
  const [head = '', values = ''] = line.split(':', 2);
  const zone = /TZID=([^;:]+)/.exec(head)?.[1] ?? eventZone ?? 'UTC';
  return values.split(',').flatMap((value) => {
    const utc = value.endsWith('Z');
    const parsed = DateTime.fromFormat(
      value.replace(/Z$/, ''),
      value.includes('T') ? "yyyyMMdd'T'HHmmss" : 'yyyyMMdd',
      { zone: utc || !value.includes('T') ? 'UTC' : zone },
    );
    return parsed.isValid ? [parsed.toJSDate()] : [];
  });
}
