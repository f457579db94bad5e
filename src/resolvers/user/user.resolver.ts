import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { User } from '../../entities/index.js';
import { CurrentUser, Role } from '../../graphql/auth-checker.js';
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
  @Mutation(() => User)
  updateSettings(
    @Arg('input') input: UpdateSettingsInput,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.users.updateSettings(user, input);
  }

  @Authorized(Role.Service)
  @Mutation(() => User, {
    description: 'Bots only: the first contact from a messenger user creates the maxOn user',
  })
  registerChannelAccount(@Arg('input') input: RegisterChannelAccountInput, @Ctx() ctx: Context) {
    return ctx.services.users.registerChannelAccount(input);
  }
}
