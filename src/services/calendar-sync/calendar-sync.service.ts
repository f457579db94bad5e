import { Not, type DataSource } from 'typeorm';
import {
  CalendarConnection,
  CalendarConnectionKind,
  CalendarConnectionStatus,
  ExternalBusyInterval,
  type User,
} from '../../entities/index.js';
import { badInput } from '../../errors/domain-error.js';
import { assertOutboundUrl, type OutboundPolicy } from '../../http/outbound-url-policy.js';
import { calendarSyncJob } from '../../jobs/calendar-sync.job.js';
import type { JobQueue } from '../job-queue.js';
import type { CalendarConnectionService } from './calendar-connection.service.js';
import { channelTokenMatches, connectionOfChannel } from './push-channels.js';
import type { CalendarSyncEngine } from './sync-engine.js';

/** A pass asked for by a push notification runs this long after it (bursts collapse). */
const PUSH_DELAY_MS = 3000;

/**
 * What the API and the job do with external calendars: connect an ICS URL, disconnect,
 * sync now, the sync job's pass and its next occurrence, and the busy time read.
 */
export class CalendarSyncService {
  constructor(
    private readonly db: DataSource,
    private readonly connections: CalendarConnectionService,
    readonly engine: CalendarSyncEngine,
    private readonly jobs: JobQueue,
    private readonly policy: OutboundPolicy,
  ) {}

  /** Subscribes to an external ICS URL; the first sync is queued at once. */
  async connectIcs(user: User, url: string, name?: string | null): Promise<CalendarConnection> {
    const trimmed = url.trim().replace(/^webcals?:\/\//i, 'https://');
    assertOutboundUrl(trimmed, this.policy, 'calendar URL');
    const connection = await this.connections.create(user, {
      kind: CalendarConnectionKind.ICS,
      name: name?.trim() || new URL(trimmed).hostname,
      url: trimmed,
    });
    await this.scheduleAt(connection.id, new Date());
    return connection;
  }

  /** Runs a pass right now (the user pressed "sync"): the answer carries its status. */
  async syncNow(user: User, id: string): Promise<CalendarConnection> {
    const connection = await this.connections.get(user, id);
    if (connection.status === CalendarConnectionStatus.REVOKED) {
      throw badInput('Access to this calendar was revoked: reconnect it', { field: 'id' });
    }
    await this.runPass(connection.id);
    return this.connections.get(user, id);
  }

  /** Disconnects: stops the job and removes the connection's busy time and mappings. */
  async disconnect(user: User, id: string): Promise<CalendarConnection> {
    const connection = await this.connections.disconnect(user, id);
    await this.jobs.cancel(calendarSyncJob, { connectionId: id });
    return connection;
  }

  /**
   * One pass now, and the next queued (the sync job's handler). A pass a push notification
   * asked for does not queue another: the regular chain of passes goes on as it was.
   */
  async runPass(connectionId: string, options = { chain: true }): Promise<void> {
    const next = await this.engine.sync(connectionId);
    if (next && options.chain) await this.scheduleAt(connectionId, next);
  }

  /**
   * A provider's push notification (Google's webhook): a channel we opened, with its token,
   * queues a pass a few seconds later (a burst of notifications makes one pass). Answers
   * false for a channel we do not know (the caller answers 404: Google stops sending).
   */
  async pushReceived(channelId: string, token: string, state: string): Promise<boolean> {
    const connectionId = connectionOfChannel(channelId);
    if (!connectionId) return false;
    const connection = await this.db
      .getRepository(CalendarConnection)
      .findOneBy({ id: connectionId });
    const channel = Object.values(connection?.pushChannels ?? {}).find((c) => c.id === channelId);
    if (!connection || !channel || !channelTokenMatches(channel, token)) return false;
    if (state === 'sync') return true; // the handshake when the channel opens
    const at = new Date(Math.ceil((Date.now() + PUSH_DELAY_MS) / PUSH_DELAY_MS) * PUSH_DELAY_MS);
    await this.jobs.schedule(
      calendarSyncJob,
      {
        key: `${connectionId}@push@${at.toISOString()}`,
        dueAt: at.toISOString(),
        connectionId,
        push: true,
      },
      at,
    );
    return true;
  }

  /** Queues a pass at `at`. The key keeps one job per connection and due time. */
  scheduleAt(connectionId: string, at: Date): Promise<void> {
    return this.jobs.schedule(
      calendarSyncJob,
      { key: `${connectionId}@${at.toISOString()}`, dueAt: at.toISOString(), connectionId },
      at,
    );
  }

  /** At worker start: every live connection has its next pass queued (lost jobs repaired). */
  async reconcile(): Promise<void> {
    const live = await this.db.getRepository(CalendarConnection).find({
      where: { status: Not(CalendarConnectionStatus.REVOKED) },
      select: { id: true, nextSyncAt: true },
    });
    for (const connection of live) {
      await this.scheduleAt(connection.id, connection.nextSyncAt ?? new Date());
    }
  }

  /** External busy time overlapping [from, to), for the scheduler and the calendar views. */
  async busy(user: User, from: Date, to: Date): Promise<ExternalBusyInterval[]> {
    if (to <= from) throw badInput('"to" must be after "from"', { field: 'to' });
    if (to.getTime() - from.getTime() > 400 * 86_400_000) {
      throw badInput('The range may span at most 400 days', { field: 'to' });
    }
    return this.db
      .getRepository(ExternalBusyInterval)
      .createQueryBuilder('busy')
      .where('busy.user_id = :userId', { userId: user.id })
      .andWhere('busy.starts_at < :to AND busy.ends_at > :from', { from, to })
      .orderBy('busy.starts_at', 'ASC')
      .getMany();
  }
}
