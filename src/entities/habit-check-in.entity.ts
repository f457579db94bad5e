import { Column, Entity, Index, JoinColumn, ManyToOne, Unique, type Relation } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CheckInSource, CheckInStatus } from './habit-enums.js';
import { Habit } from './habit.entity.js';
import { LocalDateScalar } from '../schema/scalars.js';
import { EditableUserOwnedRecord } from './user-owned-record.js';

/** What happened to a habit on one local day: one row per habit and day. */
@ObjectType()
@Entity('habit_check_ins')
@Unique(['habitId', 'localDate'])
@Index(['userId', 'localDate'])
export class HabitCheckIn extends EditableUserOwnedRecord {
  @ManyToOne(() => Habit, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'habit_id' })
  habit: Relation<Habit>;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  habitId: string;

  @Field(() => LocalDateScalar, { description: 'The user’s habit day (see settings.dayStart)' })
  @Column({ type: 'date' })
  localDate: string;

  @Field(() => CheckInStatus)
  @Column({ type: 'varchar', length: 16 })
  status: CheckInStatus;

  @Field(() => Int, { nullable: true, description: 'Optional amount: minutes, pages…' })
  @Column({ type: 'integer', nullable: true })
  value: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Field(() => CheckInSource)
  @Column({ type: 'varchar', length: 16 })
  source: CheckInSource;
}
