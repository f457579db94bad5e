import { Column, Entity } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { UserSettings } from './user-settings.embedded.js';
import { EditableRecord } from './base-record.js';

@ObjectType()
@Entity('users')
export class User extends EditableRecord {
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  displayName: string | null;

  @Field(() => UserSettings)
  @Column(() => UserSettings, { prefix: false })
  settings: UserSettings;

  /** Set by an operator: the API refuses the user's operations and their notifications stop. */
  @Column({ type: 'timestamptz', nullable: true })
  blockedAt: Date | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  blockedReason: string | null;

  /** The last request made for the user (refreshed at most every few minutes), for stats. */
  @Column({ type: 'timestamptz', nullable: true })
  lastActiveAt: Date | null;
}
