import { CalendarConnectionStatus, type CalendarConnection } from '../../entities/index.js';
import { CalendarProviderError } from './provider.js';

const MINUTE_MS = 60_000;
/** Back-off never waits longer than this between attempts. */
const MAX_BACKOFF_MS = 6 * 60 * MINUTE_MS;

/** What a successful pass writes on the connection. */
export function succeeded(
  connection: CalendarConnection,
  now: Date,
  intervalMinutes: number,
): Partial<CalendarConnection> {
  return {
    status: CalendarConnectionStatus.OK,
    lastSyncAt: now,
    lastError: null,
    failureCount: 0,
    nextSyncAt: new Date(now.getTime() + intervalMinutes * MINUTE_MS),
    cursors: connection.cursors,
  };
}

/**
 * What a failed pass writes: revoked access stops syncing until the user reconnects; every
 * other failure retries with exponential back-off (or the provider's Retry-After).
 */
export function failed(
  connection: CalendarConnection,
  error: unknown,
  now: Date,
  intervalMinutes: number,
): Partial<CalendarConnection> {
  const failure = error instanceof CalendarProviderError ? error.failure : 'unavailable';
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  if (failure === 'auth') {
    return {
      status: CalendarConnectionStatus.REVOKED,
      lastError: message,
      failureCount: connection.failureCount + 1,
      nextSyncAt: null,
    };
  }
  const failures = connection.failureCount + 1;
  const backoff = Math.min(intervalMinutes * MINUTE_MS * 2 ** (failures - 1), MAX_BACKOFF_MS);
  const retryAfter = error instanceof CalendarProviderError ? error.retryAfterMs : null;
  return {
    status: CalendarConnectionStatus.ERROR,
    lastError: message,
    failureCount: failures,
    nextSyncAt: new Date(now.getTime() + Math.max(backoff, retryAfter ?? 0)),
  };
}
