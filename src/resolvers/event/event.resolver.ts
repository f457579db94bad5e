import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Event, Goal, Step, type User } from '../../entities/index.js';
import { CurrentUser } from '../../graphql/policies.js';
import type { Context } from '../../graphql/context.type.js';
import { toLocalIso } from '../../services/timezone.js';
import { CreateEventInput, UpdateEventInput } from './event-fields.input.js';
import { EventOccurrence } from './event-occurrence.type.js';

/** Estimated occurrences in a range, for query complexity. */
const OCCURRENCES_ESTIMATE = 30;

@Authorized()
@Resolver(() => Event)
export class EventResolver {
  @Query(() => [EventOccurrence], {
    description: 'Occurrences overlapping [from, to), recurring events expanded',
    complexity: ({ childComplexity }) => 1 + OCCURRENCES_ESTIMATE * childComplexity,
  })
  async events(
    @Arg('from') from: Date,
    @Arg('to') to: Date,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ): Promise<EventOccurrence[]> {
    const occurrences = await ctx.services.events.occurrences(user, from, to);
    return occurrences.map((occurrence) => ({
      ...occurrence,
      startLocal: toLocalIso(occurrence.start, user.settings.timezone),
    }));
  }

  @Query(() => Event)
  event(@Arg('id', () => ID) id: string, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.events.get(user, id);
  }

  @Mutation(() => Event)
  createEvent(
    @Arg('input') input: CreateEventInput,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.events.create(user, input);
  }

  @Mutation(() => Event)
  updateEvent(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateEventInput,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.events.update(user, id, input);
  }

  @Mutation(() => ID)
  deleteEvent(@Arg('id', () => ID) id: string, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.events.delete(user, id);
  }

  @FieldResolver(() => Goal, { nullable: true })
  goal(@Root() event: Event, @Ctx() ctx: Context) {
    return event.goalId ? ctx.loaders.goalByIdLoader.load(event.goalId) : null;
  }

  @FieldResolver(() => Step, { nullable: true })
  step(@Root() event: Event, @Ctx() ctx: Context) {
    return event.stepId ? ctx.loaders.stepByIdLoader.load(event.stepId) : null;
  }
}
