import { Authorized, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { User } from '../../entities/index.js';
import type { Context } from '../../graphql/context.type.js';
import { CurrentUser, Role } from '../../graphql/policies.js';

@ObjectType({ description: 'A one-time link that opens a web session for the user' })
export class WebSignInLink {
  @Field()
  url: string;

  @Field()
  expiresAt: Date;
}

@Resolver()
export class WebSignInResolver {
  @Authorized(Role.Bot)
  @Mutation(() => WebSignInLink, {
    description: 'Bots only: a short-lived, single-use link to the web client for the acting user',
  })
  createWebSignInLink(@CurrentUser() user: User, @Ctx() ctx: Context): Promise<WebSignInLink> {
    return ctx.services.webAuth.createLinkUrl(user);
  }
}
