import { Arg, Authorized, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { User } from '../../entities/index.js';
import type { Context } from '../../graphql/context.type.js';
import { CurrentUser } from '../../graphql/policies.js';

@ObjectType({ description: 'A PNG picture behind a short-lived signed URL' })
export class Picture {
  @Field({
    description:
      'Path relative to the API’s origin (GET, no credentials needed); image/png. It stops ' +
      'working at expiresAt: ask again for a fresh one',
  })
  url: string;

  @Field()
  expiresAt: Date;
}

@Authorized()
@Resolver()
export class PictureResolver {
  @Query(() => Picture, { description: 'The habit’s last 12 weeks as a calendar heatmap' })
  habitHeatmap(
    @Arg('habitId', () => ID) habitId: string,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ): Promise<Picture> {
    return ctx.services.pictures.habitHeatmapUrl(user, habitId);
  }

  @Query(() => Picture, { description: 'The goal’s steps done against the plan, over time' })
  goalProgressChart(
    @Arg('goalId', () => ID) goalId: string,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ): Promise<Picture> {
    return ctx.services.pictures.goalProgressUrl(user, goalId);
  }
}
