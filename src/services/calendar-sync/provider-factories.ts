import type { Config } from '../../config.js';
import { CalendarConnectionKind } from '../../entities/index.js';
import type { GoogleOAuthService } from './google-oauth.service.js';
import { IcsProvider } from './ics/ics-provider.js';
import { calDavProviderFrom } from './providers/caldav-connection.js';
import type { ProviderFactories } from './sync-engine.js';

/** kind → provider, from the process's config: the one place a new provider is plugged in. */
export function calendarProviderFactories(
  config: Config,
  googleOAuth: GoogleOAuthService,
): ProviderFactories {
  const http = {
    allowLocalhost: config.WEBHOOK_ALLOW_LOCALHOST,
    timeoutMs: config.CALENDAR_FETCH_TIMEOUT_MS,
  };
  return {
    [CalendarConnectionKind.ICS]: ({ connection }) =>
      new IcsProvider(connection.url ?? '', connection.name, {
        ...http,
        maxBytes: config.CALENDAR_ICS_MAX_BYTES,
      }),
    [CalendarConnectionKind.CALDAV]: ({ connection, credentials }) =>
      calDavProviderFrom(connection.url ?? '', credentials, http),
    // Google's provider holds a refreshing OAuth client over the sealed tokens.
    [CalendarConnectionKind.GOOGLE]: ({ connection }) => googleOAuth.providerFor(connection.id),
  };
}
