import { Column, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { ObjectType } from 'type-graphql';
import { BaseRecord, EditableRecord } from './base-record.js';
import { User } from './user.entity.js';

// Apart from base-record.ts because User itself extends EditableRecord: importing User there
// would make the two modules import each other.

/**
 * A record that belongs to one user: the `user` relation (deleted with the user) and its
 * `userId` column, indexed on its own. Services filter every read by `userId`.
 * Not a GraphQL field: an entity that shows it overrides `userId` with `@Field`.
 */
@ObjectType()
export abstract class UserOwnedRecord extends BaseRecord {
  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id' })
  user: Relation<User>;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;
}

/**
 * An edited record that belongs to one user, as `UserOwnedRecord`. Its lists are read per
 * user in some order, so instead of an index on `userId` alone each entity declares a
 * composite index that starts with `userId` (e.g. `['userId', 'status', 'createdAt']`).
 */
@ObjectType()
export abstract class EditableUserOwnedRecord extends EditableRecord {
  @ManyToOne(() => User, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'user_id' })
  user: Relation<User>;

  @Column({ type: 'uuid' })
  userId: string;
}
