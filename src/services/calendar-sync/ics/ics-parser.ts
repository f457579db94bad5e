import { IANAZone } from 'luxon';
import ical, { type VEvent } from 'node-ical';
import type { ExternalEvent } from '../provider.js';

type IcsDate = Date & { tz?: string; dateOnly?: boolean };

/** node-ical makes date-only values at local midnight; we keep dates as midnight UTC. */
const floatingDate = (date: IcsDate): Date =>
  new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));

const zoneOf = (date: IcsDate): string | null =>
  date.tz && IANAZone.isValidZone(date.tz) ? date.tz : null;

const ruleOf = (event: VEvent): string | null => {
  if (!event.rrule) return null;
  const line = event.rrule
    .toString()
    .split(/\r?\n/)
    .find((text) => text.startsWith('RRULE:'));
  return line ? line.slice('RRULE:'.length) : null;
};

/** SUMMARY as text: node-ical gives an object when the property has parameters. */
const textOf = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : String((value as { val?: unknown } | undefined)?.val ?? '').slice(0, 200);

const uniqueDates = (dates: Iterable<Date>): Date[] => {
  const byTime = new Map<number, Date>();
  for (const date of dates) byTime.set(date.getTime(), new Date(date.getTime()));
  return [...byTime.values()].sort((a, b) => a.getTime() - b.getTime());
};

function toExternal(event: Omit<VEvent, 'recurrences'>, remoteId: string): ExternalEvent {
  const start = event.start as IcsDate;
  const allDay = event.datetype === 'date' || start.dateOnly === true;
  const end = (event.end as IcsDate | undefined) ?? null;
  const startAt = allDay ? floatingDate(start) : new Date(start.getTime());
  const endAt = end
    ? allDay
      ? floatingDate(end)
      : new Date(end.getTime())
    : new Date(startAt.getTime() + (allDay ? 86_400_000 : 0));
  return {
    remoteId,
    title: textOf(event.summary),
    start: startAt,
    end: endAt,
    allDay,
    recurrence: null,
    exceptions: [],
    timeZone: allDay ? null : zoneOf(start),
    maxonId: null,
    etag: null,
    deleted: event.status === 'CANCELLED',
  };
}

/**
 * The busy-relevant events of an iCalendar text, as the sync engine takes them: one
 * ExternalEvent per VEVENT with its RRULE and cancelled starts (EXDATE and moved
 * occurrences); a moved occurrence (RECURRENCE-ID) comes as an event of its own. Events
 * marked free (TRANSP:TRANSPARENT) and cancelled ones are left out. Throws on text that is
 * not iCalendar.
 */
export function parseIcsEvents(text: string): ExternalEvent[] {
  if (!/BEGIN:VCALENDAR/i.test(text.slice(0, 2000))) {
    throw new Error('not an iCalendar file (no BEGIN:VCALENDAR)');
  }
  const parsed = ical.sync.parseICS(text);
  const events: ExternalEvent[] = [];
  for (const component of Object.values(parsed)) {
    if (component?.type !== 'VEVENT') continue;
    const event = component as VEvent;
    if (!event.start) continue;
    const base = toExternal(event, event.uid);
    const overrides = uniqueDates(
      Object.values(event.recurrences ?? {}).map((override) => override.recurrenceid as Date),
    );
    for (const at of overrides) {
      const override = Object.values(event.recurrences ?? {}).find(
        (candidate) => (candidate.recurrenceid as Date).getTime() === at.getTime(),
      )!;
      const moved = toExternal(override, `${event.uid}#${at.toISOString()}`);
      if (!moved.deleted && override.transparency !== 'TRANSPARENT') events.push(moved);
    }
    if (base.deleted || event.transparency === 'TRANSPARENT') continue;
    base.recurrence = ruleOf(event);
    if (base.recurrence) {
      base.exceptions = uniqueDates([...Object.values(event.exdate ?? {}), ...overrides]).map(
        (date) => ((date as IcsDate).dateOnly ? floatingDate(date) : date),
      );
    }
    events.push(base);
  }
  return events;
}
