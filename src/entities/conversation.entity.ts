import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { BaseRecord } from './base-record.js';

/** One message of the conversation with the assistant, kept as context. */
@ObjectType()
@Entity('conversation_messages')
@Index(['userId', 'createdAt'])
export class ConversationMessage extends BaseRecord {
  @Column({ type: 'uuid' })
  userId: string;

  @Field({ description: 'user or assistant' })
  @Column({ type: 'varchar', length: 16 })
  role: string;

  @Field()
  @Column({ type: 'text' })
  text: string;

  @Field(() => String, { nullable: true, description: 'The intent understood or acted on' })
  @Column({ type: 'varchar', length: 32, nullable: true })
  intent: string | null;
}

/** What the assistant is waiting for from one user: a request missing a slot. */
@Entity('conversation_states')
export class ConversationState {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  /** The incomplete intent (JSON, dates as ISO strings) and the question asked. */
  @Column({ type: 'jsonb', nullable: true })
  pending: Record<string, unknown> | null;

  /** How to undo the assistant's last action (services/assistant/undo.ts), JSON. */
  @Column({ type: 'jsonb', nullable: true })
  undo: Record<string, unknown> | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
