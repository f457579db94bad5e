import { Column, Entity, Index } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { GoalStatus } from './enums.js';
import { SmartAnalysis } from './smart-analysis.type.js';
import { LocalDateScalar } from '../schema/scalars.js';
import { EditableUserOwnedRecord } from './user-owned-record.js';

@ObjectType()
@Entity('goals')
@Index(['userId', 'status', 'createdAt'])
export class Goal extends EditableUserOwnedRecord {
  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => GoalStatus)
  @Column({ type: 'varchar', length: 16, default: GoalStatus.ACTIVE })
  status: GoalStatus;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Deadline, a local date' })
  @Column({ type: 'date', nullable: true })
  targetDate: string | null;

  @Field(() => Int, { description: 'Done steps / steps that count (skipped ones do not), 0…100' })
  @Column({ type: 'smallint', default: 0 })
  progress: number;

  @Field({ description: 'True once its steps have been planned into the calendar' })
  @Column({ default: false })
  isScheduled: boolean;

  @Field(() => SmartAnalysis, { nullable: true })
  @Column({ type: 'jsonb', nullable: true })
  smartAnalysis: SmartAnalysis | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
