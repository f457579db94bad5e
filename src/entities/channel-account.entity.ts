import { Column, Entity, Index } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { Platform } from './enums.js';
import { UserOwnedRecord } from './user-owned-record.js';

/** One messenger identity (platform + platform user id) of a user, with the chat to write to. */
@ObjectType()
@Entity('channel_accounts')
@Index(['platform', 'platformUserId'], { unique: true })
export class ChannelAccount extends UserOwnedRecord {
  @Field(() => Platform)
  @Column({ type: 'varchar', length: 16 })
  platform: Platform;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  platformUserId: string;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  chatId: string;

  /** `userId` from the base, shown in the schema (a method: a base column cannot be redeclared). */
  @Field(() => ID, { name: 'userId' })
  exposedUserId(): string {
    return this.userId;
  }

  /** The bot's dialog with this account (a multi-step edit in progress); bots only. */
  @Column({ type: 'jsonb', nullable: true })
  dialogState: Record<string, unknown> | null;
}
