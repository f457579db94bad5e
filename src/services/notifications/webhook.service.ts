import { createHmac, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { SecretBox } from '../../common/secret-box.js';
import { DomainError, notFound } from '../../errors/domain-error.js';
import { Notification, Webhook, WebhookDelivery, type User } from '../../entities/index.js';
import { postOutbound } from '../../http/outbound-post.js';
import { assertOutboundUrl } from '../../http/outbound-url-policy.js';
import type { AuditLog } from '../audit-log.js';

export interface WebhookSettings {
  /** Accept http:// and loopback addresses (development and tests). */
  allowLocalhost: boolean;
  timeoutMs: number;
  /** Webhooks a user may register (CONFLICT beyond). */
  maxPerUser: number;
}

export interface DeliveryOutcome {
  ok: boolean;
  /** Retrying cannot help (the webhook is gone). */
  permanent?: boolean;
  statusCode: number | null;
  error: string | null;
}

export const SIGNATURE_HEADER = 'x-maxon-signature';
export const TIMESTAMP_HEADER = 'x-maxon-timestamp';

/** `sha256=<hex>` of HMAC-SHA256 over "<timestamp>.<body>": what receivers recompute. */
export function signWebhookBody(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Third parties' HTTPS endpoints and the signed POSTs of notifications to them. */
export class WebhookService {
  constructor(
    private readonly db: DataSource,
    private readonly settings: WebhookSettings,
    private readonly secrets: SecretBox,
    private readonly audit?: AuditLog,
  ) {}

  /** Registers an endpoint; the signing secret is returned once and never shown again. */
  async register(user: User, url: string): Promise<{ webhook: Webhook; secret: string }> {
    this.assertUrl(url);
    const repository = this.db.getRepository(Webhook);
    const max = this.settings.maxPerUser;
    if ((await repository.countBy({ userId: user.id })) >= max) {
      throw new DomainError('CONFLICT', `At most ${max} webhooks; delete one first`, {
        limit: max,
      });
    }
    const secret = `whsec_${randomBytes(24).toString('hex')}`;
    const webhook = await repository.save(
      repository.create({ userId: user.id, url, secret: this.secrets.seal(secret) }),
    );
    return { webhook, secret };
  }

  list(user: User): Promise<Webhook[]> {
    return this.db.getRepository(Webhook).find({
      where: { userId: user.id },
      order: { createdAt: 'ASC' },
    });
  }

  async delete(user: User, webhookId: string): Promise<string> {
    const result = await this.db.getRepository(Webhook).delete({ id: webhookId, userId: user.id });
    if (!result.affected) throw notFound('Webhook');
    return webhookId;
  }

  deliveries(user: User, notificationId: string): Promise<WebhookDelivery[]> {
    return this.db
      .getRepository(WebhookDelivery)
      .createQueryBuilder('delivery')
      .innerJoin(Notification, 'n', 'n.id = delivery.notification_id')
      .where('delivery.notification_id = :notificationId AND n.user_id = :userId', {
        notificationId,
        userId: user.id,
      })
      .orderBy('delivery.attempt', 'ASC')
      .getMany();
  }

  /** POSTs the notification once and records the attempt. */
  async deliver(notification: Notification, attempt: number): Promise<DeliveryOutcome> {
    const webhook = await this.db
      .getRepository(Webhook)
      .createQueryBuilder('webhook')
      .addSelect('webhook.secret')
      .where('webhook.id = :id', { id: notification.target })
      .getOne();
    if (!webhook?.active) {
      return { ok: false, permanent: true, statusCode: null, error: 'webhook removed' };
    }

    const body = JSON.stringify({
      id: notification.id,
      kind: notification.kind,
      text: notification.text,
      actions: notification.payload.actions,
      refs: notification.payload.refs,
      data: notification.payload.data ?? null,
      occurrenceAt: notification.occurrenceAt.toISOString(),
      attempt,
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const started = Date.now();
    const outcome = await postOutbound(
      webhook.url,
      body,
      {
        'content-type': 'application/json',
        'user-agent': 'maxOn-webhooks/1',
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: signWebhookBody(this.secrets.open(webhook.secret), timestamp, body),
      },
      this.settings,
    );
    if (/refused by policy|^URL /.test(outcome.cause ?? '')) {
      await this.audit?.record({
        actor: 'system',
        action: 'webhook_refused',
        targetUserId: webhook.userId,
        details: { webhookId: webhook.id, cause: outcome.cause },
      });
    }
    await this.db.getRepository(WebhookDelivery).insert({
      notificationId: notification.id,
      webhookId: webhook.id,
      attempt,
      statusCode: outcome.statusCode,
      error: outcome.error?.slice(0, 300) ?? null,
      durationMs: Date.now() - started,
    });
    return outcome;
  }

  /**
   * Seals secrets stored in plaintext before encryption at rest, and re-seals those of an
   * older key after a rotation (run at start-up, after the migrations). Each update applies
   * only if the value is still what it read, so processes starting together never conflict.
   * Returns how many it wrote. A secret no key opens (its key was dropped from SECRETS_KEY)
   * is skipped and reported to `onUnreadable`: start-up never depends on one row.
   */
  async resealSecrets(onUnreadable?: (webhookId: string, reason: string) => void): Promise<number> {
    const rows: { id: string; secret: string }[] = await this.db.query(
      `SELECT id, secret FROM webhooks WHERE secret NOT LIKE $1`,
      [`v1:${this.secrets.currentKeyId}:%`],
    );
    let written = 0;
    for (const row of rows) {
      let sealed: string | null;
      try {
        sealed = this.secrets.reseal(row.secret);
      } catch (error) {
        onUnreadable?.(row.id, error instanceof Error ? error.message : String(error));
        continue;
      }
      if (sealed === null) continue;
      const [, affected] = await this.db.query(
        `UPDATE webhooks SET secret = $1 WHERE id = $2 AND secret = $3`,
        [sealed, row.id, row.secret],
      );
      written += Number(affected) || 0;
    }
    return written;
  }

  private assertUrl(url: string) {
    // The address rules (no loopback, private or metadata hosts) are the outbound policy's.
    assertOutboundUrl(url, this.settings, 'webhook URL');
  }
}
