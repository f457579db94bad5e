import { Column, Entity } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EditableRecord } from './base-record.js';
import { Language } from './enums.js';

export enum BroadcastStatus {
  RUNNING = 'running',
  DONE = 'done',
  CANCELLED = 'cancelled',
}
registerEnumType(BroadcastStatus, { name: 'BroadcastStatus' });

/**
 * An operator's message to every user (or those of one language), written as notifications a
 * batch a second by the broadcast job (`cursor`: the last user id written), so the bots'
 * global send limits hold and a cancel stops what is not written yet.
 */
@ObjectType()
@Entity('broadcasts')
export class Broadcast extends EditableRecord {
  @Field()
  @Column({ type: 'varchar', length: 120 })
  actor: string;

  @Field()
  @Column({ type: 'text' })
  text: string;

  @Field(() => Language, {
    nullable: true,
    description: 'Only users of this language; all when null',
  })
  @Column({ type: 'varchar', length: 2, nullable: true })
  language: Language | null;

  @Field(() => BroadcastStatus)
  @Column({ type: 'varchar', length: 16 })
  status: BroadcastStatus;

  @Field(() => Int, { description: 'Users it is for (counted at the start)' })
  @Column({ type: 'integer' })
  total: number;

  @Field(() => Int, { description: 'Users whose notifications are written' })
  @Column({ type: 'integer', default: 0 })
  written: number;

  @Column({ type: 'uuid', nullable: true })
  cursor: string | null;
}
