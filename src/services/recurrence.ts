import rrule, { type Options } from 'rrule';
import { DateTime } from 'luxon';
import type { EventException } from '../entities/index.js';
import { badInput } from '../errors/domain-error.js';
import { cachedZone, instantOfWallClock } from './cached-zone.js';
import { recurrenceProblems } from './recurrence-limits.js';
import { ruleForWindow } from './recurrence-window.js';

const { RRule } = rrule;
type RRuleOptions = Partial<Options>;

const ALLOWED_FREQUENCIES = new Set([RRule.YEARLY, RRule.MONTHLY, RRule.WEEKLY, RRule.DAILY]);
const MAX_OCCURRENCES_PER_EVENT = 1000;

const isPositiveInteger = (value: unknown) =>
  value === undefined || (Number.isInteger(value) && (value as number) > 0);

function parseOptions(text: string): RRuleOptions {
  const body = text.trim().replace(/^RRULE:/i, '');
  let options: RRuleOptions;
  try {
    options = RRule.parseString(body);
  } catch (error) {
    throw badInput(`Invalid recurrence rule: ${(error as Error).message}`, { field: 'recurrence' });
  }
  const problems: string[] = [];
  if (options.freq === undefined || !ALLOWED_FREQUENCIES.has(options.freq)) {
    problems.push('FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY');
  }
  if (/(^|;)(DTSTART|TZID)=/i.test(body) || options.dtstart != null || options.tzid != null) {
    problems.push('DTSTART and TZID come from the event');
  }
  const weekdays = Array.isArray(options.byweekday) ? options.byweekday : [options.byweekday];
  // rrule parses an unknown weekday ("BYDAY=XX") to undefined, and then fails while expanding.
  if (options.byweekday !== undefined && weekdays.some((day) => day == null)) {
    problems.push('BYDAY has an unknown weekday');
  }
  // A zero, negative or fractional INTERVAL makes rrule loop forever.
  if (!isPositiveInteger(options.interval)) problems.push('INTERVAL must be a positive integer');
  if (!isPositiveInteger(options.count)) problems.push('COUNT must be a positive integer');
  if (problems.length > 0) {
    throw badInput(`Invalid recurrence rule: ${problems.join('; ')}`, { field: 'recurrence' });
  }
  try {
    new RRule(options); // rrule's own checks, e.g. BYSETPOS=0
  } catch (error) {
    throw badInput(`Invalid recurrence rule: ${(error as Error).message}`, { field: 'recurrence' });
  }
  return options;
}

/** Validates an RRULE and returns it in canonical form (without the "RRULE:" prefix). */
export function normalizeRecurrence(text: string): string {
  const options = parseOptions(text);
  // Only on write: a stored rule from before these limits still expands.
  const problems = recurrenceProblems(options);
  if (problems.length > 0) {
    throw badInput(`Invalid recurrence rule: ${problems.join('; ')}`, { field: 'recurrence' });
  }
  const canonical = RRule.optionsToString(options).replace(/^RRULE:/, '');
  // rrule writes a date-only UNTIL as midnight UTC; keep it a date (read in the event's zone).
  return untilIsDate(text) ? canonical.replace(/UNTIL=(\d{8})T000000Z/, 'UNTIL=$1') : canonical;
}

const untilIsDate = (text: string) => /(^|;)UNTIL=\d{8}(;|\s*$)/i.test(text.trim());

/**
 * rrule works in UTC, so occurrences are computed on "floating" wall-clock times (the local
 * time written as if it were UTC) and converted back in the event's timezone. That keeps
 * 10:00 at 10:00 local across DST changes.
 */
const toFloating = (instant: Date, zone: string): Date => {
  const local = DateTime.fromJSDate(instant, { zone: cachedZone(zone) });
  return new Date(local.toISO({ includeOffset: false }) + 'Z');
};

const fromFloating = (floating: Date, zone: string): Date =>
  instantOfWallClock(floating.getTime(), zone);

export interface RecurringSpan {
  startsAt: Date;
  durationMinutes: number;
  timezone: string;
  recurrence: string | null;
  /** Occurrences cancelled or moved one by one (a recurring event's exceptions). */
  exceptions?: EventException[] | null;
}

/** The rule's starts with the exceptions applied: cancelled ones out, moved ones at their new time. */
function withExceptions(
  starts: Date[],
  exceptions: EventException[],
  overlaps: (start: Date) => boolean,
): Date[] {
  const changed = new Set(exceptions.map((exception) => Date.parse(exception.originalStart)));
  const moved = exceptions
    .flatMap((exception) => (exception.start ? [new Date(exception.start)] : []))
    .filter(overlaps);
  return [...starts.filter((start) => !changed.has(start.getTime())), ...moved].sort(
    (a, b) => a.getTime() - b.getTime(),
  );
}

/** Start instants of the occurrences of `span` that overlap [from, to). */
export function occurrenceStarts(span: RecurringSpan, from: Date, to: Date): Date[] {
  const durationMs = span.durationMinutes * 60_000;
  const overlaps = (start: Date) =>
    start.getTime() < to.getTime() && start.getTime() + durationMs > from.getTime();
  if (!span.recurrence) return overlaps(span.startsAt) ? [span.startsAt] : [];

  const options = parseOptions(span.recurrence);
  const zone = span.timezone;
  const dayMs = 24 * 3_600_000;
  // A date-only UNTIL is the whole of that day where the event is (RFC 5545 §3.3.10).
  const until = !options.until
    ? null
    : untilIsDate(span.recurrence)
      ? new Date(options.until.getTime() + dayMs - 1)
      : toFloating(options.until, zone);
  const windowStart = new Date(toFloating(from, zone).getTime() - durationMs - dayMs);
  const windowEnd = new Date(toFloating(to, zone).getTime() + dayMs);
  const floatingStart = toFloating(span.startsAt, zone);
  const rule = ruleForWindow({ ...options, until }, floatingStart, windowStart, windowEnd);
  const starts: Date[] = [];
  rule?.between(windowStart, windowEnd, true, (floating) => {
    const start = fromFloating(floating, zone);
    if (overlaps(start)) starts.push(start);
    if (starts.length > MAX_OCCURRENCES_PER_EVENT) {
      throw badInput('Too many occurrences in the range; ask for a shorter one', {
        field: 'to',
      });
    }
    return true;
  });
  return span.exceptions?.length ? withExceptions(starts, span.exceptions, overlaps) : starts;
}

const SEARCH_WINDOWS_DAYS = [2, 40, 400, 4000];

/** The first occurrence of `span` starting strictly after `after`, or null when none is left. */
export function nextOccurrenceStart(span: RecurringSpan, after: Date): Date | null {
  if (!span.recurrence) return span.startsAt.getTime() > after.getTime() ? span.startsAt : null;
  for (const days of SEARCH_WINDOWS_DAYS) {
    const to = new Date(after.getTime() + days * 24 * 3_600_000);
    const next = occurrenceStarts(span, after, to).find((start) => start > after);
    if (next) return next;
  }
  return null;
}
