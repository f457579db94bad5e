import { IsOptional, IsTimeZone, Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { Language, Platform } from '../../entities/index.js';

@InputType()
export class RegisterChannelAccountInput {
  @Field(() => Platform)
  platform: Platform;

  @Field({ description: 'The user’s id on the platform' })
  @Matches(/^[\w-]{1,64}$/)
  platformUserId: string;

  @Field({ description: 'Where to write to the user' })
  @Matches(/^-?[\w-]{1,64}$/)
  chatId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  displayName?: string | null;

  @Field(() => Language, { nullable: true, description: 'Default ru' })
  language?: Language | null;

  @Field(() => String, { nullable: true, description: 'Default Europe/Moscow' })
  @IsOptional()
  @IsTimeZone()
  timezone?: string | null;
}
