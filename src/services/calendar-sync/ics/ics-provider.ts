import { getOutbound, OutboundGetError, type GetOptions } from '../../../http/outbound-get.js';
import {
  CalendarProviderError,
  type CalendarProvider,
  type ExternalCalendar,
  type PullResult,
} from '../provider.js';
import { parseIcsEvents } from './ics-parser.js';

/** The one calendar of an ICS subscription. */
export const ICS_CALENDAR_ID = 'feed';

/** What the next conditional GET sends back (the cursor, as JSON). */
interface FeedValidators {
  etag?: string;
  lastModified?: string;
}

const retryAfterMs = (header: string | string[] | undefined): number | null => {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : null;
};

/**
 * A read-only iCalendar URL as a CalendarProvider: every pull is a conditional GET (ETag /
 * Last-Modified kept in the cursor); 304 means nothing changed, 200 replaces the whole
 * calendar (`fullResync`), since a feed has no change log.
 */
export class IcsProvider implements CalendarProvider {
  constructor(
    private readonly url: string,
    private readonly name: string,
    private readonly options: Omit<GetOptions, 'headers'>,
  ) {}

  listCalendars(): Promise<ExternalCalendar[]> {
    return Promise.resolve([{ id: ICS_CALENDAR_ID, name: this.name, readOnly: true }]);
  }

  async pullChanges(_calendarId: string, cursor: string | null): Promise<PullResult> {
    const validators = parseCursor(cursor);
    const headers: Record<string, string> = { accept: 'text/calendar, */*;q=0.5' };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    const url = this.url.replace(/^webcals?:\/\//i, 'https://');
    let response;
    try {
      response = await getOutbound(url, { ...this.options, headers });
    } catch (error) {
      throw fetchFailure(error as Error);
    }
    const { status } = response;
    if (status === 304) return { changes: [], cursor, fullResync: false };
    if (status === 401 || status === 403) {
      throw new CalendarProviderError('auth', `the calendar address answers ${status}`);
    }
    if (status === 404 || status === 410) {
      throw new CalendarProviderError('gone', `the calendar address answers ${status}`);
    }
    if (status === 429) {
      throw new CalendarProviderError(
        'rate-limited',
        'the calendar server asks to slow down',
        retryAfterMs(response.headers['retry-after']),
      );
    }
    if (status < 200 || status >= 300) {
      throw new CalendarProviderError('unavailable', `the calendar server answers ${status}`);
    }
    let changes;
    try {
      changes = parseIcsEvents(response.body);
    } catch (error) {
      throw new CalendarProviderError('bad-response', (error as Error).message);
    }
    const etag = response.headers.etag;
    const lastModified = response.headers['last-modified'];
    const next: FeedValidators = {
      ...(etag ? { etag } : {}),
      ...(lastModified ? { lastModified } : {}),
    };
    return {
      changes,
      cursor: Object.keys(next).length ? JSON.stringify(next) : null,
      fullResync: true,
    };
  }

  pushEvent(): Promise<never> {
    return Promise.reject(new CalendarProviderError('bad-response', 'an ICS feed is read-only'));
  }

  deleteEvent(): Promise<never> {
    return Promise.reject(new CalendarProviderError('bad-response', 'an ICS feed is read-only'));
  }
}

function parseCursor(cursor: string | null): FeedValidators {
  if (!cursor) return {};
  try {
    const value = JSON.parse(cursor) as FeedValidators;
    return typeof value === 'object' && value ? value : {};
  } catch {
    return {};
  }
}

function fetchFailure(error: Error): CalendarProviderError {
  if (!(error instanceof OutboundGetError))
    return new CalendarProviderError('unavailable', error.message);
  switch (error.kind) {
    case 'too-large':
      return new CalendarProviderError('bad-response', `the calendar file is ${error.message}`);
    case 'timeout':
      return new CalendarProviderError('unavailable', 'the calendar server did not answer in time');
    // A refused address reads like any failed connection (no probing of the network).
    default:
      return new CalendarProviderError('unavailable', 'could not connect to the calendar server');
  }
}
