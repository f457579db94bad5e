import { Column, Entity } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../schema/scalars.js';
import { UserOwnedRecord } from './user-owned-record.js';

/**
 * Days off for every habit of the user (neither missed nor counted). Rows, not two columns
 * on the user: the stats of a habit are recomputed from its whole history, so past
 * vacations must stay known after a new one is set.
 */
@ObjectType()
@Entity('vacations')
export class Vacation extends UserOwnedRecord {
  @Field(() => LocalDateScalar, { description: 'First local date off' })
  @Column({ type: 'date' })
  fromDate: string;

  @Field(() => LocalDateScalar, { description: 'Last local date off' })
  @Column({ type: 'date' })
  toDate: string;
}
