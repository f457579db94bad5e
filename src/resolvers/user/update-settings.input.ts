import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsOptional,
  IsTimeZone,
  Max,
  Min,
} from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { Language } from '../../entities/index.js';
import { LocalTimeScalar } from '../../schema/scalars.js';
import { DAY_START_LATEST } from '../../services/user.service.js';

@InputType({ description: 'Only the fields given change; quiet hours: null clears them' })
export class UpdateSettingsInput {
  @Field(() => String, { nullable: true, description: 'IANA timezone, e.g. America/New_York' })
  @IsOptional()
  @IsTimeZone()
  timezone?: string | null;

  @Field(() => Language, { nullable: true })
  language?: Language | null;

  @Field(() => Boolean, { nullable: true })
  notificationsEnabled?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  eventRemindersEnabled?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  habitRemindersEnabled?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  deadlineWarningsEnabled?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  overdueStepRemindersEnabled?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  morningDigestEnabled?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  weeklyReviewEnabled?: boolean | null;

  @Field(() => LocalTimeScalar, { nullable: true })
  digestTime?: string | null;

  @Field(() => LocalTimeScalar, { nullable: true })
  deadlineCheckTime?: string | null;

  @Field(() => LocalTimeScalar, { nullable: true })
  eveningNudgeTime?: string | null;

  @Field(() => LocalTimeScalar, { nullable: true })
  quietHoursStart?: string | null;

  @Field(() => LocalTimeScalar, { nullable: true })
  quietHoursEnd?: string | null;

  @Field(() => LocalTimeScalar, { nullable: true })
  workDayStart?: string | null;

  @Field(() => LocalTimeScalar, { nullable: true })
  workDayEnd?: string | null;

  @Field(() => LocalTimeScalar, {
    nullable: true,
    description: `Start of the habit day, ${DAY_START_LATEST} at the latest`,
  })
  dayStart?: string | null;

  @Field(() => [Int], { nullable: true, description: 'ISO weekdays 1 (Monday) … 7 (Sunday)' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  workDays?: number[] | null;

  @Field(() => [Int], {
    nullable: true,
    description: 'Reminder offsets for new events, minutes before the start; [] = none',
  })
  @IsOptional()
  @ArrayMaxSize(5)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(40_320, { each: true })
  defaultReminderMinutes?: number[] | null;
}
