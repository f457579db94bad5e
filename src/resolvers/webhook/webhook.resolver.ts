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
import { Webhook, WebhookDelivery, type User } from '../../entities/index.js';
import { CurrentUser } from '../../graphql/policies.js';
import type { Context } from '../../graphql/context.type.js';

@ObjectType()
class RegisteredWebhook {
  @Field(() => Webhook)
  webhook: Webhook;

  @Field({
    description:
      'HMAC-SHA256 key, shown only now. Each POST carries x-maxon-timestamp and ' +
      'x-maxon-signature = "sha256=" + hex(HMAC(secret, timestamp + "." + body))',
  })
  secret: string;
}

@Authorized()
@Resolver()
export class WebhookResolver {
  @Query(() => [Webhook])
  webhooks(@CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.webhooks.list(user);
  }

  @Query(() => [WebhookDelivery], { description: 'Every POST of one notification' })
  webhookDeliveries(
    @Arg('notificationId', () => ID) notificationId: string,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.webhooks.deliveries(user, notificationId);
  }

  @Mutation(() => RegisteredWebhook, {
    description: 'Notifications are also POSTed to this HTTPS URL, signed',
  })
  registerWebhook(@Arg('url') url: string, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.webhooks.register(user, url);
  }

  @Mutation(() => ID)
  deleteWebhook(@Arg('id', () => ID) id: string, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.webhooks.delete(user, id);
  }
}
