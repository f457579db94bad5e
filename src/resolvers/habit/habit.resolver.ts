import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Habit, HabitCheckIn, type User } from '../../entities/index.js';
import { CurrentUser } from '../../graphql/policies.js';
import type { Context } from '../../graphql/context.type.js';
import { LocalDateScalar } from '../../schema/scalars.js';
import { pageComplexity, readPage } from '../page.type.js';
import { CreateHabitInput } from './create-habit.input.js';
import { HabitPage } from './habit-page.type.js';
import { HabitCompletionRates } from './habit-results.type.js';
import { HabitsArgs } from './habits.args.js';
import { UpdateHabitInput } from './update-habit.input.js';

/** Check-ins a history range is expected to hold, for query complexity. */
const CHECK_INS_ESTIMATE = 30;

@Authorized()
@Resolver(() => Habit)
export class HabitResolver {
  @Query(() => HabitPage, {
    description: 'The caller’s habits, newest first',
    complexity: pageComplexity,
  })
  async habits(@Args() args: HabitsArgs, @CurrentUser() user: User, @Ctx() ctx: Context) {
    const filter = { status: args.status ?? null, goalId: args.goalId ?? null };
    const page = await readPage(args, (range) => ctx.services.habits.list(user, filter, range));
    return Object.assign(new HabitPage(), page, { filter });
  }

  @Query(() => Habit)
  habit(@Arg('id', () => ID) id: string, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.habits.get(user, id);
  }

  @Mutation(() => Habit)
  createHabit(
    @Arg('input') input: CreateHabitInput,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.habits.create(user, input);
  }

  @Mutation(() => Habit)
  updateHabit(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateHabitInput,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.habits.update(user, id, input);
  }

  @Mutation(() => Habit, {
    description: 'From today on: paused days are neither missed nor counted',
  })
  pauseHabit(@Arg('id', () => ID) id: string, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.habits.pause(user, id);
  }

  @Mutation(() => Habit, { description: 'Today counts again' })
  resumeHabit(@Arg('id', () => ID) id: string, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.habits.resume(user, id);
  }

  @Mutation(() => Habit)
  archiveHabit(@Arg('id', () => ID) id: string, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.habits.archive(user, id);
  }

  @Mutation(() => ID, { description: 'Deletes the habit with its check-ins' })
  deleteHabit(@Arg('id', () => ID) id: string, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.habits.delete(user, id);
  }

  @FieldResolver(() => HabitCompletionRates, { complexity: 5 })
  completionRates(@Root() habit: Habit, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.habitCheckIns.completionRates(user, habit);
  }

  @FieldResolver(() => [HabitCheckIn], {
    description: 'Check-ins of the local dates [from, to] (at most 366 days), oldest first',
    complexity: ({ childComplexity }) => 1 + CHECK_INS_ESTIMATE * childComplexity,
  })
  checkIns(
    @Root() habit: Habit,
    @Arg('from', () => LocalDateScalar) from: string,
    @Arg('to', () => LocalDateScalar) to: string,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.habitCheckIns.history(user, habit, from, to);
  }
}

@Authorized()
@Resolver(() => HabitPage)
export class HabitPageResolver {
  @FieldResolver(() => Int, { description: 'All habits matching the filter (one extra query)' })
  totalCount(@Root() page: HabitPage, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.habits.count(user, page.filter);
  }
}
