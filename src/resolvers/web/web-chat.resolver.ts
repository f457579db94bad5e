import { Repeater, SlidingBuffer } from '@repeaterjs/repeater';
import { Authorized, Field, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { ResolverData, SubscribeResolverData } from 'type-graphql';
import type { User } from '../../entities/index.js';
import { DomainError } from '../../errors/domain-error.js';
import type { Context } from '../../graphql/context.type.js';
import { authChecker, Role } from '../../graphql/policies.js';
import type { WebEvent } from '../../graphql/web-chat-feed.js';
import type { UserChange } from '../../pubsub.js';
import { toWebChatEvent, WebChatEvent } from './web-chat.types.js';

@ObjectType({ description: 'Something of the caller’s changed: reload what shows it' })
export class UserChanged implements UserChange {
  @Field({
    description: 'DATA: a change the caller (or a bot for them) made; NOTIFICATION: one fired',
  })
  reason: 'DATA' | 'NOTIFICATION';

  @Field()
  changedAt: Date;
}

/**
 * type-graphql checks `@Authorized` on each event, not when subscribing: the same policy,
 * checked before anything is opened. A third party's token has no chat or live pages.
 */
function firstPartyUser(context: Context): User {
  authChecker({ context } as ResolverData<Context>, [Role.FirstParty]);
  return context.user!;
}

/** A page that falls this far behind loses the oldest events, not the connection. */
const PAGE_BUFFER = 500;

/** The web client's live side (its page subscribes over graphql-ws with the session cookie). */
@Resolver()
export class WebChatResolver {
  @Authorized(Role.FirstParty)
  @Subscription(() => WebChatEvent, {
    description:
      'The caller’s web chat with maxOn: the recent messages, then each new or edited one, toasts and typing',
    subscribe: async ({ context }: SubscribeResolverData<unknown, object, unknown>) => {
      const ctx = context as Context;
      const user = firstPartyUser(ctx);
      const feed = ctx.webChat;
      if (!feed) throw new DomainError('NOT_FOUND', 'The web client is not served here');
      const { platformUserId } = await ctx.services.webAuth.webIdentity(user);
      return new Repeater<WebEvent>(async (push, stop) => {
        const close = feed.listen(platformUserId, (event) => void push(event));
        await stop;
        close();
      }, new SlidingBuffer(PAGE_BUFFER));
    },
  })
  webChat(@Root() event: WebEvent): WebChatEvent {
    return toWebChatEvent(event);
  }

  @Authorized(Role.FirstParty)
  @Subscription(() => UserChanged, {
    description:
      'Each time something of the caller’s changed (goals, steps, events, habits, settings) or a notification fired',
    subscribe: ({ context }: SubscribeResolverData<unknown, object, unknown>) => {
      const ctx = context as Context;
      return ctx.pubsub.subscribe('USER_CHANGED', firstPartyUser(ctx).id);
    },
  })
  userChanged(@Root() change: UserChange): UserChange {
    return change;
  }
}
