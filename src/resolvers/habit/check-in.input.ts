import { IsIn, IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { CheckInSource, CheckInStatus } from '../../entities/index.js';
import { LocalDateScalar } from '../../schema/scalars.js';

@InputType()
export class CheckInInput {
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'The habit day: today by default; yesterday stays open until today ends',
  })
  date?: string | null;

  @Field(() => CheckInStatus, { defaultValue: CheckInStatus.DONE })
  status: CheckInStatus = CheckInStatus.DONE;

  @Field(() => Int, { nullable: true, description: 'Optional amount: minutes, pages…' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  value?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 500)
  note?: string | null;

  @Field(() => CheckInSource, {
    defaultValue: CheckInSource.API,
    description: 'Who checked in; SYSTEM is reserved for the end of a day',
  })
  @IsIn([CheckInSource.API, CheckInSource.BOT, CheckInSource.REMINDER], {
    message: 'source must be API, BOT or REMINDER',
  })
  source: CheckInSource = CheckInSource.API;
}
