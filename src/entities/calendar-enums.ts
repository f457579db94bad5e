import { registerEnumType } from 'type-graphql';

/** Where an external calendar connection reads (and, for two-way ones, writes). */
export enum CalendarConnectionKind {
  /** A read-only iCalendar URL (a work calendar's secret address). */
  ICS = 'ics',
  GOOGLE = 'google',
  /** Yandex Calendar, iCloud, Nextcloud, Radicale… with an app password. */
  CALDAV = 'caldav',
}

export enum CalendarConnectionStatus {
  /** The last sync succeeded (or none has run yet). */
  OK = 'ok',
  /** The last sync failed; it is retried with back-off. */
  ERROR = 'error',
  /** Access was revoked or expired for good: sync stops until the user reconnects. */
  REVOKED = 'revoked',
}

/** What a row of our own a mapping points at. */
export enum CalendarLocalKind {
  EVENT = 'event',
  STEP = 'step',
}

registerEnumType(CalendarConnectionKind, { name: 'CalendarConnectionKind' });
registerEnumType(CalendarConnectionStatus, { name: 'CalendarConnectionStatus' });
