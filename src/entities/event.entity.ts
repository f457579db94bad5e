import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { EventKind } from './enums.js';
import { Goal } from './goal.entity.js';
import { Step } from './step.entity.js';
import { EditableUserOwnedRecord } from './user-owned-record.js';
import { DEFAULT_REMINDER_MINUTES } from './user-settings.embedded.js';

@ObjectType()
@Entity('events')
@Index(['userId', 'startsAt'])
export class Event extends EditableUserOwnedRecord {
  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field({ description: 'Start of the first occurrence (an instant)' })
  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Field({ description: 'IANA timezone the event was set in; recurrences keep its wall time' })
  @Column({ type: 'varchar', length: 64 })
  timezone: string;

  @Field()
  @Column({ default: false })
  allDay: boolean;

  @Field(() => Int)
  @Column({ type: 'integer', default: 60 })
  durationMinutes: number;

  @Field(() => String, { nullable: true, description: 'RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=MO' })
  @Column({ type: 'text', nullable: true })
  recurrence: string | null;

  /**
   * Occurrences of a recurring event changed one by one (in maxOn's model an exception:
   * cancelled, or moved to `start`), keyed by the occurrence's original start; they come from
   * a calendar the event is synced to (EXDATE / RECURRENCE-ID, Google's changed instances).
   */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  exceptions: EventException[];

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Field(() => EventKind)
  @Column({ type: 'varchar', length: 16, default: EventKind.USER })
  kind: EventKind;

  @ManyToOne(() => Goal, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'goal_id' })
  goal: Relation<Goal> | null;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column({ type: 'uuid', nullable: true })
  goalId: string | null;

  @ManyToOne(() => Step, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'step_id' })
  step: Relation<Step> | null;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column({ type: 'uuid', nullable: true })
  stepId: string | null;

  @Field(() => [Int], { description: 'Minutes before each occurrence to remind' })
  @Column({ type: 'integer', array: true, default: () => `'{${DEFAULT_REMINDER_MINUTES}}'` })
  reminderMinutesBefore: number[];

  @Field()
  @Column({ default: true })
  reminderEnabled: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Why maxOn switched this event’s reminders off (its schedule could not be planned)',
  })
  @Column({ type: 'varchar', length: 300, nullable: true })
  remindersDisabledReason: string | null;
}

/** One changed occurrence of a recurring event (ISO instants). */
export interface EventException {
  /** Where the rule puts the occurrence. */
  originalStart: string;
  /** Where it happens instead; null: cancelled. It keeps the series' duration. */
  start: string | null;
}
