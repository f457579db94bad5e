import { Column, Entity, Index } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { BaseRecord } from './base-record.js';

/**
 * The audit log: operator actions (block, unblock, broadcasts) and security events (a revoked
 * token presented, a rate limit first overrun, a webhook refused by the address policy).
 * Append-only; `createdAt` is when it happened.
 */
@ObjectType()
@Entity('audit_events')
@Index(['createdAt'])
@Index(['targetUserId', 'createdAt'])
export class AuditEvent extends BaseRecord {
  @Field({
    description: 'Who: "telegram:123" (an operator), "token:<id>", "user:<id>" or "system"',
  })
  @Column({ type: 'varchar', length: 120 })
  actor: string;

  @Field({
    description: 'What: user_blocked, broadcast_started, rate_limited, revoked_token_used…',
  })
  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Field(() => ID, { nullable: true, description: 'The user it concerns, if any' })
  @Column({ type: 'uuid', nullable: true })
  targetUserId: string | null;

  @Field(() => GraphQLJSONObject)
  @Column({ type: 'jsonb', default: {} })
  details: Record<string, unknown>;
}
