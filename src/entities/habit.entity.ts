import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { HabitStatus } from './habit-enums.js';
import { HabitSchedule } from './habit-schedule.embedded.js';
import { Goal } from './goal.entity.js';
import { LocalDateScalar, LocalTimeScalar } from '../schema/scalars.js';
import { EditableUserOwnedRecord } from './user-owned-record.js';

/** A span of local dates the habit was paused; `to` is null while it still is. */
export interface HabitPause {
  from: string;
  to: string | null;
}

/**
 * A habit. Its stats (streaks, strength, done count) are derived from the check-ins by
 * `services/habits/habit-stats.ts` and stored here in the transaction of each check-in, so
 * lists read them without loading check-ins.
 */
@ObjectType()
@Entity('habits')
@Index(['userId', 'status', 'createdAt'])
export class Habit extends EditableUserOwnedRecord {
  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @ManyToOne(() => Goal, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'goal_id' })
  goal: Relation<Goal> | null;

  @Field(() => ID, { nullable: true, description: 'The goal this habit serves, if any' })
  @Index()
  @Column({ type: 'uuid', nullable: true })
  goalId: string | null;

  @Field(() => HabitSchedule)
  @Column(() => HabitSchedule, { prefix: 'schedule' })
  schedule: HabitSchedule;

  @Field(() => [LocalTimeScalar], { description: 'Local reminder times "HH:MM"' })
  @Column({ type: 'varchar', length: 5, array: true, default: () => "'{}'" })
  reminderTimes: string[];

  @Field(() => Int, { nullable: true, description: 'Done days that complete the habit' })
  @Column({ type: 'integer', nullable: true })
  target: number | null;

  @Field(() => HabitStatus)
  @Column({ type: 'varchar', length: 16, default: HabitStatus.ACTIVE })
  status: HabitStatus;

  @Field(() => LocalDateScalar, { description: 'The first day that counts' })
  @Column({ type: 'date' })
  startedOn: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  pauses: HabitPause[];

  @Field(() => Int)
  @Column({ type: 'integer', default: 0 })
  currentStreak: number;

  @Field(() => Int)
  @Column({ type: 'integer', default: 0 })
  bestStreak: number;

  @Field(() => Float, { description: 'Loop Habit Tracker’s habit strength, 0…1' })
  @Column({ type: 'double precision', default: 0 })
  strength: number;

  @Field(() => Int, { description: 'Done days so far (what the target counts)' })
  @Column({ type: 'integer', default: 0 })
  doneCount: number;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
