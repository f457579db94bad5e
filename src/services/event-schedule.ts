import { badInput } from '../errors/domain-error.js';
import { nextOccurrenceStart, type RecurringSpan } from './recurrence.js';

/** Starts outside these years are typing mistakes, and year 1 made expansion crawl. */
export const EARLIEST_START = new Date('1970-01-01T00:00:00Z');
export const LATEST_START = new Date('2100-01-01T00:00:00Z');

/**
 * Checks what the rule alone cannot: the start is in a sane range and the series has an
 * occurrence (searched for about ten years from its start). Throws BAD_USER_INPUT.
 */
export function assertEventSchedule(span: RecurringSpan): void {
  const start = span.startsAt.getTime();
  if (!(start >= EARLIEST_START.getTime() && start < LATEST_START.getTime())) {
    throw badInput('The start must be between 1970 and 2100', { field: 'start' });
  }
  // The duration may not be set yet on a new event, and does not change when it starts.
  const starts = { ...span, durationMinutes: 0 };
  if (span.recurrence && !nextOccurrenceStart(starts, new Date(start - 1))) {
    throw badInput('The recurrence rule never occurs', { field: 'recurrence' });
  }
}
