import { Column, Entity, Index } from 'typeorm';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { UserOwnedRecord } from './user-owned-record.js';

export enum ApiTokenScope {
  /** Acts for its owner only. */
  USER = 'user',
  /** Also the operator operations, while its owner is an admin (ADMIN_IDS). */
  ADMIN = 'admin',
}
registerEnumType(ApiTokenScope, { name: 'ApiTokenScope' });

/** A personal token for third-party integrations. Only its SHA-256 hash is stored. */
@ObjectType()
@Entity('api_tokens')
export class ApiToken extends UserOwnedRecord {
  @Field()
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Index({ unique: true })
  @Column({ type: 'char', length: 64, select: false })
  tokenHash: string;

  @Field({ description: 'The first characters of the token, to tell tokens apart' })
  @Column({ type: 'varchar', length: 16 })
  tokenPrefix: string;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Field(() => ApiTokenScope)
  @Column({ type: 'varchar', length: 16, default: ApiTokenScope.USER })
  scope: ApiTokenScope;
}
