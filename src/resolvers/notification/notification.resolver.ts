import { filter, map, pipe } from '@graphql-yoga/subscription';
import { Max, Min } from 'class-validator';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import {
  DeliveryChannel,
  Notification,
  NotificationStatus,
  Platform,
  SnoozePreset,
  type User,
} from '../../entities/index.js';
import { CurrentUser, NotificationScopeOfCaller, Role } from '../../graphql/policies.js';
import type { Context } from '../../graphql/context.type.js';
import type { NotificationScope } from '../../services/notifications/notification.service.js';
import { PageArgs } from '../page.args.js';
import { pageComplexity, PageOf, readPage } from '../page.type.js';

@ObjectType()
class NotificationPage extends PageOf(Notification) {}

@ArgsType()
class SnoozeArgs {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { nullable: true, description: 'Snooze for 1…10080 minutes, or…' })
  @Min(1)
  @Max(7 * 24 * 60)
  minutes?: number | null;

  @Field(() => SnoozePreset, { nullable: true, description: '…choose a preset' })
  preset?: SnoozePreset | null;
}

const CHANNEL_OF: Record<Platform, DeliveryChannel> = {
  [Platform.TELEGRAM]: DeliveryChannel.TELEGRAM,
  [Platform.MAX]: DeliveryChannel.MAX,
  [Platform.WEB]: DeliveryChannel.WEB,
};
const channelOf = (platform: Platform) => CHANNEL_OF[platform];

@Resolver(() => Notification)
export class NotificationResolver {
  @Authorized(Role.Service)
  @Query(() => [Notification], {
    description:
      'For a bot at start-up: notifications to send now on its platform (each counts as an offer)',
  })
  pendingNotifications(
    @Arg('platform', () => Platform) platform: Platform,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.notifications.pending(
      channelOf(platform),
      Math.min(Math.max(limit, 1), 500),
    );
  }

  @Authorized(Role.Service)
  @Subscription(() => Notification, {
    description: 'For a bot: each notification to send on its platform, as it becomes due',
    subscribe: ({ args, context }) => {
      const { pubsub, services } = context as Context;
      return pipe(
        pubsub.subscribe('NOTIFICATION_READY', channelOf(args.platform as Platform)),
        map((ready) => services.notifications.getForOffer(ready.notificationId)),
        filter((row): row is Notification => row?.status === NotificationStatus.PENDING),
      );
    },
  })
  notifications(
    @Arg('platform', () => Platform) _platform: Platform,
    @Root() notification: Notification,
  ): Notification {
    return notification;
  }

  @Authorized()
  @Query(() => NotificationPage, {
    description: 'The caller’s notifications, newest first',
    complexity: pageComplexity,
  })
  notificationHistory(@Args() page: PageArgs, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return readPage(page, (range) => ctx.services.notifications.listForUser(user, range));
  }

  @Mutation(() => Notification, {
    description: 'Confirms delivery; it is not offered again. Acknowledging twice is harmless.',
  })
  acknowledgeNotification(
    @Arg('id', () => ID) id: string,
    @NotificationScopeOfCaller() scope: NotificationScope,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.notifications.acknowledge(scope, id);
  }

  @Authorized()
  @Mutation(() => Notification, {
    description:
      'Acknowledges it and sends it again later (the copy is returned). A series never shifts.',
  })
  snoozeNotification(@Args() args: SnoozeArgs, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.notifications.snooze(user, args.id, args);
  }
}
