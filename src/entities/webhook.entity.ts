import { Column, Entity, Index } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseRecord } from './base-record.js';
import { UserOwnedRecord } from './user-owned-record.js';

/** A third party's HTTPS endpoint that receives the user's notifications, signed. */
@ObjectType()
@Entity('webhooks')
export class Webhook extends UserOwnedRecord {
  @Field()
  @Column({ type: 'varchar', length: 500 })
  url: string;

  /**
   * HMAC-SHA256 key, shown once when the webhook is registered; stored sealed by the
   * SecretBox (`v1:<key id>:…`), never in plaintext.
   */
  @Column({ type: 'varchar', length: 400, select: false })
  secret: string;

  @Field()
  @Column({ default: true })
  active: boolean;
}

/** One POST of a notification to a webhook. */
@ObjectType()
@Entity('webhook_deliveries')
@Index(['notificationId', 'attempt'])
export class WebhookDelivery extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'uuid' })
  notificationId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  webhookId: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  attempt: number;

  @Field(() => Int, { nullable: true, description: 'HTTP status, null when no answer came' })
  @Column({ type: 'integer', nullable: true })
  statusCode: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 300, nullable: true })
  error: string | null;

  @Field(() => Int)
  @Column({ type: 'integer' })
  durationMs: number;
}
