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
import { Goal, Step, type User } from '../../entities/index.js';
import { CurrentUser } from '../../graphql/policies.js';
import type { Context } from '../../graphql/context.type.js';
import { CreateGoalInput } from './create-goal.input.js';
import { GoalPage } from './goal-page.type.js';
import { GoalsArgs } from './goals.args.js';
import { pageComplexity, pageOf } from '../page.type.js';
import { UpdateGoalInput } from './update-goal.input.js';

/** Estimated steps per goal, for query complexity. */
const STEPS_PER_GOAL_ESTIMATE = 10;

@Authorized()
@Resolver(() => Goal)
export class GoalResolver {
  @Query(() => GoalPage, {
    description: 'The caller’s goals, newest first',
    complexity: pageComplexity,
  })
  async goals(@Args() args: GoalsArgs, @CurrentUser() user: User, @Ctx() ctx: Context) {
    const { items, hasMore } = await ctx.services.goals.list(user, args);
    return Object.assign(new GoalPage(), pageOf(items, hasMore, args), {
      status: args.status ?? null,
    });
  }

  @Query(() => Goal)
  goal(@Arg('id', () => ID) id: string, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.goals.get(user, id);
  }

  @Mutation(() => Goal)
  createGoal(@Arg('input') input: CreateGoalInput, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.goals.create(user, input);
  }

  @Mutation(() => Goal)
  updateGoal(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateGoalInput,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.goals.update(user, id, input);
  }

  @Mutation(() => ID, { description: 'Deletes the goal with its steps and its planned events' })
  deleteGoal(@Arg('id', () => ID) id: string, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.goals.delete(user, id);
  }

  @FieldResolver(() => [Step], {
    description: 'In order',
    complexity: ({ childComplexity }) => 1 + STEPS_PER_GOAL_ESTIMATE * childComplexity,
  })
  steps(@Root() goal: Goal, @Ctx() ctx: Context) {
    return ctx.loaders.stepsByGoalIdLoader.load(goal.id);
  }
}

@Authorized()
@Resolver(() => GoalPage)
export class GoalPageResolver {
  @FieldResolver(() => Int, { description: 'All goals matching the filter (one extra query)' })
  totalCount(@Root() page: GoalPage, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.goals.count(user, { status: page.status });
  }
}
