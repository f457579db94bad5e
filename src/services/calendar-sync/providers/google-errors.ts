import { CalendarProviderError } from '../provider.js';

interface GaxiosLike {
  status?: number;
  code?: string | number;
  message?: string;
  response?: { status?: number; headers?: unknown; data?: unknown };
}

/** Google's reasons for a 403 that mean "slow down", not "forbidden". */
const RATE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded']);

/**
 * A failed Google call (a GaxiosError, or the auth library's refresh failure) in the sync
 * engine's terms. The message names the status and Google's reason only: never a token.
 */
export function googleFailure(error: unknown): CalendarProviderError {
  if (error instanceof CalendarProviderError) return error;
  const failed = (error ?? {}) as GaxiosLike;
  const status = failed.response?.status ?? failed.status;
  const reason = reasonOf(failed.response?.data);
  const message = `Google Calendar answered ${status ?? 'nothing'}${reason ? ` (${reason})` : ''}`;
  if (status === undefined) {
    // The token endpoint refused the refresh token: revoked or expired for good.
    if (/invalid_grant/.test(failed.message ?? '')) {
      return new CalendarProviderError('auth', 'Google refused the refresh token (invalid_grant)');
    }
    return new CalendarProviderError('unavailable', 'Google Calendar unreachable');
  }
  if (reason === 'invalid_grant' || status === 401)
    return new CalendarProviderError('auth', message);
  if (status === 429 || (status === 403 && reason && RATE_REASONS.has(reason))) {
    return new CalendarProviderError(
      'rate-limited',
      message,
      retryAfterOf(failed.response?.headers),
    );
  }
  if (status === 403) return new CalendarProviderError('auth', message);
  if (status === 404 || status === 410) return new CalendarProviderError('gone', message);
  if (status === 409 || status === 412) return new CalendarProviderError('conflict', message);
  if (status >= 500) return new CalendarProviderError('unavailable', message);
  return new CalendarProviderError('bad-response', message);
}

/** `{ error: { errors: [{ reason }] } }` (Calendar API) or `{ error: 'invalid_grant' }` (OAuth). */
function reasonOf(data: unknown): string | null {
  if (!data || typeof data !== 'object') return null;
  const body = data as { error?: unknown };
  if (typeof body.error === 'string') return body.error;
  const nested = body.error as { errors?: Array<{ reason?: unknown }> } | undefined;
  const reason = nested?.errors?.[0]?.reason;
  return typeof reason === 'string' ? reason : null;
}

function retryAfterOf(headers: unknown): number | null {
  let value: string | null | undefined;
  // Duck-typed: gaxios's Headers may come from another realm than ours.
  const get = (headers as { get?: unknown } | null)?.get;
  if (typeof get === 'function') value = (headers as Headers).get('retry-after');
  else if (headers && typeof headers === 'object') {
    value = (headers as Record<string, string | undefined>)['retry-after'];
  }
  if (!value) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) ? seconds * 1000 : null;
}
