import type { DataSource } from 'typeorm';
import type { SecretBox } from '../../common/secret-box.js';
import {
  CalendarConnection,
  CalendarConnectionKind,
  CalendarConnectionStatus,
  type User,
} from '../../entities/index.js';
import { badInput, notFound } from '../../errors/domain-error.js';

/** What a provider needs to sign in; stored as sealed JSON, never returned to clients. */
export type CalendarCredentials = Record<string, string | number | null>;

export interface NewConnection {
  kind: CalendarConnectionKind;
  name: string;
  url?: string | null;
  credentials?: CalendarCredentials | null;
}

const MAX_CONNECTIONS_PER_USER = 10;

/**
 * The user's external calendar connections: create, list, choose calendars, disconnect,
 * and the sealed credentials the providers sign in with. Every method that takes a `User`
 * answers NOT_FOUND for another user's connection.
 */
export class CalendarConnectionService {
  constructor(
    private readonly db: DataSource,
    private readonly secrets: SecretBox,
  ) {}

  list(user: User): Promise<CalendarConnection[]> {
    return this.db.getRepository(CalendarConnection).find({
      where: { userId: user.id },
      order: { createdAt: 'ASC' },
    });
  }

  async get(user: User, id: string): Promise<CalendarConnection> {
    const connection = await this.db
      .getRepository(CalendarConnection)
      .findOneBy({ id, userId: user.id });
    if (!connection) throw notFound('Calendar connection');
    return connection;
  }

  /** Stores a new connection with its credentials sealed. The caller validated the URL. */
  async create(user: User, input: NewConnection): Promise<CalendarConnection> {
    const name = input.name.trim();
    if (name.length < 1 || name.length > 200) {
      throw badInput('name must be 1…200 characters', { field: 'name' });
    }
    const repository = this.db.getRepository(CalendarConnection);
    if ((await repository.countBy({ userId: user.id })) >= MAX_CONNECTIONS_PER_USER) {
      throw badInput(`At most ${MAX_CONNECTIONS_PER_USER} calendar connections per user`);
    }
    const saved = await repository.save(
      repository.create({
        userId: user.id,
        kind: input.kind,
        name,
        url: input.url ?? null,
        credentials: input.credentials
          ? this.secrets.seal(JSON.stringify(input.credentials))
          : null,
        status: CalendarConnectionStatus.OK,
        cursors: {},
        busyCalendarIds: [],
        writeCalendarId: null,
        nextSyncAt: new Date(),
      }),
    );
    return this.byId(saved.id);
  }

  /** The connection by id, whoever owns it (the sync job's view). */
  async byId(id: string): Promise<CalendarConnection> {
    const connection = await this.db.getRepository(CalendarConnection).findOneBy({ id });
    if (!connection) throw notFound('Calendar connection');
    return connection;
  }

  /** The opened credentials of a connection, or null when it has none. */
  async credentialsOf(connectionId: string): Promise<CalendarCredentials | null> {
    const row = await this.db
      .getRepository(CalendarConnection)
      .createQueryBuilder('c')
      .addSelect('c.credentials')
      .where('c.id = :connectionId', { connectionId })
      .getOne();
    if (!row?.credentials) return null;
    return JSON.parse(this.secrets.open(row.credentials)) as CalendarCredentials;
  }

  /** Replaces the stored credentials (a refreshed OAuth token, a new app password). */
  async storeCredentials(connectionId: string, credentials: CalendarCredentials): Promise<void> {
    await this.db
      .getRepository(CalendarConnection)
      .update(
        { id: connectionId },
        { credentials: this.secrets.seal(JSON.stringify(credentials)) },
      );
  }

  /** Which calendars count as busy time and which one maxOn writes to. */
  async chooseCalendars(
    user: User,
    id: string,
    choice: { busyCalendarIds: string[]; writeCalendarId: string | null },
  ): Promise<CalendarConnection> {
    const connection = await this.get(user, id);
    if (connection.kind === CalendarConnectionKind.ICS && choice.writeCalendarId) {
      throw badInput('An ICS subscription is read-only', { field: 'writeCalendarId' });
    }
    connection.busyCalendarIds = [...new Set(choice.busyCalendarIds)];
    connection.writeCalendarId = choice.writeCalendarId;
    return this.db.getRepository(CalendarConnection).save(connection);
  }

  /** Removes the connection with its mappings and busy time (the rows cascade). */
  async disconnect(user: User, id: string): Promise<CalendarConnection> {
    const connection = await this.get(user, id);
    await this.db.getRepository(CalendarConnection).delete({ id, userId: user.id });
    return connection;
  }
}
