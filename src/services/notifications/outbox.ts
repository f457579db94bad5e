import type { DataSource, EntityManager } from 'typeorm';
import { queryEntities } from '../../db/entity-rows.js';
import {
  DeliveryChannel,
  Notification,
  NotificationStatus,
  NotificationKind,
  type NotificationPayload,
  type User,
} from '../../entities/index.js';
import { releaseNotificationJob } from '../../jobs/release-notification.job.js';
import { webhookDeliveryJob } from '../../jobs/webhook-delivery.job.js';
import { countNotificationOutcomes, countWebhookOutcome } from '../../metrics/notifications.js';
import type { AppPubSub, NotificationReady } from '../../pubsub.js';
import type { JobQueue } from '../job-queue.js';
import { quietHoursEnd } from '../timezone.js';
import type { WebhookService } from './webhook.service.js';

export interface OutboxSettings {
  ackTimeoutSeconds: number;
  maxAttempts: number;
  /** Webhook POSTs: attempts in all, and the first back-off (doubled each time). */
  webhookRetry: { maxAttempts: number; baseDelayMs: number };
}

/** What a fired job wants to say; written once per delivery channel of the user. */
export interface NotificationDraft {
  user: User;
  kind: NotificationKind;
  /** What fired, e.g. "event:<id>:15"; with the occurrence time it makes the idempotency key. */
  source: string;
  occurrenceAt: Date;
  text: string;
  /** The words as of a later moment, for a notification held until then (quiet hours). */
  textAt?: (shownAt: Date) => string;
  payload: NotificationPayload;
}

/** One firing's draft for `write`, and whether the firing was missed. */
export interface WriteEntry {
  draft: NotificationDraft;
  missed: boolean;
}

const SWEEP_BATCH = 500;

/**
 * The outbox: notifications are written in the transaction that records a firing, offered
 * to clients after commit, offered again until acknowledged (a bounded number of times).
 */
export class NotificationOutbox {
  constructor(
    private readonly db: DataSource,
    private readonly pubsub: AppPubSub,
    private readonly jobs: JobQueue,
    private readonly webhooks: WebhookService,
    private readonly settings: OutboxSettings,
  ) {
    // A notification whose offer did not reach Redis is offered again as soon as it is back.
    pubsub.onPublishFailed((topic, payload) => {
      if (!topic.startsWith('NOTIFICATION_READY')) return;
      const { notificationId } = payload as NotificationReady;
      void this.db
        .query(
          `UPDATE notifications SET available_at = now() WHERE id = $1 AND status = 'pending'`,
          [notificationId],
        )
        .catch(() => undefined); // then it waits for the acknowledgement timeout instead
    });
  }

  /**
   * The worker's: once Redis is back after an outage (and the API processes had time to
   * subscribe again), offers at once what could not be published, instead of after the
   * acknowledgement timeout.
   */
  redeliverWhenPubSubReturns(onError: (error: unknown) => void, settleMs = 3000): void {
    this.pubsub.onReconnected(() => {
      setTimeout(() => {
        const sweep = async () => {
          while ((await this.redeliverDue()).offered >= SWEEP_BATCH);
        };
        sweep().catch(onError);
      }, settleMs).unref();
    });
  }

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
      // A blocked user's notifications stop; an operator's broadcast is for messengers only.
      if (draft.user.blockedAt) return [];
      const reachable = (channelsOf.get(draft.user.id) ?? []).filter(
        ({ channel }) =>
          draft.kind !== NotificationKind.BROADCAST || channel !== DeliveryChannel.WEBHOOK,
      );
      return reachable.map(({ channel, target }) => {
        const messenger = channel !== DeliveryChannel.WEBHOOK;
        const offerNow = messenger && !heldUntil;
        const availableAt = offerNow ? offeredUntil : messenger && heldUntil ? heldUntil : now;
        const held = messenger && heldUntil && !missed;
        return {
          index,
          draft,
          text: held && draft.textAt ? draft.textAt(heldUntil) : draft.text,
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
        rows.map((row) => row.text),
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
      if (row.channel === DeliveryChannel.WEBHOOK) {
        await this.scheduleWebhookDelivery(row.id, 1, row.availableAt);
      } else if (row.attempts > 0) {
        this.publish(row);
      } else {
        const payload = { key: `release:${row.id}`, dueAt: row.availableAt.toISOString() };
        await this.jobs.schedule(
          releaseNotificationJob,
          { ...payload, notificationId: row.id },
          row.availableAt,
        );
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
   * What a client should send now: pending rows of its platform that are not held (and
   * those offered before and not acknowledged), each counted as one more offer.
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

  /**
   * At a worker's start: offers again every row waiting for its acknowledgement. A firing is
   * written as offered and published after its commit, so a worker killed in between (kill
   * -9, a lost machine) leaves rows that look offered but never were; they would wait for
   * the acknowledgement timeout. A row a bot did get is not sent twice: the relay remembers
   * the ids it sent and only acknowledges. Returns how many were offered.
   */
  async reofferInFlight(now = new Date()): Promise<number> {
    await this.db.query(
      `UPDATE notifications SET available_at = $1
        WHERE status = 'pending' AND channel <> 'webhook' AND attempts > 0 AND available_at > $1`,
      [now],
    );
    let offered = 0;
    for (;;) {
      const batch = await this.redeliverDue(now);
      offered += batch.offered;
      if (batch.offered + batch.failed < SWEEP_BATCH) return offered;
    }
  }

  /** Offers again what was not acknowledged in time; gives up after the last attempt. */
  async redeliverDue(now = new Date()): Promise<{ offered: number; failed: number }> {
    // While Redis is away an offer would be lost and only use up an attempt.
    if (!this.pubsub.connected()) return { offered: 0, failed: 0 };
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

  /**
   * One signed POST of a pending webhook notification. On failure the next attempt is
   * queued with exponential back-off, until the attempts run out or retrying cannot help.
   */
  async deliverWebhook(notificationId: string, attempt: number): Promise<void> {
    const notification = await this.db
      .getRepository(Notification)
      .findOneBy({ id: notificationId });
    if (notification?.status !== NotificationStatus.PENDING) return;
    const outcome = await this.webhooks.deliver(notification, attempt);
    const { maxAttempts, baseDelayMs } = this.settings.webhookRetry;
    if (outcome.ok || outcome.permanent || attempt >= maxAttempts) {
      const failure = outcome.ok
        ? undefined
        : `gave up after ${attempt} attempt${attempt === 1 ? '' : 's'}: ${outcome.error}`;
      await this.recordWebhookOutcome(notification.id, outcome.ok, failure);
      return;
    }
    await this.recordWebhookOutcome(notification.id, false);
    const retryAt = new Date(Date.now() + baseDelayMs * 2 ** (attempt - 1));
    await this.scheduleWebhookDelivery(notification.id, attempt + 1, retryAt);
  }

  /** Counts one more webhook POST, and its outcome (delivered, or failed for good). */
  private async recordWebhookOutcome(notificationId: string, delivered: boolean, failure?: string) {
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

  private async scheduleWebhookDelivery(notificationId: string, attempt: number, at: Date) {
    const payload = { key: `webhook:${notificationId}:${attempt}`, dueAt: at.toISOString() };
    await this.jobs.schedule(webhookDeliveryJob, { ...payload, notificationId, attempt }, at);
  }

  private publish(row: Notification) {
    this.pubsub.publish('NOTIFICATION_READY', row.channel, {
      notificationId: row.id,
      userId: row.userId,
    });
    // An open web page reloads what it shows; once per firing (its web row), not per channel.
    if (row.channel === DeliveryChannel.WEB) {
      this.pubsub.publish('USER_CHANGED', row.userId, {
        reason: 'NOTIFICATION',
        changedAt: new Date(),
      });
    }
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
