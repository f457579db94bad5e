import type { Config } from '../../config.js';
import { CalendarConnectionKind } from '../../entities/index.js';
import { IcsProvider } from './ics/ics-provider.js';
import type { ProviderFactories } from './sync-engine.js';

/** kind → provider, from the process's config: the one place a new provider is plugged in. */
export function calendarProviderFactories(config: Config): ProviderFactories {
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
  };
}
