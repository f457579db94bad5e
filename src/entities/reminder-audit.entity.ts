import { Column, Entity, Index } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { BaseRecord } from './base-record.js';

/**
 * Who created, changed or fired a reminder, and when. No foreign key on purpose:
 * the trail outlives a deleted reminder.
 */
@ObjectType()
@Entity('reminder_audit')
@Index(['reminderId', 'createdAt'])
export class ReminderAudit extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'uuid' })
  reminderId: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Field({ description: 'created, updated, paused, resumed, cancelled, deleted, fired, missed' })
  @Column({ type: 'varchar', length: 16 })
  action: string;

  @Field({ description: 'Which client or process did it' })
  @Column({ type: 'varchar', length: 120 })
  actor: string;

  @Field(() => GraphQLJSONObject, { nullable: true })
  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, unknown> | null;
}
