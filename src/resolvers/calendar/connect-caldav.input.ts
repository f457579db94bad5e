import { IsOptional, MaxLength, MinLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

/** A CalDAV login: server address, username and an app password (stored sealed). */
@InputType()
export class ConnectCalDavInput {
  @Field({ description: 'The CalDAV server, e.g. https://caldav.yandex.ru' })
  @MaxLength(2000)
  url: string;

  @Field()
  @MinLength(1)
  @MaxLength(200)
  username: string;

  @Field({ description: 'An app password (never the account’s own one)' })
  @MinLength(1)
  @MaxLength(200)
  password: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  name?: string | null;
}
