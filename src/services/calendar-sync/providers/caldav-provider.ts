import {
  calendarMultiGet,
  createAccount,
  fetchCalendars,
  syncCollection,
  type DAVAccount,
  type DAVCalendar,
  type DAVResponse,
} from 'tsdav';
import {
  CalendarProviderError,
  goneEvent,
  type CalendarProvider,
  type ExternalCalendar,
  type ExternalEvent,
  type OutgoingEvent,
  type PullResult,
  type PushResult,
} from '../provider.js';
import { checkedFetch, davFailure } from './caldav-http.js';
import { fromICalendar, toICalendar } from './icalendar-event.js';

export interface CalDavSettings {
  /** The server's address (https://caldav.yandex.ru, https://caldav.icloud.com, …). */
  serverUrl: string;
  username: string;
  /** An app password: never logged, never in an error message. */
  password: string;
  /** The HTTP client: `outboundFetch()` under the outbound policy in production. */
  fetch: typeof fetch;
}

/** Objects fetched per calendar-multiget REPORT. */
const MULTIGET_BATCH = 100;

/**
 * Two-way CalDAV (Yandex Calendar, iCloud, Nextcloud, Radicale) through tsdav: calendars are
 * discovered from the account's home, maxOn's events are written as `<maxon id>.ics` objects
 * (a retried PUT replaces the same object), and changes are read with WebDAV sync-collection
 * (RFC 6578): the cursor is the server's sync token, and a token the server no longer knows
 * (403/409) starts a full resync.
 */
export class CalDavProvider implements CalendarProvider {
  private account: DAVAccount | null = null;
  private readonly fetch: typeof fetch;
  private readonly headers: Record<string, string>;

  constructor(private readonly settings: CalDavSettings) {
    this.fetch = checkedFetch(settings.fetch);
    const basic = Buffer.from(`${settings.username}:${settings.password}`).toString('base64');
    this.headers = { authorization: `Basic ${basic}` };
  }

  async listCalendars(): Promise<ExternalCalendar[]> {
    const calendars = await this.calendars();
    return calendars.map((calendar) => ({
      id: calendar.url,
      name: displayNameOf(calendar),
      readOnly: !canWrite(calendar),
    }));
  }

  async pullChanges(calendarId: string, cursor: string | null): Promise<PullResult> {
    let answer = await this.sync(calendarId, cursor ?? '');
    let fullResync = !cursor;
    if (answer.invalidToken && cursor) {
      // The server forgot our token (expired, or the calendar was recreated): start over.
      answer = await this.sync(calendarId, '');
      fullResync = true;
    }
    if (answer.invalidToken) throw davFailure(answer.status, 'sync-collection');
    const changed = answer.responses.filter((response) => response.status !== 404);
    const deleted = answer.responses.filter((response) => response.status === 404);
    const events = await this.fetchObjects(
      calendarId,
      changed.map((response) => response.href!),
    );
    const gone: ExternalEvent[] = deleted.map((response) => deletedEvent(response.href!));
    return { changes: [...events, ...(fullResync ? [] : gone)], cursor: answer.token, fullResync };
  }

  async pushEvent(
    calendarId: string,
    event: OutgoingEvent,
    remoteId: string | null,
    etag?: string | null,
  ): Promise<PushResult> {
    // Named by our id: a create retried after a lost answer overwrites the same object.
    const url = remoteId
      ? this.objectUrl(remoteId)
      : new URL(`${encodeURIComponent(event.maxonId)}.ics`, withSlash(calendarId)).href;
    const headers: Record<string, string> = {
      ...this.headers,
      'content-type': 'text/calendar; charset=utf-8',
    };
    if (etag) headers['if-match'] = etag;
    const response = await this.fetch(url, { method: 'PUT', headers, body: toICalendar(event) });
    if (!response.ok) throw davFailure(response.status, 'PUT');
    return { remoteId: new URL(url).pathname, etag: response.headers.get('etag') };
  }

  async deleteEvent(_calendarId: string, remoteId: string): Promise<void> {
    const response = await this.fetch(this.objectUrl(remoteId), {
      method: 'DELETE',
      headers: this.headers,
    });
    // Already gone is what we wanted.
    if (!response.ok && response.status !== 404) throw davFailure(response.status, 'DELETE');
  }

  private async calendars(): Promise<DAVCalendar[]> {
    const account = await this.discover();
    return translate(async () =>
      (
        await fetchCalendars({
          account,
          headers: this.headers,
          fetch: this.fetch,
          props: {
            'c:calendar-description': {},
            'd:displayname': {},
            'cs:getctag': {},
            'd:resourcetype': {},
            'c:supported-calendar-component-set': {},
            'd:sync-token': {},
            'd:current-user-privilege-set': {},
          },
          projectedProps: { currentUserPrivilegeSet: true },
        })
      ).filter(
        (calendar) => !calendar.components?.length || calendar.components.includes('VEVENT'),
      ),
    );
  }

  /** The principal and calendar home, found once per provider (RFC 6764 discovery). */
  private async discover(): Promise<DAVAccount> {
    this.account ??= await translate(() =>
      createAccount({
        account: { serverUrl: this.settings.serverUrl, accountType: 'caldav' },
        headers: this.headers,
        fetch: this.fetch,
      }),
    );
    return this.account;
  }

  private async sync(
    calendarId: string,
    token: string,
  ): Promise<{
    responses: DAVResponse[];
    token: string | null;
    invalidToken: boolean;
    status: number;
  }> {
    const answer = await translate(() =>
      syncCollection({
        url: calendarId,
        props: { 'd:getetag': {} },
        syncLevel: 1,
        syncToken: token,
        headers: this.headers,
        fetch: this.fetch,
      }),
    );
    const first = answer[0];
    // A refused token comes back as one non-multistatus answer (403/409 valid-sync-token).
    if (first && !first.raw?.multistatus && !first.ok) {
      return { responses: [], token: null, invalidToken: true, status: first.status ?? 0 };
    }
    const multistatus = first?.raw?.multistatus as { syncToken?: unknown } | undefined;
    const objects = answer.filter(
      (response) =>
        typeof response.href === 'string' &&
        response.href.endsWith('.ics') &&
        // The collection itself may be listed too.
        new URL(response.href, calendarId).href !== withSlash(calendarId),
    );
    const nextToken = multistatus?.syncToken == null ? null : String(multistatus.syncToken);
    return { responses: objects, token: nextToken, invalidToken: false, status: 207 };
  }

  private async fetchObjects(calendarId: string, hrefs: string[]): Promise<ExternalEvent[]> {
    const events: ExternalEvent[] = [];
    for (let index = 0; index < hrefs.length; index += MULTIGET_BATCH) {
      const batch = hrefs.slice(index, index + MULTIGET_BATCH);
      const answers = await translate(() =>
        calendarMultiGet({
          url: calendarId,
          props: { 'd:getetag': {}, 'c:calendar-data': {} },
          objectUrls: batch,
          depth: '1',
          headers: this.headers,
          fetch: this.fetch,
        }),
      );
      for (const answer of answers) {
        if (!answer.href) continue;
        // Deleted between the sync report and this read: the next pull reports it.
        if (answer.status === 404) continue;
        if (!answer.ok) throw davFailure(answer.status ?? 0, 'calendar-multiget');
        const data = calendarDataOf(answer);
        if (!data)
          throw new CalendarProviderError('bad-response', `No calendar data for ${answer.href}`);
        const etag = answer.props?.getetag == null ? null : String(answer.props.getetag);
        events.push(fromICalendar(data, new URL(answer.href, calendarId).pathname, etag));
      }
    }
    return events;
  }

  private objectUrl(remoteId: string): string {
    return new URL(remoteId, this.settings.serverUrl).href;
  }
}

/** tsdav throws plain Errors for answers it cannot use; ours pass through. */
async function translate<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof CalendarProviderError) throw error;
    throw new CalendarProviderError(
      'bad-response',
      `Not a CalDAV answer: ${(error as Error).message}`,
    );
  }
}

function deletedEvent(href: string): ExternalEvent {
  return goneEvent(new URL(href, 'http://x').pathname);
}

function calendarDataOf(answer: DAVResponse): string | null {
  const data = answer.props?.calendarData as unknown;
  if (typeof data === 'string') return data;
  if (data && typeof data === 'object' && '_cdata' in data) return String(data._cdata);
  return null;
}

function displayNameOf(calendar: DAVCalendar): string {
  const name = calendar.displayName;
  if (typeof name === 'string' && name) return name;
  return decodeURIComponent(new URL(calendar.url).pathname.split('/').filter(Boolean).pop() ?? '');
}

/** Without a privilege set (some servers omit it) a calendar is taken as writable. */
function canWrite(calendar: DAVCalendar): boolean {
  const privileges = calendar.projectedProps?.currentUserPrivilegeSet;
  if (privileges == null) return true;
  return /write/i.test(JSON.stringify(privileges));
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
