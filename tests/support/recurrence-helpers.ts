import { DateTime } from 'luxon';
import { DomainError } from '../../src/errors/domain-error.js';
import type { RecurringSpan } from '../../src/services/recurrence.js';

/** The error code thrown by `run`, or 'no error'. */
export function thrownCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? error.code : `not a DomainError: ${String(error)}`;
  }
  return 'no error';
}

/** An event starting at the local time `start` in `zone`. */
export function span(
  start: string,
  zone: string,
  recurrence: string | null,
  minutes = 60,
): RecurringSpan {
  return {
    startsAt: DateTime.fromISO(start, { zone }).toJSDate(),
    timezone: zone,
    recurrence,
    durationMinutes: minutes,
  };
}
