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
import { NewStepInput } from '../goal/new-step.input.js';
import { UpdateStepInput } from './update-step.input.js';

@Authorized()
@Resolver(() => Step)
export class StepResolver {
  @Query(() => Step, { description: 'One of the caller’s steps (a step card)' })
  step(@Arg('id', () => ID) id: string, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.steps.get(user, id);
  }

  @Mutation(() => Step, { description: 'Appends a step to the goal' })
  addStep(
    @Arg('goalId', () => ID) goalId: string,
    @Arg('input') input: NewStepInput,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.steps.add(user, goalId, input);
  }

  @Mutation(() => Step)
  updateStep(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateStepInput,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.steps.update(user, id, input);
  }

  @Mutation(() => Step, {
    description: 'Marks the step done; the goal completes when all its steps are done',
  })
  completeStep(@Arg('id', () => ID) id: string, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.steps.complete(user, id);
  }

  @Mutation(() => ID)
  deleteStep(@Arg('id', () => ID) id: string, @CurrentUser() user: User, @Ctx() ctx: Context) {
    return ctx.services.steps.delete(user, id);
  }

  @Mutation(() => [Step], { description: 'Sets the order; list every step of the goal once' })
  reorderSteps(
    @Arg('goalId', () => ID) goalId: string,
    @Arg('stepIds', () => [ID]) stepIds: string[],
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.steps.reorder(user, goalId, stepIds);
  }

  @FieldResolver(() => Goal)
  goal(@Root() step: Step, @Ctx() ctx: Context) {
    return ctx.loaders.goalByIdLoader.load(step.goalId);
  }

  @FieldResolver(() => [Event], { description: 'Calendar events planned for this step' })
  events(@Root() step: Step, @Ctx() ctx: Context) {
    return ctx.loaders.eventsByStepIdLoader.load(step.id);
  }
}
