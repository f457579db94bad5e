import { DateTime } from 'luxon';
import type { EventException } from '../../entities/index.js';
import { DomainError } from '../../errors/domain-error.js';
import type { EventFields } from '../event.service.js';
import { normalizeRecurrence } from '../recurrence.js';
import type { ExternalEvent, OutgoingEvent } from './provider.js';

/**
 * What a provider's copy of one of our events says, as EventService fields: title, time,
 * and for a recurring one its rule and its changed occurrences (exceptions). All-day times
 * come as UTC dates and are read as the same dates in the event's zone. Null when maxOn
 * cannot take it (a rule it does not support).
 */
export function eventFieldsOf(ours: OutgoingEvent, theirs: ExternalEvent): EventFields | null {
  const at = (instant: Date) =>
    theirs.allDay
      ? DateTime.fromISO(utcDate(instant), { zone: ours.timeZone }).toJSDate()
      : instant;
  const fields: EventFields = {
    title: theirs.title.trim() || ours.title,
    allDay: theirs.allDay,
    start: at(theirs.start),
    durationMinutes: minutesBetween(theirs.start, theirs.end),
  };
  if (!ours.recurrence && !theirs.recurrence) return fields;
  let recurrence: string | null;
  try {
    recurrence = theirs.recurrence ? normalizeRecurrence(theirs.recurrence) : null;
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
  return { ...fields, recurrence, exceptions: recurrence ? exceptionsOf(theirs, at) : [] };
}

/** Cancelled occurrences (no override) and moved ones, by original start, in order. */
function exceptionsOf(theirs: ExternalEvent, at: (instant: Date) => Date): EventException[] {
  const moved = new Map(
    (theirs.overrides ?? []).map((override) => [override.originalStart.getTime(), override]),
  );
  const originals = [...new Set(theirs.exceptions.map((instant) => instant.getTime()))].sort(
    (a, b) => a - b,
  );
  return originals.map((original) => {
    const override = moved.get(original);
    return {
      originalStart: at(new Date(original)).toISOString(),
      start: override ? at(override.start).toISOString() : null,
    };
  });
}

/** Whether the provider's copy (as `fields`) would change nothing of ours (no ping-pong). */
export function sameAsOurs(
  ours: OutgoingEvent,
  theirs: ExternalEvent,
  fields: EventFields,
): boolean {
  const sameTime = ours.allDay
    ? localDate(ours.start, ours.timeZone) === utcDate(theirs.start) &&
      localDate(ours.end, ours.timeZone) === utcDate(theirs.end)
    : ours.start.getTime() === theirs.start.getTime() &&
      ours.end.getTime() === theirs.end.getTime();
  if (!sameTime || ours.title !== fields.title || ours.allDay !== theirs.allDay) return false;
  if (fields.recurrence === undefined) return true;
  return (
    (ours.recurrence ?? null) === fields.recurrence &&
    JSON.stringify(ours.exceptions ?? []) === JSON.stringify(fields.exceptions ?? [])
  );
}

export const minutesBetween = (start: Date, end: Date) =>
  Math.max(1, Math.round((end.getTime() - start.getTime()) / 60_000));

const utcDate = (instant: Date) => instant.toISOString().slice(0, 10);

const localDate = (instant: Date, zone: string) =>
  DateTime.fromJSDate(instant, { zone }).toISODate();
