import {
  Arg,
  Authorized,
  Ctx,
  Field,
  ID,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import { CalendarFeed, type User } from '../../entities/index.js';
import { CurrentUser } from '../../graphql/policies.js';
import type { Context } from '../../graphql/context.type.js';

@ObjectType()
class CreatedCalendarFeed {
  @Field(() => CalendarFeed)
  feed: CalendarFeed;

  @Field({ description: 'The secret iCalendar address: shown this once, never again' })
  url: string;
}

@Authorized()
@Resolver()
export class CalendarFeedResolver {
  @Query(() => CalendarFeed, { nullable: true, description: 'The active ICS feed, if any' })
  calendarFeed(@CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.calendarFeeds.active(user);
  }

  @Mutation(() => CreatedCalendarFeed, {
    description: 'A new secret ICS feed address; the previous one stops working (rotation)',
  })
  createCalendarFeed(@CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.calendarFeeds.create(user);
  }

  @Mutation(() => CalendarFeed)
  revokeCalendarFeed(
    @Arg('id', () => ID) id: string,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.calendarFeeds.revoke(user, id);
  }
}
