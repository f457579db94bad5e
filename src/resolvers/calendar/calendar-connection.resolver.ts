import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { CalendarConnection, ExternalBusyInterval, type User } from '../../entities/index.js';
import { CurrentUser } from '../../graphql/policies.js';
import type { Context } from '../../graphql/context.type.js';
import { connectionStatusText } from '../../services/calendar-sync/status-text.js';
import { ConnectCalDavInput } from './connect-caldav.input.js';
import { ConnectionCalendar } from './connection-calendar.type.js';

@Authorized()
@Resolver(() => CalendarConnection)
export class CalendarConnectionResolver {
  @Query(() => [CalendarConnection], { description: 'External calendars the user connected' })
  calendarConnections(@CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.calendarConnections.list(user);
  }

  @Query(() => [ExternalBusyInterval], {
    description: 'Busy time from external calendars overlapping [from, to)',
    complexity: 20,
  })
  externalBusy(
    @Arg('from') from: Date,
    @Arg('to') to: Date,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.calendarSync.busy(user, from, to);
  }

  @Mutation(() => CalendarConnection, {
    description: 'Subscribes to an external calendar by its ICS address (https://, webcal://)',
  })
  subscribeIcsCalendar(
    @Arg('url') url: string,
    @Arg('name', () => String, { nullable: true }) name: string | null,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.calendarSync.connectIcs(user, url, name);
  }

  @Mutation(() => CalendarConnection, {
    description:
      'Connects a CalDAV account (Yandex, iCloud, Nextcloud); the login is checked first',
  })
  connectCalDavCalendar(
    @Arg('input') input: ConnectCalDavInput,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.calendarAccounts.connectCalDav(user, input);
  }

  @Query(() => String, {
    nullable: true,
    description: 'A ten-minute link that connects Google Calendar; null when Google is not set up',
  })
  googleCalendarConnectUrl(@CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.googleOAuth.enabled ? ctx.services.googleOAuth.startUrl(user) : null;
  }

  @Query(() => [ConnectionCalendar], {
    description: 'The calendars of a connection (asked from the provider), with the choice',
  })
  connectionCalendars(
    @Arg('id', () => ID) id: string,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.calendarAccounts.calendarsOf(user, id);
  }

  @Mutation(() => CalendarConnection, {
    description: 'Which calendars count as busy time, and the one maxOn writes to (null: none)',
  })
  chooseConnectionCalendars(
    @Arg('id', () => ID) id: string,
    @Arg('busyCalendarIds', () => [String]) busyCalendarIds: string[],
    @Arg('writeCalendarId', () => String, { nullable: true }) writeCalendarId: string | null,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.calendarAccounts.choose(user, id, { busyCalendarIds, writeCalendarId });
  }

  @Mutation(() => CalendarConnection, { description: 'Runs a sync pass now' })
  syncCalendarConnection(
    @Arg('id', () => ID) id: string,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.calendarSync.syncNow(user, id);
  }

  @Mutation(() => ID, {
    description: 'Stops syncing and forgets its busy time (a Google grant is revoked)',
  })
  async disconnectCalendarConnection(
    @Arg('id', () => ID) id: string,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    await ctx.services.calendarAccounts.disconnect(user, id);
    return id;
  }

  @FieldResolver(() => String, {
    description: 'The status in the user’s language: "синхронизировано 2 мин назад"…',
  })
  statusText(@Root() connection: CalendarConnection, @CurrentUser() user: User) {
    return connectionStatusText(connection, user.settings.language);
  }
}
