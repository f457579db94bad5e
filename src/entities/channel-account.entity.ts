import { Column, Entity, Index, ManyToOne, JoinColumn, type Relation } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { Platform } from './enums.js';
import { User } from './user.entity.js';
import { BaseRecord } from './base-record.js';

/** One messenger identity (platform + platform user id) of a user, with the chat to write to. */
@ObjectType()
@Entity('channel_accounts')
@Index(['platform', 'platformUserId'], { unique: true })
export class ChannelAccount extends BaseRecord {
  @Field(() => Platform)
  @Column({ type: 'varchar', length: 16 })
  platform: Platform;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  platformUserId: string;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  chatId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id' })
  user: Relation<User>;

  @Field(() => ID)
  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  /** The bot's dialog with this account (a multi-step edit in progress); bots only. */
  @Column({ type: 'jsonb', nullable: true })
  dialogState: Record<string, unknown> | null;
}
