import { Column, Entity, Index } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { EditableRecord } from './base-record.js';

@ObjectType()
export class ProposedStep {
  @Field()
  title: string;

  @Field(() => Int)
  estimatedMinutes: number;

  @Field({ description: 'If-then cue: "если понедельник 7:00 — пробежка 20 минут"' })
  ifThenCue: string;
}

/** A step plan the coach proposed for a goal; its steps are created when the user accepts. */
@ObjectType()
@Entity('plan_proposals')
@Index(['goalId', 'createdAt'])
export class PlanProposal extends EditableRecord {
  @Column({ type: 'uuid' })
  userId: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  goalId: string;

  @Field(() => [ProposedStep])
  @Column({ type: 'jsonb' })
  steps: ProposedStep[];

  @Field({ description: 'model, or offline:<template>' })
  @Column({ type: 'varchar', length: 40 })
  source: string;

  @Field({ description: 'proposed, accepted or discarded' })
  @Column({ type: 'varchar', length: 16, default: 'proposed' })
  status: string;
}
