import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Reminder, ReminderAudit, type User } from '../../entities/index.js';
import { actorOf } from '../../graphql/actor.js';
import { CurrentUser } from '../../graphql/policies.js';
import type { Context } from '../../graphql/context.type.js';
import { PageArgs } from '../page.args.js';
import { pageComplexity } from '../page.type.js';
import { CreateReminderInput, ReminderPage, RemindersArgs } from './reminder.inputs.js';

@Authorized()
@Resolver(() => Reminder)
export class ReminderResolver {
  @Query(() => Reminder)
  reminder(@Arg('id', () => ID) id: string, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.reminders.get(user, id);
  }

  @Query(() => ReminderPage, {
    complexity: pageComplexity,
  })
  reminders(@Args() args: RemindersArgs, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.reminders.list(user, args);
  }

  @Mutation(() => Reminder)
  createReminder(
    @Arg('input') input: CreateReminderInput,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.reminders.create(user, actorOf(ctx.caller), input);
  }

  @Mutation(() => Reminder)
  pauseReminder(@Arg('id', () => ID) id: string, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.reminders.pause(user, actorOf(ctx.caller), id);
  }

  @Mutation(() => Reminder)
  resumeReminder(@Arg('id', () => ID) id: string, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.reminders.resume(user, actorOf(ctx.caller), id);
  }

  @Mutation(() => Reminder)
  cancelReminder(@Arg('id', () => ID) id: string, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.reminders.cancel(user, actorOf(ctx.caller), id);
  }

  @Mutation(() => ID)
  deleteReminder(@Arg('id', () => ID) id: string, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.reminders.delete(user, actorOf(ctx.caller), id);
  }

  @FieldResolver(() => [ReminderAudit], {
    description: 'Who created, changed or fired it, oldest first, a page at a time',
    complexity: pageComplexity,
  })
  history(
    @Root() reminder: Reminder,
    @Args() page: PageArgs,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.reminders.history(user, reminder.id, page);
  }
}
