import { outboundFetch } from '../../../http/outbound-fetch.js';
import type { OutboundPolicy } from '../../../http/outbound-url-policy.js';
import { CalendarProviderError } from '../provider.js';
import { CalDavProvider } from './caldav-provider.js';

/** What a CalDAV connection stores, sealed, in CalendarConnection.credentials. */
export interface CalDavCredentials {
  username: string;
  /** An app password (Yandex, iCloud, Nextcloud), never the account's own password. */
  password: string;
}

/** Largest CalDAV answer read (a multiget of 100 events is far below). */
const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/**
 * The provider of a CalDAV connection: its server URL (user-supplied, so every request goes
 * under the outbound policy: no loopback, private or metadata addresses) and its opened
 * credentials. Credentials of the wrong shape are an 'auth' failure: the user reconnects.
 */
export function calDavProviderFrom(
  serverUrl: string,
  credentials: Record<string, unknown> | null,
  policy: OutboundPolicy & { timeoutMs: number },
): CalDavProvider {
  const username = credentials?.username;
  const password = credentials?.password;
  if (typeof username !== 'string' || typeof password !== 'string') {
    throw new CalendarProviderError('auth', 'The CalDAV connection has no username and password');
  }
  return new CalDavProvider({
    serverUrl,
    username,
    password,
    fetch: outboundFetch({
      allowLocalhost: policy.allowLocalhost,
      timeoutMs: policy.timeoutMs,
      maxResponseBytes: MAX_RESPONSE_BYTES,
    }),
  });
}
