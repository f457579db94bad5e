import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { User } from '../../entities/index.js';
import { ActingAccount, ActingIdentityIfAny, CurrentUser, Role } from '../../graphql/policies.js';
import type { ChannelIdentity } from '../../services/user.service.js';
import type { Context } from '../../graphql/context.type.js';
import { RegisterChannelAccountInput } from './register-channel-account.input.js';
import { UpdateSettingsInput } from './update-settings.input.js';

@Resolver(() => User)
export class UserResolver {
  @Authorized()
  @Query(() => User, { description: 'The user the caller acts for' })
  me(@CurrentUser() user: User) {
    return user;
  }

  @Authorized()
  @Query(() => Boolean, {
    description: 'Whether the caller is an operator (an ADMIN_IDS identity, an admin token)',
  })
  isOperator(@Ctx() ctx: Context) {
    return 'admin' in ctx.caller && ctx.caller.admin === true;
  }

  @Authorized()
  @Mutation(() => User)
  updateSettings(
    @Arg('input') input: UpdateSettingsInput,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.users.updateSettings(user, input);
  }

  @Authorized(Role.Bot)
  @Query(() => GraphQLJSONObject, {
    nullable: true,
    description: 'Bots only: the dialog in progress with the acting messenger account',
  })
  dialogState(@ActingAccount() account: ChannelIdentity, @Ctx() ctx: Context) {
    return ctx.services.users.dialogState(account);
  }

  @Authorized(Role.Bot)
  @Mutation(() => Boolean, {
    description: 'Bots only: saves (or with null clears) the dialog, so a restart keeps it',
  })
  async setDialogState(
    @Arg('state', () => GraphQLJSONObject, { nullable: true })
    state: Record<string, unknown> | null,
    @ActingAccount() account: ChannelIdentity,
    @Ctx() ctx: Context,
  ) {
    await ctx.services.users.setDialogState(account, state);
    return true;
  }

  @Authorized(Role.Service)
  @Mutation(() => User, {
    description: 'Bots only: the first contact from a messenger user creates the maxOn user',
  })
  registerChannelAccount(
    @Arg('input') input: RegisterChannelAccountInput,
    @ActingIdentityIfAny() actingAs: ChannelIdentity | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.users.registerChannelAccount(input, actingAs);
  }
}
