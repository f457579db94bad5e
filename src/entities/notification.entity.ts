import { Column, Entity, Index } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { EditableUserOwnedRecord } from './user-owned-record.js';
import {
  DeliveryChannel,
  NotificationActionKind,
  NotificationKind,
  NotificationStatus,
  SnoozePreset,
} from './notification-enums.js';

@ObjectType({ description: 'A button under a notification; the client maps it to a mutation' })
export class NotificationAction {
  @Field(() => NotificationActionKind)
  kind: NotificationActionKind;

  @Field({ description: 'Button label in the user’s language' })
  label: string;

  @Field(() => ID, { nullable: true, description: 'For complete_step' })
  stepId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'For check_in_habit, skip_habit and open_habit',
  })
  habitId?: string | null;

  @Field(() => ID, { nullable: true, description: 'For schedule_goal' })
  goalId?: string | null;

  @Field(() => SnoozePreset, { nullable: true, description: 'For snooze' })
  snooze?: SnoozePreset | null;
}

/** Structured part of a notification, stored as JSON. */
export interface NotificationPayload {
  actions: NotificationAction[];
  /** Ids of what the notification is about: eventId, goalId(s), stepIds, reminderId… */
  refs: Record<string, unknown>;
  /** The generic reminder's own payload, passed through for third parties. */
  data?: Record<string, unknown>;
}

/**
 * The outbox: one row per message to deliver on one channel. The idempotency key
 * (source + occurrence time + channel) is unique, so a job that fires twice writes it once.
 */
@ObjectType()
@Entity('notifications')
@Index(['channel', 'status', 'availableAt'])
@Index(['userId', 'createdAt'])
export class Notification extends EditableUserOwnedRecord {
  /** `userId` from the base, shown in the schema (a method: a base column cannot be redeclared). */
  @Field(() => ID, { name: 'userId' })
  exposedUserId(): string {
    return this.userId;
  }

  @Field(() => DeliveryChannel)
  @Column({ type: 'varchar', length: 16 })
  channel: DeliveryChannel;

  @Field(() => String, {
    nullable: true,
    description: 'The messenger chat to send to (telegram/max), or the webhook id',
  })
  @Column({ type: 'varchar', length: 64, nullable: true })
  target: string | null;

  @Field(() => NotificationKind)
  @Column({ type: 'varchar', length: 24 })
  kind: NotificationKind;

  @Field({ description: 'Plain text in the user’s language; clients escape it' })
  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'jsonb' })
  payload: NotificationPayload;

  @Field(() => NotificationStatus)
  @Column({ type: 'varchar', length: 16, default: NotificationStatus.PENDING })
  status: NotificationStatus;

  @Field(() => Int, { description: 'How many times it was offered to the client' })
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 300 })
  idempotencyKey: string;

  @Field({ description: 'The moment the source was due (event reminder time, digest time…)' })
  @Column({ type: 'timestamptz' })
  occurrenceAt: Date;

  @Field({ description: 'Not offered before this moment (quiet hours, snooze, retry)' })
  @Column({ type: 'timestamptz' })
  availableAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 300, nullable: true })
  failureReason: string | null;

  @Field(() => [NotificationAction])
  actions(): NotificationAction[] {
    return this.payload.actions;
  }

  @Field(() => GraphQLJSONObject, { description: 'Ids of the event, goal, steps or reminder' })
  refs(): Record<string, unknown> {
    return this.payload.refs;
  }

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'A reminder’s own payload' })
  data(): Record<string, unknown> | null {
    return this.payload.data ?? null;
  }
}
