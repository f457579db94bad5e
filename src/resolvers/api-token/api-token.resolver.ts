import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ApiToken, type User } from '../../entities/index.js';
import { CurrentUser, Role } from '../../graphql/policies.js';
import type { Context } from '../../graphql/context.type.js';
import { CreatedApiToken } from './created-api-token.type.js';

@Authorized()
@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Query(() => [ApiToken])
  apiTokens(@CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.apiTokens.list(user);
  }

  @Authorized(Role.FirstParty)
  @Mutation(() => CreatedApiToken, {
    description: 'Through a bot (the person asks for it); a token cannot mint more tokens',
  })
  createApiToken(
    @Arg('name', { description: '1…100 characters, to recognise the token later' }) name: string,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.apiTokens.create(user, name);
  }

  @Mutation(() => ApiToken)
  revokeApiToken(@Arg('id', () => ID) id: string, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.apiTokens.revoke(user, id);
  }
}
