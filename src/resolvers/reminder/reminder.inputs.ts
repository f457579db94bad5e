import { IsIn, IsOptional, Length, Matches } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ArgsType, Field, InputType, ObjectType } from 'type-graphql';
import { Reminder, ReminderStatus, ReminderType } from '../../entities/index.js';
import { PageArgs } from '../page.args.js';
import { PageOf } from '../page.type.js';

@InputType()
export class CreateReminderInput {
  @Field(() => ReminderType)
  @IsIn(Object.values(ReminderType))
  type: ReminderType;

  @Field({ description: 'What the notification says, 1…500 characters' })
  @Length(1, 500)
  text: string;

  @Field(() => Date, { nullable: true, description: 'one_time: when it fires (in the future)' })
  triggerAt?: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'recurring: 5-field cron "minute hour day month weekday", e.g. "0 9 * * 1"',
  })
  @IsOptional()
  @Matches(/^[\d*,/\-A-Za-z?LW#\s]{9,120}$/, { message: 'cron must be a 5-field expression' })
  cron?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA timezone; the user’s by default' })
  timezone?: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Any JSON object, size-limited' })
  payload?: Record<string, unknown> | null;
}

@ArgsType()
export class RemindersArgs extends PageArgs {
  @Field(() => ReminderStatus, { nullable: true })
  status?: ReminderStatus | null;

  @Field(() => ReminderType, { nullable: true })
  type?: ReminderType | null;
}

@ObjectType()
export class ReminderPage extends PageOf(Reminder) {}
