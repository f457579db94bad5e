import type { Interval } from '../scheduling/types.js';

/**
 * The one interface every external calendar speaks (an ICS subscription, Google Calendar,
 * CalDAV): the sync engine and its job know nothing provider-specific beyond it.
 */
export interface CalendarProvider {
  /** The calendars the connection can see (an ICS feed is one read-only calendar). */
  listCalendars(): Promise<ExternalCalendar[]>;
  /**
   * What changed in one calendar since `cursor` (null: everything). A provider that lost the
   * cursor (Google's 410, an invalid sync token) answers `fullResync: true` with everything.
   */
  pullChanges(calendarId: string, cursor: string | null): Promise<PullResult>;
  /**
   * Creates (remoteId null) or updates an event; idempotent by `event.maxonId`. With `etag`
   * (the one last pushed or pulled) the write only happens if the provider's copy is still
   * that version, else `CalendarProviderError('conflict')`.
   */
  pushEvent(
    calendarId: string,
    event: OutgoingEvent,
    remoteId: string | null,
    etag?: string | null,
  ): Promise<PushResult>;
  /** Deletes an event; an event already gone is not an error. */
  deleteEvent(calendarId: string, remoteId: string): Promise<void>;
  /**
   * Push notifications (Google's channels): the provider calls `address` when the calendar
   * changes. Providers without them leave these out; their calendars are polled only.
   */
  watch?(calendarId: string, channel: ChannelRequest): Promise<WatchResult>;
  /** Stops a channel; one already gone is not an error. */
  stopWatch?(channelId: string, resourceId: string): Promise<void>;
}

export interface ChannelRequest {
  id: string;
  /** A secret the provider sends back with every notification (checked by our webhook). */
  token: string;
  address: string;
}

export interface WatchResult {
  resourceId: string;
  expiresAt: Date;
}

export interface ExternalCalendar {
  id: string;
  name: string;
  /** ICS feeds and calendars shared read-only cannot be written to. */
  readOnly: boolean;
}

/** One event as the provider has it (a recurring one once, with its rule and exceptions). */
export interface ExternalEvent {
  /** The provider's id of the event (ICS UID, Google event id, CalDAV object href). */
  remoteId: string;
  title: string;
  start: Date;
  end: Date;
  /** All-day: `start`/`end` are midnight UTC of the first day and of the day after the last. */
  allDay: boolean;
  /** RRULE text without the `RRULE:` prefix, when recurring. */
  recurrence: string | null;
  /** Start instants of cancelled occurrences (EXDATE), and the original starts of moved ones. */
  exceptions: Date[];
  /**
   * Occurrences moved to another time (RECURRENCE-ID overrides, Google's changed instances):
   * busy at these times instead of at the original starts listed in `exceptions`.
   */
  overrides?: ExternalOccurrence[];
  /** IANA zone the event is written in (recurrences expand in it across DST). */
  timeZone: string | null;
  /** The id maxOn wrote into it, when maxOn created it (round trips are not re-imported). */
  maxonId: string | null;
  /** The provider's version tag (etag), used to detect conflicting writes. */
  etag: string | null;
  /** True when the provider reports the event deleted (only `remoteId` is meaningful then). */
  deleted: boolean;
}

/** One moved occurrence of a recurring event. */
export interface ExternalOccurrence {
  /** Where the rule put it (RECURRENCE-ID, Google's originalStartTime). */
  originalStart: Date;
  start: Date;
  end: Date;
}

/** A changed occurrence of a series maxOn writes (ISO instants; `start` null: cancelled). */
export interface OutgoingException {
  originalStart: string;
  start: string | null;
}

export interface PullResult {
  changes: ExternalEvent[];
  /** Where the next pull starts (sync token, ctag, ETag of the feed); null: always full. */
  cursor: string | null;
  /** The provider replaced its whole state: events not in `changes` are gone. */
  fullResync: boolean;
}

/** An event or planned step maxOn writes to a provider. */
export interface OutgoingEvent {
  maxonId: string;
  title: string;
  start: Date;
  end: Date;
  allDay: boolean;
  recurrence: string | null;
  /** Changed occurrences of a recurring event; left out when there are none. */
  exceptions?: OutgoingException[];
  timeZone: string;
  description: string | null;
}

export interface PushResult {
  remoteId: string;
  etag: string | null;
}

/** Why a provider call failed, in the terms the sync engine acts on. */
export type ProviderFailure =
  /** Credentials revoked or expired for good: the user must reconnect; sync stops. */
  | 'auth'
  /** The calendar or event is gone (404/410 on the object). */
  | 'gone'
  /** Someone else changed it first (409/412): pull, then apply the conflict rule. */
  | 'conflict'
  /** 429 or quota: retry after `retryAfterMs`. */
  | 'rate-limited'
  /** 5xx, timeouts, network: retry with back-off. */
  | 'unavailable'
  /** The answer is not what the protocol promises (not iCalendar, bad JSON…). */
  | 'bad-response';

export class CalendarProviderError extends Error {
  constructor(
    readonly failure: ProviderFailure,
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'CalendarProviderError';
  }
}

/** Busy time read from external calendars, as the scheduler takes it. */
export type ExternalBusy = Interval & { title?: string };

/** An event the provider reports deleted (or that a full resync no longer lists). */
export function goneEvent(remoteId: string, etag: string | null = null): ExternalEvent {
  return {
    remoteId,
    title: '',
    start: new Date(0),
    end: new Date(0),
    allDay: false,
    recurrence: null,
    exceptions: [],
    timeZone: null,
    maxonId: null,
    etag,
    deleted: true,
  };
}
