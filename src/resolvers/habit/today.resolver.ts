import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { User } from '../../entities/index.js';
import type { Context } from '../../graphql/context.type.js';
import { CurrentUser } from '../../graphql/policies.js';
import { toLocalIso } from '../../services/timezone.js';
import { Today } from './today.type.js';

/** Items of each list of the day a client is expected to ask for, for query complexity. */
const TODAY_ITEMS_ESTIMATE = 100;

@Authorized()
@Resolver()
export class TodayResolver {
  @Query(() => Today, {
    description: 'One view of the caller’s day: habits due, steps planned, events',
    complexity: ({ childComplexity }) => 1 + TODAY_ITEMS_ESTIMATE + childComplexity,
  })
  async today(@CurrentUser() user: User, @Ctx() ctx: Context): Promise<Today> {
    const view = await ctx.services.today.view(user);
    const events = view.events.map((occurrence) => ({
      ...occurrence,
      startLocal: toLocalIso(occurrence.start, user.settings.timezone),
    }));
    return { ...view, events };
  }
}
