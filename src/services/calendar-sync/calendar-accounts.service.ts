import type { DataSource } from 'typeorm';
import {
  CalendarConnection,
  CalendarConnectionKind,
  CalendarConnectionStatus,
  type User,
} from '../../entities/index.js';
import { badInput } from '../../errors/domain-error.js';
import { assertOutboundUrl, type OutboundPolicy } from '../../http/outbound-url-policy.js';
import type { CalendarConnectionService } from './calendar-connection.service.js';
import type { CalendarSyncService } from './calendar-sync.service.js';
import type { GoogleOAuthService } from './google-oauth.service.js';
import { CalendarProviderError, type ExternalCalendar } from './provider.js';

/** One calendar of a connection, with the user's choice for it. */
export interface ConnectionCalendar extends ExternalCalendar {
  /** Its busy time counts in scheduling. */
  busy: boolean;
  /** maxOn writes its events and planned steps here. */
  write: boolean;
}

export interface CalDavLogin {
  url: string;
  username: string;
  /** An app password; stored sealed, never returned or logged. */
  password: string;
  name?: string | null;
}

/**
 * Connecting and choosing: a CalDAV login (checked against the server before anything is
 * stored), a Google connection's defaults after OAuth, which calendars count as busy and
 * which one maxOn writes to, and disconnecting (a Google grant is revoked first).
 */
export class CalendarAccountsService {
  constructor(
    private readonly db: DataSource,
    private readonly connections: CalendarConnectionService,
    private readonly sync: CalendarSyncService,
    private readonly googleOAuth: GoogleOAuthService,
    private readonly policy: OutboundPolicy,
  ) {}

  /**
   * Connects a CalDAV account (Yandex, iCloud, Nextcloud…): the login is tried first (a
   * wrong password or an unreachable server stores nothing); its own calendars count as
   * busy; the first sync is queued.
   */
  async connectCalDav(user: User, login: CalDavLogin): Promise<CalendarConnection> {
    const url = login.url.trim();
    assertOutboundUrl(url, this.policy, 'CalDAV server URL');
    const username = login.username.trim();
    if (!username) throw badInput('The username is empty', { field: 'username' });
    if (!login.password) throw badInput('The app password is empty', { field: 'password' });
    const credentials = { username, password: login.password };
    const draft = this.db
      .getRepository(CalendarConnection)
      .create({ kind: CalendarConnectionKind.CALDAV, url, name: '' });
    const calendars = await this.discover(() =>
      this.sync.engine.providerWith(draft, credentials).then((p) => p.listCalendars()),
    );
    if (calendars.length === 0) {
      throw badInput('No calendars were found at this address', { field: 'url' });
    }
    const connection = await this.connections.create(user, {
      kind: CalendarConnectionKind.CALDAV,
      name: login.name?.trim() || new URL(url).hostname,
      url,
      credentials,
    });
    return this.adoptDefaults(connection, calendars);
  }

  /** After Google's consent: the defaults for a new connection, and a sync right away. */
  async connected(connection: CalendarConnection): Promise<CalendarConnection> {
    if (connection.busyCalendarIds.length > 0 || connection.writeCalendarId) {
      await this.sync.scheduleAt(connection.id, new Date());
      return connection;
    }
    let calendars: ExternalCalendar[] = [];
    try {
      const provider = await this.sync.engine.providerFor(connection);
      calendars = await provider.listCalendars();
    } catch {
      // The first sync reports the failure in the connection's status.
    }
    return this.adoptDefaults(connection, calendars);
  }

  /** The connection's calendars as the provider lists them, with the current choice. */
  async calendarsOf(user: User, id: string): Promise<ConnectionCalendar[]> {
    const connection = await this.connections.get(user, id);
    const calendars = await this.listed(connection);
    return calendars.map((calendar) => ({
      ...calendar,
      busy:
        connection.kind === CalendarConnectionKind.ICS ||
        connection.busyCalendarIds.includes(calendar.id),
      write: connection.writeCalendarId === calendar.id,
    }));
  }

  /** Sets which calendars count as busy and the one maxOn writes to; a sync follows. */
  async choose(
    user: User,
    id: string,
    choice: { busyCalendarIds: string[]; writeCalendarId: string | null },
  ): Promise<CalendarConnection> {
    const connection = await this.connections.get(user, id);
    const known = new Map((await this.listed(connection)).map((c) => [c.id, c]));
    const unknown = choice.busyCalendarIds.find((calendarId) => !known.has(calendarId));
    if (unknown !== undefined) {
      throw badInput(`No calendar "${unknown}" in this connection`, { field: 'busyCalendarIds' });
    }
    if (choice.writeCalendarId !== null) {
      const target = known.get(choice.writeCalendarId);
      if (!target) throw badInput('No such calendar here', { field: 'writeCalendarId' });
      if (target.readOnly) {
        throw badInput('This calendar is read-only', { field: 'writeCalendarId' });
      }
    }
    const saved = await this.connections.chooseCalendars(user, id, choice);
    await this.sync.scheduleAt(saved.id, new Date());
    return saved;
  }

  /** Disconnects: push channels stopped, then a Google grant revoked (its tokens die with it). */
  async disconnect(user: User, id: string): Promise<CalendarConnection> {
    const connection = await this.connections.get(user, id);
    await this.sync.engine.stopChannelsOf(connection);
    if (connection.kind === CalendarConnectionKind.GOOGLE) await this.googleOAuth.revoke(id);
    return this.sync.disconnect(user, id);
  }

  private async listed(connection: CalendarConnection): Promise<ExternalCalendar[]> {
    if (connection.status === CalendarConnectionStatus.REVOKED) {
      throw badInput('Access to this calendar was revoked: reconnect it', { field: 'id' });
    }
    return this.discover(async () =>
      (await this.sync.engine.providerFor(connection)).listCalendars(),
    );
  }

  /** Provider failures while connecting or choosing, as errors the user can act on. */
  private async discover(list: () => Promise<ExternalCalendar[]>): Promise<ExternalCalendar[]> {
    try {
      return await list();
    } catch (error) {
      if (!(error instanceof CalendarProviderError)) throw error;
      if (error.failure === 'auth') {
        throw badInput('The server refused this username and app password', {
          field: 'password',
        });
      }
      throw badInput(`The calendar server could not be read (${error.failure})`, {
        field: 'url',
      });
    }
  }

  /** Own (writable) calendars count as busy; others (holidays, shared) only when chosen. */
  private async adoptDefaults(
    connection: CalendarConnection,
    calendars: ExternalCalendar[],
  ): Promise<CalendarConnection> {
    const own = calendars.filter((calendar) => !calendar.readOnly);
    const busy = (own.length > 0 ? own : calendars).map((calendar) => calendar.id);
    await this.db
      .getRepository(CalendarConnection)
      .update({ id: connection.id }, { busyCalendarIds: busy });
    await this.sync.scheduleAt(connection.id, new Date());
    return this.connections.byId(connection.id);
  }
}
