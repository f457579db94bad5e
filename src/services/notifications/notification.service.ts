import { DateTime } from 'luxon';
import type { DataSource, EntityManager } from 'typeorm';
import { queryEntities } from '../../db/entity-rows.js';
import { badInput, notFound } from '../../errors/domain-error.js';
import {
  DeliveryChannel,
  Notification,
  NotificationStatus,
  SnoozePreset,
  type NotificationKind,
  type NotificationPayload,
  type User,
} from '../../entities/index.js';
import type { AppPubSub } from '../../pubsub.js';
import { JOB, type JobQueue } from '../job-queue.js';
import { countNotificationOutcomes, countWebhookOutcome } from '../../metrics/notifications.js';
import { nextLocalTime, quietHoursEnd } from '../timezone.js';

export interface NotificationSettings {
  ackTimeoutSeconds: number;
  maxAttempts: number;
}

/** What a fired job wants to say; written once per delivery channel of the user. */
export interface NotificationDraft {
  user: User;
  kind: NotificationKind;
  /** What fired, e.g. "event:<id>:15"; with the occurrence time it makes the idempotency key. */
  source: string;
  occurrenceAt: Date;
  text: string;
  payload: NotificationPayload;
}

export interface SnoozeChoice {
  minutes?: number | null;
  preset?: SnoozePreset | null;
}

/** One firing's draft for `write`, and whether the firing was missed. */
export interface WriteEntry {
  draft: NotificationDraft;
  missed: boolean;
}

/** Who may touch a notification: its owner, or a bot with the service key (any). */
export type NotificationScope = { userId: string } | 'service';

const MAX_SNOOZE_MINUTES = 7 * 24 * 60;
const SWEEP_BATCH = 500;

/**
 * The outbox: notifications are written in the transaction that records a firing, offered
 * to clients after commit, offered again until acknowledged (a bounded number of times).
 */
export class NotificationService {
  constructor(
    private readonly db: DataSource,
    private readonly pubsub: AppPubSub,
    private readonly jobs: JobQueue,
    private readonly settings: NotificationSettings,
  ) {}

  /**
   * Inside the caller's transaction, for any number of firings in one statement: one row per
   * draft and channel of its user (messenger accounts and active webhooks). A missed draft is
   * written expired, never offered. A row whose idempotency key exists is not written again;
   * per draft, the rows written now are returned, for `dispatch` after commit.
   */
  async write(manager: EntityManager, drafts: WriteEntry[], now: Date): Promise<Notification[][]> {
    const userIds = [...new Set(drafts.map(({ draft }) => draft.user.id))];
    const channels = (await manager.query(
      `SELECT user_id AS "userId", platform AS channel, chat_id AS target
         FROM channel_accounts WHERE user_id = ANY($1::uuid[])
       UNION ALL
       SELECT user_id, 'webhook', id::text FROM webhooks WHERE user_id = ANY($1::uuid[]) AND active`,
      [userIds],
    )) as { userId: string; channel: DeliveryChannel; target: string }[];
    const channelsOf = new Map<string, typeof channels>();
    for (const row of channels)
      channelsOf.set(row.userId, [...(channelsOf.get(row.userId) ?? []), row]);
    const offeredUntil = this.offerDeadline(now);
    const rows = drafts.flatMap(({ draft, missed }, index) => {
      const { timezone, quietHoursStart, quietHoursEnd: quietEnd } = draft.user.settings;
      const heldUntil = quietHoursEnd(now, timezone, quietHoursStart, quietEnd);
      return (channelsOf.get(draft.user.id) ?? []).map(({ channel, target }) => {
        const messenger = channel !== DeliveryChannel.WEBHOOK;
        const offerNow = messenger && !heldUntil;
        const availableAt = offerNow ? offeredUntil : messenger && heldUntil ? heldUntil : now;
        return {
          index,
          draft,
          channel,
          target,
          key: `${draft.source}@${draft.occurrenceAt.toISOString()}#${channel}:${target}`,
          attempts: offerNow && !missed ? 1 : 0,
          availableAt: missed ? now : availableAt,
          status: missed ? NotificationStatus.EXPIRED : NotificationStatus.PENDING,
          failure: missed ? 'missed: the worker ran it too late' : null,
        };
      });
    });
    const written: Notification[][] = drafts.map(() => []);
    if (rows.length === 0) return written;
    const inserted = await queryEntities(
      manager,
      Notification,
      `INSERT INTO notifications (user_id, channel, target, kind, text, payload, status,
              attempts, idempotency_key, occurrence_at, available_at, failure_reason)
       SELECT r.user_id, r.channel, r.target, r.kind, r.text, r.payload::jsonb, r.status,
              r.attempts, r.key, r.occurrence_at, r.available_at, r.failure_reason
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                     $7::text[], $8::int[], $9::text[], $10::timestamptz[], $11::timestamptz[],
                     $12::text[])
              AS r(user_id, channel, target, kind, text, payload, status, attempts, key,
                   occurrence_at, available_at, failure_reason)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING *`,
      [
        rows.map((row) => row.draft.user.id),
        rows.map((row) => row.channel),
        rows.map((row) => row.target),
        rows.map((row) => row.draft.kind),
        rows.map((row) => row.draft.text),
        rows.map((row) => JSON.stringify(row.draft.payload)),
        rows.map((row) => row.status),
        rows.map((row) => row.attempts),
        rows.map((row) => row.key),
        rows.map((row) => row.draft.occurrenceAt),
        rows.map((row) => row.availableAt),
        rows.map((row) => row.failure),
      ],
    );
    const indexOfKey = new Map(rows.map((row) => [row.key, row.index]));
    for (const row of inserted) written[indexOfKey.get(row.idempotencyKey)!]!.push(row);
    return written;
  }

  /** After commit: publish what is offered now; schedule held rows and webhook deliveries. */
  async dispatch(rows: Notification[]): Promise<void> {
    for (const row of rows) {
      const dueAt = row.availableAt.toISOString();
      if (row.channel === DeliveryChannel.WEBHOOK) {
        await this.jobs.scheduleOnce(JOB.WEBHOOK_DELIVERY, row.availableAt, {
          key: `webhook:${row.id}:1`,
          dueAt,
          notificationId: row.id,
          attempt: 1,
        });
      } else if (row.attempts > 0) {
        this.publish(row);
      } else {
        await this.jobs.scheduleOnce(JOB.RELEASE_NOTIFICATION, row.availableAt, {
          key: `release:${row.id}`,
          dueAt,
          notificationId: row.id,
        });
      }
    }
  }

  /** Offers a held notification (quiet hours or snooze) whose moment came. */
  async release(notificationId: string, now: Date): Promise<void> {
    const rows = await this.offer(
      `SELECT id FROM notifications
        WHERE id = $3 AND status = 'pending' AND attempts = 0 AND channel <> 'webhook'
          AND $1::timestamptz IS NOT NULL`,
      [notificationId],
      now,
    );
    rows.forEach((row) => this.publish(row));
  }

  /**
   * What a client should send now: pending rows of its platform that are not held. Rows
   * offered before and not acknowledged are included (the client may have restarted).
   */
  async pending(channel: DeliveryChannel, limit: number, now = new Date()) {
    const rows = await this.offer(
      `SELECT id FROM notifications
        WHERE channel = $3 AND status = 'pending' AND (attempts > 0 OR available_at <= $1)
        ORDER BY occurrence_at, id LIMIT $4`,
      [channel, limit],
      now,
    );
    return rows.sort((a, b) => a.occurrenceAt.getTime() - b.occurrenceAt.getTime());
  }

  /** Offers again what was not acknowledged in time; gives up after the last attempt. */
  async redeliverDue(now = new Date()): Promise<{ offered: number; failed: number }> {
    const { maxAttempts } = this.settings;
    const rows = await queryEntities(
      this.db,
      Notification,
      `WITH due AS (
         SELECT id FROM notifications
          WHERE status = 'pending' AND channel <> 'webhook' AND available_at <= $1
          ORDER BY available_at LIMIT ${SWEEP_BATCH} FOR UPDATE SKIP LOCKED)
       UPDATE notifications n
          SET attempts = CASE WHEN n.attempts >= $3 THEN n.attempts ELSE n.attempts + 1 END,
              status = CASE WHEN n.attempts >= $3 THEN 'failed' ELSE 'pending' END,
              failure_reason = CASE WHEN n.attempts >= $3
                THEN 'not acknowledged after ' || n.attempts || ' offers' END,
              available_at = $2, updated_at = now()
         FROM due WHERE n.id = due.id
       RETURNING n.*`,
      [now, this.offerDeadline(now), maxAttempts],
    );
    const offered = rows.filter((row) => row.status === NotificationStatus.PENDING);
    countNotificationOutcomes(rows);
    offered.forEach((row) => this.publish(row));
    return { offered: offered.length, failed: rows.length - offered.length };
  }

  /** Marks a notification delivered. Acknowledging twice (or late) is harmless. */
  async acknowledge(scope: NotificationScope, notificationId: string): Promise<Notification> {
    const [updated] = await queryEntities(
      this.db,
      Notification,
      `UPDATE notifications SET status = 'delivered', delivered_at = now(), updated_at = now()
        WHERE id = $1 AND status IN ('pending', 'failed') AND ($2::uuid IS NULL OR user_id = $2)
        RETURNING *`,
      [notificationId, scope === 'service' ? null : scope.userId],
    );
    if (updated) countNotificationOutcomes([updated]);
    return updated ?? this.get(scope, notificationId);
  }

  async get(scope: NotificationScope, notificationId: string): Promise<Notification> {
    const notification = await this.db.getRepository(Notification).findOne({
      where: { id: notificationId, ...(scope === 'service' ? {} : { userId: scope.userId }) },
    });
    if (!notification) throw notFound('Notification');
    return notification;
  }

  async listForUser(user: User, options: { limit: number; offset: number }) {
    return this.db.getRepository(Notification).find({
      where: { userId: user.id },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: options.limit,
      skip: options.offset,
    });
  }

  /**
   * Acknowledges the notification and writes a copy due at the chosen moment. The source
   * (an event series, a recurring reminder) is not touched, so a series never shifts.
   */
  async snooze(user: User, notificationId: string, choice: SnoozeChoice, now = new Date()) {
    const until = snoozeUntil(user, choice, now);
    const rows = await this.db.transaction(async (manager) => {
      const [original] = await queryEntities(
        manager,
        Notification,
        `SELECT * FROM notifications WHERE id = $1 AND user_id = $2 FOR UPDATE`,
        [notificationId, user.id],
      );
      if (!original) throw notFound('Notification');
      await manager.query(
        `UPDATE notifications SET status = 'delivered', delivered_at = COALESCE(delivered_at, now()),
                updated_at = now() WHERE id = $1 AND status <> 'delivered'`,
        [notificationId],
      );
      return queryEntities(
        manager,
        Notification,
        `INSERT INTO notifications (user_id, channel, target, kind, text, payload, status,
                attempts, idempotency_key, occurrence_at, available_at)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, 'pending', 0, $7, $8, $8)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING *`,
        [
          user.id,
          original.channel,
          original.target,
          original.kind,
          original.text,
          JSON.stringify(original.payload),
          snoozeKey(original.id, choice),
          until,
        ],
      );
    });
    await this.dispatch(rows);
    if (rows[0]) return rows[0];
    // The same choice on the same notification again (a button pressed twice): that copy.
    const [copy] = await queryEntities(
      this.db,
      Notification,
      `SELECT * FROM notifications WHERE idempotency_key = $1 AND user_id = $2`,
      [snoozeKey(notificationId, choice), user.id],
    );
    return copy ?? this.get({ userId: user.id }, notificationId);
  }

  /** Marks `attempts` more webhook POSTs, or failure; used by the webhook delivery job. */
  async recordWebhookOutcome(notificationId: string, delivered: boolean, failure?: string) {
    await this.db.query(
      `UPDATE notifications
          SET attempts = attempts + 1, updated_at = now(),
              status = CASE WHEN $2::boolean THEN 'delivered' WHEN $3::text IS NOT NULL THEN 'failed'
                            ELSE status END,
              delivered_at = CASE WHEN $2::boolean THEN now() ELSE delivered_at END,
              failure_reason = $3
        WHERE id = $1 AND status = 'pending'`,
      [notificationId, delivered, failure ?? null],
    );
    countWebhookOutcome(delivered, failure !== undefined);
  }

  private publish(row: Notification) {
    this.pubsub.publish('NOTIFICATION_READY', row.channel, {
      notificationId: row.id,
      userId: row.userId,
    });
  }

  /** Claims the rows the `select` names (params from $3) and counts an offer on each. */
  private offer(select: string, params: unknown[], now: Date) {
    return queryEntities(
      this.db,
      Notification,
      `WITH due AS (${select} FOR UPDATE SKIP LOCKED)
       UPDATE notifications n SET attempts = n.attempts + 1, available_at = $2, updated_at = now()
         FROM due WHERE n.id = due.id
       RETURNING n.*`,
      [now, this.offerDeadline(now), ...params],
    );
  }

  private offerDeadline(now: Date): Date {
    return new Date(now.getTime() + this.settings.ackTimeoutSeconds * 1000);
  }
}

/** The moment a snooze ends; presets follow the user's own evening and morning times. */
/** One snooze copy per notification and choice, so a button pressed twice snoozes once. */
const snoozeKey = (notificationId: string, choice: SnoozeChoice) =>
  `snooze:${notificationId}:${choice.preset ?? `${choice.minutes}m`}`;

export function snoozeUntil(user: User, choice: SnoozeChoice, now: Date): Date {
  const { timezone, eveningNudgeTime, digestTime } = user.settings;
  if (choice.minutes != null && choice.preset != null) {
    throw badInput('Give either minutes or preset, not both', { field: 'minutes' });
  }
  switch (choice.preset) {
    case SnoozePreset.MINUTES_10:
      return new Date(now.getTime() + 10 * 60_000);
    case SnoozePreset.HOUR_1:
      return new Date(now.getTime() + 60 * 60_000);
    case SnoozePreset.THIS_EVENING:
      return nextLocalTime(eveningNudgeTime, timezone, now);
    case SnoozePreset.TOMORROW_MORNING: {
      const endOfToday = DateTime.fromJSDate(now, { zone: timezone }).endOf('day').toJSDate();
      return nextLocalTime(digestTime, timezone, endOfToday);
    }
    default:
      break;
  }
  const minutes = choice.minutes;
  if (
    minutes == null ||
    !Number.isInteger(minutes) ||
    minutes < 1 ||
    minutes > MAX_SNOOZE_MINUTES
  ) {
    throw badInput(`Snooze for 1…${MAX_SNOOZE_MINUTES} minutes, or choose a preset`, {
      field: 'minutes',
    });
  }
  return new Date(now.getTime() + minutes * 60_000);
}
