import { type auth, calendar, type calendar_v3 } from '@googleapis/calendar';
import {
  CalendarProviderError,
  type CalendarProvider,
  type ChannelRequest,
  type WatchResult,
  type ExternalCalendar,
  type OutgoingEvent,
  type PullResult,
  type PushResult,
} from '../provider.js';
import { fromGoogleEvents, googleEventId, toGoogleEvent } from './google-events.js';
import { googleFailure } from './google-errors.js';

/** google-auth-library's OAuth2Client, as the calendar package exports it. */
export type GoogleOAuthClient = InstanceType<typeof auth.OAuth2>;

export interface GoogleProviderSettings {
  /** An OAuth2 client holding the user's tokens; it refreshes the access token itself. */
  auth: GoogleOAuthClient;
  /** GOOGLE_API_BASE_URL: Google's API root, or a fake one in tests. */
  apiBaseUrl: string;
  timeoutMs: number;
}

/** Events per page of a list (Google's maximum is 2500). */
const PAGE_SIZE = 250;

/**
 * Google Calendar through Google's own client: calendars from the user's calendar list,
 * maxOn's events inserted with an id derived from ours (a retry meets 409 and patches), writes
 * guarded by If-Match on the etag (412 → conflict), changes read incrementally with
 * `syncToken` (410 → everything again).
 */
export class GoogleCalendarProvider implements CalendarProvider {
  private readonly api: calendar_v3.Calendar;

  constructor(settings: GoogleProviderSettings) {
    this.api = calendar({
      version: 'v3',
      auth: settings.auth,
      rootUrl: settings.apiBaseUrl,
      timeout: settings.timeoutMs,
      // The sync engine backs off and retries: the client must not retry on its own.
      retry: false,
    });
  }

  async listCalendars(): Promise<ExternalCalendar[]> {
    const calendars: ExternalCalendar[] = [];
    let pageToken: string | undefined;
    do {
      const { data } = await call(() =>
        this.api.calendarList.list({ pageToken, maxResults: PAGE_SIZE, showHidden: false }),
      );
      for (const item of data.items ?? []) {
        if (!item.id) continue;
        calendars.push({
          id: item.id,
          name: item.summaryOverride ?? item.summary ?? item.id,
          readOnly: item.accessRole !== 'owner' && item.accessRole !== 'writer',
        });
      }
      pageToken = data.nextPageToken ?? undefined;
    } while (pageToken);
    return calendars;
  }

  async pullChanges(calendarId: string, cursor: string | null): Promise<PullResult> {
    if (cursor) {
      try {
        const incremental = await this.list(calendarId, cursor);
        const changes = fromGoogleEvents(incremental.items);
        // A series comes without its unchanged exceptions (moved or cancelled instances),
        // and a changed occurrence without its unchanged series: read the whole calendar.
        const complete = changes?.every((change) => change.deleted || !change.recurrence);
        if (changes && complete) {
          return { changes, cursor: incremental.syncToken, fullResync: false };
        }
      } catch (error) {
        // 410: the sync token expired; Google asks for a full sync.
        if (!(error instanceof CalendarProviderError && error.failure === 'gone')) throw error;
      }
    }
    const full = await this.list(calendarId, null);
    const changes = fromGoogleEvents(full.items) ?? [];
    return {
      changes: changes.filter((change) => !change.deleted),
      cursor: full.syncToken,
      fullResync: true,
    };
  }

  async pushEvent(
    calendarId: string,
    event: OutgoingEvent,
    remoteId: string | null,
    etag?: string | null,
  ): Promise<PushResult> {
    const requestBody = toGoogleEvent(event);
    if (!remoteId) {
      const id = googleEventId(event.maxonId);
      try {
        const { data } = await call(() =>
          this.api.events.insert({ calendarId, requestBody: { ...requestBody, id } }),
        );
        return { remoteId: data.id ?? id, etag: data.etag ?? null };
      } catch (error) {
        // Inserted before (the answer was lost): it is ours, update it instead.
        if (!(error instanceof CalendarProviderError && error.failure === 'conflict')) throw error;
        remoteId = id;
      }
    }
    const eventId = remoteId;
    const { data } = await call(() =>
      this.api.events.patch(
        { calendarId, eventId, requestBody },
        etag ? { headers: { 'If-Match': etag } } : {},
      ),
    );
    return { remoteId: data.id ?? eventId, etag: data.etag ?? null };
  }

  async deleteEvent(calendarId: string, remoteId: string): Promise<void> {
    try {
      await call(() => this.api.events.delete({ calendarId, eventId: remoteId }));
    } catch (error) {
      // 404, or 410 for an event already deleted: what we wanted.
      if (!(error instanceof CalendarProviderError && error.failure === 'gone')) throw error;
    }
  }

  async watch(calendarId: string, channel: ChannelRequest): Promise<WatchResult> {
    const { data } = await call(() =>
      this.api.events.watch({
        calendarId,
        requestBody: { ...channel, type: 'web_hook' },
      }),
    );
    if (!data.resourceId)
      throw new CalendarProviderError('bad-response', 'A channel without resourceId');
    // Google answers the expiry in ms since the epoch, as a string; a week when left out.
    const expiration = Number(data.expiration ?? Date.now() + 7 * 86_400_000);
    return { resourceId: data.resourceId, expiresAt: new Date(expiration) };
  }

  async stopWatch(channelId: string, resourceId: string): Promise<void> {
    try {
      await call(() => this.api.channels.stop({ requestBody: { id: channelId, resourceId } }));
    } catch (error) {
      if (!(error instanceof CalendarProviderError && error.failure === 'gone')) throw error;
    }
  }

  /** Every page of a list, with the sync token that ends it. */
  private async list(
    calendarId: string,
    syncToken: string | null,
  ): Promise<{ items: calendar_v3.Schema$Event[]; syncToken: string | null }> {
    const items: calendar_v3.Schema$Event[] = [];
    let pageToken: string | undefined;
    for (;;) {
      const { data } = await call(() =>
        this.api.events.list({
          calendarId,
          pageToken,
          syncToken: syncToken ?? undefined,
          maxResults: PAGE_SIZE,
          // Deleted events and cancelled occurrences come back only when asked for.
          showDeleted: true,
          singleEvents: false,
        }),
      );
      items.push(...(data.items ?? []));
      if (!data.nextPageToken) return { items, syncToken: data.nextSyncToken ?? null };
      pageToken = data.nextPageToken;
    }
  }
}

async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw googleFailure(error);
  }
}
