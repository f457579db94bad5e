import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { AuditEvent, Language } from '../../entities/index.js';
import type { AdminUserData } from '../../services/admin/admin.service.js';
import { OperatorActor, Role } from '../../graphql/policies.js';
import type { Context } from '../../graphql/context.type.js';
import { AdminStats, AdminUser, BroadcastProgress } from './admin.types.js';

const toAdminUser = ({ user, accounts, goals, events, reminders }: AdminUserData): AdminUser => ({
  id: user.id,
  displayName: user.displayName,
  language: user.settings.language,
  createdAt: user.createdAt,
  lastActiveAt: user.lastActiveAt,
  blockedAt: user.blockedAt,
  blockedReason: user.blockedReason,
  accounts,
  goals,
  events,
  reminders,
});

/** Operator tools (ADMIN_IDS identities through the bots, or an admin-scoped API token). */
@Authorized(Role.Admin)
@Resolver()
export class AdminResolver {
  @Query(() => AdminStats)
  adminStats(@Ctx() ctx: Context) {
    return ctx.services.admin.stats();
  }

  @Query(() => AdminUser, {
    nullable: true,
    description: 'By user id, or by messenger identity ("telegram:123", "max:456")',
  })
  async adminUser(@Arg('query') query: string, @Ctx() ctx: Context) {
    const found = await ctx.services.admin.lookup(query);
    return found && toAdminUser(found);
  }

  @Query(() => [AdminUser], {
    description:
      'Up to 10 users by id, messenger identity, bare messenger id (any platform) or display name',
  })
  async adminUsers(@Arg('query') query: string, @Ctx() ctx: Context) {
    return (await ctx.services.admin.search(query)).map(toAdminUser);
  }

  @Mutation(() => AdminUser, {
    description:
      'The API refuses their operations (FORBIDDEN), the bots answer one line, notifications stop',
  })
  async blockUser(
    @Arg('userId', () => ID) userId: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @OperatorActor() actor: string,
    @Ctx() ctx: Context,
  ) {
    return toAdminUser(await ctx.services.admin.block(actor, userId, reason ?? null));
  }

  @Mutation(() => AdminUser)
  async unblockUser(
    @Arg('userId', () => ID) userId: string,
    @OperatorActor() actor: string,
    @Ctx() ctx: Context,
  ) {
    return toAdminUser(await ctx.services.admin.unblock(actor, userId));
  }

  @Mutation(() => BroadcastProgress, {
    description: 'A message to every user, or to those of one language, sent at the bots’ pace',
  })
  startBroadcast(
    @Arg('text') text: string,
    @Arg('language', () => Language, { nullable: true }) language: Language | null,
    @OperatorActor() actor: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.broadcasts.start(actor, text, language ?? null);
  }

  @Query(() => Int, { description: 'How many users a broadcast to this language would reach' })
  broadcastAudience(
    @Arg('language', () => Language, { nullable: true }) language: Language | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.broadcasts.audience(language ?? null);
  }

  @Query(() => BroadcastProgress)
  broadcast(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.broadcasts.get(id);
  }

  @Mutation(() => BroadcastProgress, { description: 'Stops what is not delivered yet' })
  cancelBroadcast(
    @Arg('id', () => ID) id: string,
    @OperatorActor() actor: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.broadcasts.cancel(actor, id);
  }

  @Query(() => [AuditEvent], { description: 'The audit log, newest first' })
  auditEvents(
    @Arg('limit', () => Int, { defaultValue: 20 }) limit: number,
    @Arg('userId', () => ID, { nullable: true }) userId: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.audit.list(Math.min(Math.max(limit, 1), 100), userId);
  }
}
