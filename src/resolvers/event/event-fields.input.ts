import {
  ArrayMaxSize,
  IsInt,
  IsOptional,
  IsTimeZone,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsTitle } from '../title.validator.js';
import { Field, ID, InputType, Int } from 'type-graphql';
import { EventKind } from '../../entities/index.js';

/** Fields shared by creating and updating an event; only the ones given are applied. */
@InputType()
export class EventFieldsInput {
  @Field(() => String, { nullable: true, description: 'IANA timezone; default: the user’s' })
  @IsOptional()
  @IsTimeZone()
  timezone?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'All-day events start at local midnight' })
  allDay?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Default 60, or a day when allDay' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20_160)
  durationMinutes?: number | null;

  @Field(() => String, { nullable: true, description: 'RRULE, e.g. FREQ=WEEKLY;BYDAY=MO,WE' })
  @IsOptional()
  @MaxLength(500)
  recurrence?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  notes?: string | null;

  @Field(() => EventKind, { nullable: true })
  kind?: EventKind | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  goalId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  stepId?: string | null;

  @Field(() => [Int], {
    nullable: true,
    description: 'Minutes before each occurrence; default [15]',
  })
  @IsOptional()
  @ArrayMaxSize(5)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(40_320, { each: true })
  reminderMinutesBefore?: number[] | null;

  @Field(() => Boolean, { nullable: true })
  reminderEnabled?: boolean | null;
}

@InputType()
export class CreateEventInput extends EventFieldsInput {
  @Field()
  @IsTitle()
  title: string;

  @Field({ description: 'Start instant with offset, e.g. 2026-03-10T10:00:00+03:00' })
  start: Date;
}

@InputType()
export class UpdateEventInput extends EventFieldsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTitle()
  title?: string | null;

  @Field(() => Date, { nullable: true })
  start?: Date | null;
}
