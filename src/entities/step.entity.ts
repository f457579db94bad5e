import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { StepStatus } from './enums.js';
import { Goal } from './goal.entity.js';

@ObjectType()
@Entity('steps')
@Index(['goalId', 'position'])
export class Step {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

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

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  plannedStart: Date | null;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  plannedDurationMinutes: number | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
