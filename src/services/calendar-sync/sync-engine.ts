import type { DataSource } from 'typeorm';
import {
  CalendarConnection,
  CalendarConnectionKind,
  CalendarConnectionStatus,
  CalendarMapping,
  User,
} from '../../entities/index.js';
import type { Logger } from '../../logger.js';
import { busyRowsOf, type BusyRow } from './busy-expansion.js';
import { replaceBusy } from './busy-store.js';
import type {
  CalendarConnectionService,
  CalendarCredentials,
} from './calendar-connection.service.js';
import { pushLocalChanges, retireOtherCalendars } from './calendar-push.js';
import { ICS_CALENDAR_ID } from './ics/ics-provider.js';
import { goneEvent, type CalendarProvider, type ExternalEvent } from './provider.js';
import { applyOwnChanges, type OwnChangeTargets } from './own-changes.js';
import { renewChannels, stopChannels } from './push-channels.js';
import { failed, succeeded } from './sync-status.js';

/** What a provider factory gets to build a provider for one connection. */
export interface ProviderContext {
  connection: CalendarConnection;
  credentials: CalendarCredentials | null;
  /** Stores refreshed credentials (a new OAuth access token), sealed. */
  saveCredentials(credentials: CalendarCredentials): Promise<void>;
}

/** kind → how to build its provider; the engine knows nothing else provider-specific. */
export type ProviderFactories = Partial<
  Record<
    CalendarConnectionKind,
    (context: ProviderContext) => CalendarProvider | Promise<CalendarProvider>
  >
>;

export interface SyncSettings {
  intervalMinutes: number;
  busyDays: number;
  /** Where providers with push channels (Google) notify us; null: polling only. */
  pushAddress?: string | null;
}

const DAY_MS = 86_400_000;

/**
 * The one sync engine for every kind of external calendar: pull each chosen calendar's
 * changes through its provider, store busy time (our own events coming back are matched
 * through the mapping table, never counted twice), apply changes made there to our own
 * events (own-changes.ts), push our events and planned steps to
 * the calendar the user chose to write to, and record a status the user sees.
 */
export class CalendarSyncEngine {
  constructor(
    private readonly db: DataSource,
    private readonly connections: CalendarConnectionService,
    private readonly factories: ProviderFactories,
    /** Where changes made in the provider to maxOn's own events are applied. */
    private readonly own: OwnChangeTargets,
    private readonly settings: SyncSettings,
    private readonly logger: Logger,
  ) {}

  /** Builds the provider of a connection (also used to list calendars on connect). */
  async providerFor(connection: CalendarConnection): Promise<CalendarProvider> {
    return this.providerWith(connection, await this.connections.credentialsOf(connection.id));
  }

  /** A provider over credentials not stored yet (checking a CalDAV login before saving it). */
  async providerWith(
    connection: CalendarConnection,
    credentials: CalendarCredentials | null,
  ): Promise<CalendarProvider> {
    const factory = this.factories[connection.kind];
    if (!factory) throw new Error(`No provider for ${connection.kind} calendars is configured`);
    return await factory({
      connection,
      credentials,
      saveCredentials: (fresh) => this.connections.storeCredentials(connection.id, fresh),
    });
  }

  /**
   * One pass over a connection; returns when the next pass is due (null: stop — revoked,
   * or the connection is gone).
   */
  async sync(connectionId: string, now = new Date()): Promise<Date | null> {
    const connection = await this.db
      .getRepository(CalendarConnection)
      .findOneBy({ id: connectionId });
    if (!connection || connection.status === CalendarConnectionStatus.REVOKED) return null;
    let outcome: Partial<CalendarConnection>;
    try {
      const provider = await this.providerFor(connection);
      const user = await this.db.getRepository(User).findOneByOrFail({ id: connection.userId });
      for (const calendarId of this.calendarsToPull(connection)) {
        await this.pullCalendar(provider, connection, user, calendarId, now);
      }
      if (connection.writeCalendarId) {
        await retireOtherCalendars({ db: this.db }, provider, connection);
        await pushLocalChanges({ db: this.db }, provider, connection, user, now);
      }
      if (this.settings.pushAddress) {
        connection.pushChannels = await renewChannels(
          provider,
          connection,
          this.calendarsToPull(connection),
          this.settings.pushAddress,
          now,
          this.logger,
        );
      }
      outcome = {
        ...succeeded(connection, now, this.settings.intervalMinutes),
        pushChannels: connection.pushChannels,
      };
    } catch (error) {
      this.logger.warn({ err: error, connectionId, kind: connection.kind }, 'calendar sync failed');
      outcome = failed(connection, error, now, this.settings.intervalMinutes);
    }
    // `update` of a row deleted meanwhile (disconnected) changes nothing: no resurrection.
    await this.db.getRepository(CalendarConnection).update({ id: connectionId }, outcome);
    return outcome.nextSyncAt ?? null;
  }

  /** Closes a connection's push channels before it is disconnected; best effort. */
  async stopChannelsOf(connection: CalendarConnection): Promise<void> {
    if (Object.keys(connection.pushChannels ?? {}).length === 0) return;
    try {
      await stopChannels(await this.providerFor(connection), connection, this.logger);
    } catch (error) {
      this.logger.warn({ err: error, connectionId: connection.id }, 'stopping channels failed');
    }
  }

  private calendarsToPull(connection: CalendarConnection): string[] {
    if (connection.kind === CalendarConnectionKind.ICS) return [ICS_CALENDAR_ID];
    const ids = new Set(connection.busyCalendarIds);
    if (connection.writeCalendarId) ids.add(connection.writeCalendarId);
    return [...ids];
  }

  private async pullCalendar(
    provider: CalendarProvider,
    connection: CalendarConnection,
    user: User,
    calendarId: string,
    now: Date,
  ): Promise<void> {
    const cursor = connection.cursors[calendarId] ?? null;
    const result = await provider.pullChanges(calendarId, cursor);
    const countsAsBusy =
      connection.kind === CalendarConnectionKind.ICS ||
      connection.busyCalendarIds.includes(calendarId);
    const from = new Date(now.getTime() - DAY_MS);
    const to = new Date(now.getTime() + this.settings.busyDays * DAY_MS);
    const changes = await this.db.transaction(async (manager) => {
      const mapped = new Set(
        (
          await manager.find(CalendarMapping, {
            where: { connectionId: connection.id, calendarId },
            select: { remoteId: true },
          })
        ).map((mapping) => mapping.remoteId),
      );
      // Our own events coming back are busy already (as our events): never twice.
      const foreign = (event: ExternalEvent) => !event.maxonId && !mapped.has(event.remoteId);
      const rows: BusyRow[] = countsAsBusy
        ? result.changes
            .filter((event) => !event.deleted && foreign(event))
            .flatMap((event) => busyRowsOf(event, from, to, user.settings.timezone))
        : [];
      await replaceBusy(
        manager,
        { userId: connection.userId, connectionId: connection.id, calendarId },
        rows,
        result.fullResync ? 'all' : result.changes.map((event) => event.remoteId),
      );
      return result.fullResync ? withMissingAsGone(result.changes, mapped) : result.changes;
    });
    await applyOwnChanges(this.db, this.own, connection, user, calendarId, changes);
    if (result.cursor) connection.cursors = { ...connection.cursors, [calendarId]: result.cursor };
    else delete connection.cursors[calendarId];
  }
}

/**
 * A full resync lists everything the calendar has: an event of ours it no longer lists was
 * deleted there while our cursor was invalid, and is applied as a deletion (conflict rule
 * of own-changes.ts: an unpushed edit here still wins and is written back).
 */
function withMissingAsGone(changes: ExternalEvent[], mapped: Set<string>): ExternalEvent[] {
  const listed = new Set(changes.map((change) => change.remoteId));
  const missing = [...mapped].filter((remoteId) => !listed.has(remoteId));
  return [...changes, ...missing.map((remoteId) => goneEvent(remoteId))];
}
