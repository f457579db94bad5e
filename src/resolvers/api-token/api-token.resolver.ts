import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ApiToken, ApiTokenScope, type User } from '../../entities/index.js';
import { DomainError } from '../../errors/domain-error.js';
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
  async createApiToken(
    @Arg('name', { description: '1…100 characters, to recognise the token later' }) name: string,
    @Arg('scope', () => ApiTokenScope, {
      defaultValue: ApiTokenScope.USER,
      description: 'ADMIN: an operator token, for an operator only',
    })
    scope: ApiTokenScope,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    const { caller } = ctx;
    if (scope === ApiTokenScope.ADMIN) {
      if (caller.kind !== 'service' || !caller.admin) {
        throw new DomainError('FORBIDDEN', 'Only an operator may create an admin token');
      }
      const created = await ctx.services.apiTokens.create(user, name, scope);
      await ctx.services.audit.record({
        actor: `${caller.identity!.platform}:${caller.identity!.platformUserId}`,
        action: 'admin_token_created',
        targetUserId: user.id,
        details: { tokenId: created.apiToken.id },
      });
      return created;
    }
    return ctx.services.apiTokens.create(user, name);
  }

  @Mutation(() => ApiToken)
  revokeApiToken(@Arg('id', () => ID) id: string, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.apiTokens.revoke(user, id);
  }
}
