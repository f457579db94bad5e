import { In, type DataSource } from 'typeorm';
import {
  Broadcast,
  BroadcastStatus,
  type Language,
  NotificationKind,
  NotificationStatus,
  User,
} from '../../entities/index.js';
import { badInput, DomainError, notFound } from '../../errors/domain-error.js';
import { broadcastJob } from '../../jobs/broadcast.job.js';
import type { AuditLog } from '../audit-log.js';
import type { JobQueue } from '../job-queue.js';
import type { NotificationOutbox } from '../notifications/outbox.js';

const MAX_TEXT = 3000;

/** A broadcast with its delivery progress. */
export interface BroadcastProgress {
  broadcast: Broadcast;
  delivered: number;
  failed: number;
}

/** Users a broadcast is for: reachable in a messenger, not blocked, of the language if given. */
const AUDIENCE = `FROM users u
  WHERE u.blocked_at IS NULL
    AND ($1::varchar IS NULL OR u.language = $1)
    AND EXISTS (SELECT 1 FROM channel_accounts c
                 WHERE c.user_id = u.id AND c.platform IN ('telegram', 'max'))`;

/**
 * Operator broadcasts: written as BROADCAST notifications a batch a second by the broadcast
 * job (the outbox, relay and SendQueue deliver them as bulk, so replies to users overtake
 * them and the global send limits hold); a cancel stops the batches not written and
 * withdraws what was written but not yet offered.
 */
export class BroadcastService {
  constructor(
    private readonly db: DataSource,
    private readonly outbox: NotificationOutbox,
    private readonly jobs: JobQueue,
    private readonly audit: AuditLog,
    private readonly perSecond: number,
  ) {}

  /** How many users a broadcast to `language` (all when null) would reach now. */
  async audience(language: Language | null): Promise<number> {
    const [{ total }] = (await this.db.query(`SELECT count(*)::int AS total ${AUDIENCE}`, [
      language,
    ])) as [{ total: number }];
    return total;
  }

  async start(actor: string, text: string, language: Language | null): Promise<BroadcastProgress> {
    const body = text.trim();
    if (!body || body.length > MAX_TEXT) {
      throw badInput(`The text must be 1…${MAX_TEXT} characters`, { field: 'text' });
    }
    const total = await this.audience(language);
    const repository = this.db.getRepository(Broadcast);
    const broadcast = await repository.save(
      repository.create({ actor, text: body, language, status: BroadcastStatus.RUNNING, total }),
    );
    await this.audit.record({
      actor,
      action: 'broadcast_started',
      details: { broadcastId: broadcast.id, language, total },
    });
    await this.queueBatch(broadcast.id, 0);
    return { broadcast, delivered: 0, failed: 0 };
  }

  queueBatch(broadcastId: string, batch: number): Promise<void> {
    const at = new Date(Date.now() + (batch === 0 ? 0 : 1000));
    return this.jobs.schedule(
      broadcastJob,
      { key: `${broadcastId}:${batch}`, dueAt: at.toISOString(), broadcastId, batch },
      at,
    );
  }

  /** Writes the next batch; true while users remain. */
  async writeBatch(broadcastId: string, now: Date): Promise<boolean> {
    const written = await this.db.transaction(async (manager) => {
      const broadcast = await manager.findOne(Broadcast, {
        where: { id: broadcastId },
        lock: { mode: 'pessimistic_write' },
      });
      if (broadcast?.status !== BroadcastStatus.RUNNING) return null;
      const ids = (await manager.query(
        `SELECT u.id ${AUDIENCE} AND ($2::uuid IS NULL OR u.id > $2) ORDER BY u.id LIMIT $3`,
        [broadcast.language, broadcast.cursor, this.perSecond],
      )) as { id: string }[];
      const users = ids.length
        ? await manager.findBy(User, { id: In(ids.map((row) => row.id)) })
        : [];
      const rows = await this.outbox.write(
        manager,
        users.map((user) => ({
          missed: false,
          draft: {
            user,
            kind: NotificationKind.BROADCAST,
            source: `broadcast:${broadcast.id}`,
            occurrenceAt: broadcast.createdAt,
            text: broadcast.text,
            payload: { actions: [], refs: { broadcastId: broadcast.id } },
          },
        })),
        now,
      );
      broadcast.cursor = ids.at(-1)?.id ?? broadcast.cursor;
      broadcast.written += ids.length;
      if (ids.length < this.perSecond) broadcast.status = BroadcastStatus.DONE;
      await manager.save(broadcast);
      return { rows: rows.flat(), more: broadcast.status === BroadcastStatus.RUNNING };
    });
    if (!written) return false;
    await this.outbox.dispatch(written.rows);
    return written.more;
  }

  async get(broadcastId: string): Promise<BroadcastProgress> {
    const broadcast = await this.db.getRepository(Broadcast).findOneBy({ id: broadcastId });
    if (!broadcast) throw notFound('Broadcast');
    const counts = (await this.db.query(
      `SELECT status, count(*)::int AS n FROM notifications
        WHERE kind = $1 AND payload->'refs'->>'broadcastId' = $2 GROUP BY status`,
      [NotificationKind.BROADCAST, broadcastId],
    )) as { status: NotificationStatus; n: number }[];
    const count = (status: NotificationStatus) => counts.find((c) => c.status === status)?.n ?? 0;
    return {
      broadcast,
      delivered: count(NotificationStatus.DELIVERED),
      failed: count(NotificationStatus.FAILED),
    };
  }

  async cancel(actor: string, broadcastId: string): Promise<BroadcastProgress> {
    const cancelled = await this.db.transaction(async (manager) => {
      const broadcast = await manager.findOne(Broadcast, {
        where: { id: broadcastId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!broadcast) throw notFound('Broadcast');
      if (broadcast.status === BroadcastStatus.DONE && broadcast.written === broadcast.total) {
        const pending = (await manager.query(
          `SELECT 1 FROM notifications WHERE kind = $1 AND status = $2
              AND payload->'refs'->>'broadcastId' = $3 LIMIT 1`,
          [NotificationKind.BROADCAST, NotificationStatus.PENDING, broadcastId],
        )) as unknown[];
        if (!pending.length)
          throw new DomainError('CONFLICT', 'The broadcast is delivered already');
      }
      if (broadcast.status === BroadcastStatus.CANCELLED) return false;
      broadcast.status = BroadcastStatus.CANCELLED;
      await manager.save(broadcast);
      await manager.query(
        `UPDATE notifications SET status = $1, failure_reason = 'broadcast cancelled'
          WHERE kind = $2 AND status = $3 AND payload->'refs'->>'broadcastId' = $4`,
        [
          NotificationStatus.EXPIRED,
          NotificationKind.BROADCAST,
          NotificationStatus.PENDING,
          broadcastId,
        ],
      );
      return true;
    });
    if (cancelled) {
      await this.audit.record({ actor, action: 'broadcast_cancelled', details: { broadcastId } });
    }
    return this.get(broadcastId);
  }
}
