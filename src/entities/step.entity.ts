import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { StepStatus } from './enums.js';
import { Goal } from './goal.entity.js';
import { EditableRecord } from './base-record.js';

@ObjectType()
@Entity('steps')
@Index(['goalId', 'position'])
export class Step extends EditableRecord {
  @ManyToOne(() => Goal, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'goal_id' })
  goal: Relation<Goal>;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  goalId: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => Int, { description: 'Order inside the goal, from 0' })
  @Column({ type: 'integer' })
  position: number;

  @Field(() => StepStatus)
  @Column({ type: 'varchar', length: 16, default: StepStatus.PENDING })
  status: StepStatus;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  estimatedMinutes: number | null;

  @Field(() => String, { nullable: true, description: 'If-then cue from the coach’s plan' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  ifThenCue: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  plannedStart: Date | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  plannedDurationMinutes: number | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
