import { Column, Entity, Index, JoinColumn, ManyToOne, Unique, type Relation } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseRecord } from './base-record.js';
import {
  CalendarConnectionKind,
  CalendarConnectionStatus,
  CalendarLocalKind,
} from './calendar-enums.js';
import { EditableUserOwnedRecord, UserOwnedRecord } from './user-owned-record.js';

/**
 * One external calendar account a user connected (an ICS URL, a Google account, a CalDAV
 * server). Credentials (OAuth tokens, app passwords) are stored sealed by the SecretBox and
 * never leave the server; `cursors` keeps where the next pull of each calendar starts.
 */
@ObjectType()
@Entity('calendar_connections')
@Index(['userId', 'createdAt'])
export class CalendarConnection extends EditableUserOwnedRecord {
  @Field(() => CalendarConnectionKind)
  @Column({ type: 'varchar', length: 16 })
  kind: CalendarConnectionKind;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** The ICS URL or CalDAV server URL (Google needs none). An ICS URL is itself a secret. */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  url: string | null;

  /** JSON credentials sealed by the SecretBox (`v1:<key id>:…`); never selected by default. */
  @Column({ type: 'text', nullable: true, select: false })
  credentials: string | null;

  @Field(() => CalendarConnectionStatus)
  @Column({ type: 'varchar', length: 16, default: CalendarConnectionStatus.OK })
  status: CalendarConnectionStatus;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  lastSyncAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the last sync failed' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  /** Failures in a row, for the back-off; 0 after a success. */
  @Field(() => Int)
  @Column({ type: 'integer', default: 0 })
  failureCount: number;

  /** When the sync job runs next (back-off pushes it later). */
  @Column({ type: 'timestamptz', nullable: true })
  nextSyncAt: Date | null;

  /** Calendar id → where its next pull starts (sync token, ctag, feed ETag). */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  cursors: Record<string, string>;

  /** Calendar id → its open push channel (Google), so changes there trigger a pass soon. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  pushChannels: Record<string, PushChannel>;

  @Field(() => [String], { description: 'Calendars whose busy time counts in scheduling' })
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  busyCalendarIds: string[];

  @Field(() => String, { nullable: true, description: 'The calendar maxOn writes to, if any' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  writeCalendarId: string | null;
}

/** A provider's push channel; only the SHA-256 of its token is kept. */
export interface PushChannel {
  id: string;
  tokenHash: string;
  resourceId: string;
  /** ISO instant; the channel is renewed a day before. */
  expiresAt: string;
}

/**
 * Our event or planned step ↔ the provider's copy of it, so a retried or restarted push
 * updates instead of duplicating, and a pulled change finds its way back.
 */
@Entity('calendar_mappings')
@Unique(['connectionId', 'localKind', 'localId'])
@Unique(['connectionId', 'calendarId', 'remoteId'])
export class CalendarMapping extends BaseRecord {
  @ManyToOne(() => CalendarConnection, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'connection_id' })
  connection: Relation<CalendarConnection>;

  @Column({ type: 'uuid' })
  connectionId: string;

  @Column({ type: 'varchar', length: 500 })
  calendarId: string;

  @Column({ type: 'varchar', length: 8 })
  localKind: CalendarLocalKind;

  @Column({ type: 'uuid' })
  localId: string;

  @Column({ type: 'varchar', length: 1000 })
  remoteId: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  etag: string | null;

  /** Hash of what was last pushed: an unchanged event is not pushed again. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  pushedHash: string | null;
}

/**
 * One busy stretch read from an external calendar (a recurring event expands to one row per
 * occurrence in the sync window). The scheduler never places a step over these.
 */
@ObjectType()
@Entity('external_busy_intervals')
@Index(['userId', 'startsAt'])
export class ExternalBusyInterval extends UserOwnedRecord {
  @ManyToOne(() => CalendarConnection, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'connection_id' })
  connection: Relation<CalendarConnection>;

  @Index()
  @Column({ type: 'uuid' })
  connectionId: string;

  @Column({ type: 'varchar', length: 500 })
  calendarId: string;

  /** The provider's event it comes from: a changed event replaces all its rows. */
  @Column({ type: 'varchar', length: 1000 })
  remoteId: string;

  @Field()
  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Field()
  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  title: string | null;
}

/**
 * A secret ICS feed address (`/ics/<token>.ics`). Only the token's SHA-256 is stored; it is
 * shown once. Rotating revokes the old one and makes a new one.
 */
@ObjectType()
@Entity('calendar_feeds')
export class CalendarFeed extends UserOwnedRecord {
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  lastFetchedAt: Date | null;
}
