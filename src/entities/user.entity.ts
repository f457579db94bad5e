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
}
