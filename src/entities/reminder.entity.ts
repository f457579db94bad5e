import { Column, Entity, Index } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { EditableUserOwnedRecord } from './user-owned-record.js';
import { ReminderStatus, ReminderType } from './notification-enums.js';

/** A generic reminder made by an assistant or a third party: once at a moment, or on a cron. */
@ObjectType()
@Entity('reminders')
@Index(['userId', 'status', 'createdAt'])
export class Reminder extends EditableUserOwnedRecord {
  /** `userId` from the base, shown in the schema (a method: a base column cannot be redeclared). */
  @Field(() => ID, { name: 'userId' })
  exposedUserId(): string {
    return this.userId;
  }

  @Field(() => ReminderType)
  @Column({ type: 'varchar', length: 16 })
  type: ReminderType;

  @Field({ description: 'What the notification says' })
  @Column({ type: 'varchar', length: 500 })
  text: string;

  @Field(() => Date, { nullable: true, description: 'one_time: the moment it fires' })
  @Column({ type: 'timestamptz', nullable: true })
  triggerAt: Date | null;

  @Field(() => String, { nullable: true, description: 'recurring: a 5-field cron expression' })
  @Column({ type: 'varchar', length: 120, nullable: true })
  cron: string | null;

  @Field({ description: 'IANA timezone the cron expression is read in' })
  @Column({ type: 'varchar', length: 64 })
  timezone: string;

  @Field(() => GraphQLJSONObject)
  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;

  @Field(() => ReminderStatus)
  @Column({ type: 'varchar', length: 16 })
  status: ReminderStatus;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  nextRunAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  lastTriggeredAt: Date | null;

  @Field({ description: 'Which client made it: telegram, max, api-token:<name>, service' })
  @Column({ type: 'varchar', length: 120 })
  createdBy: string;
}
