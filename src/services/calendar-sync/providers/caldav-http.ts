import { OutboundFetchError } from '../../../http/outbound-fetch.js';
import { CalendarProviderError } from '../provider.js';

/**
 * Wraps the HTTP client so that what no CalDAV call can act on becomes a
 * CalendarProviderError at once: no connection, 401 (the app password was revoked), 429 and
 * 5xx. Other statuses (404, 412, 207…) reach the caller, which knows what they mean there.
 */
export function checkedFetch(inner: typeof fetch): typeof fetch {
  return async (input, init) => {
    let response: Response;
    try {
      response = await inner(input, init);
    } catch (error) {
      const message = error instanceof OutboundFetchError ? error.message : 'network error';
      throw new CalendarProviderError('unavailable', `CalDAV server unreachable: ${message}`);
    }
    if (response.status === 401) {
      throw new CalendarProviderError('auth', 'The CalDAV server refused the credentials');
    }
    if (response.status === 429 || response.status >= 500) {
      throw davFailure(response.status, init?.method ?? 'GET', retryAfterMs(response));
    }
    return response;
  };
}

/** A failed CalDAV answer in the engine's terms. */
export function davFailure(
  status: number,
  what: string,
  retryAfter: number | null = null,
): CalendarProviderError {
  const message = `CalDAV ${what} answered HTTP ${status}`;
  if (status === 401 || status === 403) return new CalendarProviderError('auth', message);
  if (status === 404 || status === 410) return new CalendarProviderError('gone', message);
  if (status === 409 || status === 412) return new CalendarProviderError('conflict', message);
  if (status === 429) return new CalendarProviderError('rate-limited', message, retryAfter);
  if (status >= 500) return new CalendarProviderError('unavailable', message, retryAfter);
  return new CalendarProviderError('bad-response', message);
}

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
export function retryAfterMs(response: Response): number | null {
  const header = response.headers.get('retry-after');
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}
