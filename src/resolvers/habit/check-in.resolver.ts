import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Habit, Vacation, type User } from '../../entities/index.js';
import { CurrentUser } from '../../graphql/policies.js';
import type { Context } from '../../graphql/context.type.js';
import { LocalDateScalar } from '../../schema/scalars.js';
import { CheckInInput } from './check-in.input.js';
import { CheckInResult } from './habit-results.type.js';

@Authorized()
@Resolver()
export class CheckInResolver {
  @Mutation(() => CheckInResult, {
    description: 'One check-in per habit and day: checking in again the same day replaces it',
  })
  async checkIn(
    @Arg('habitId', () => ID) habitId: string,
    @Arg('input', () => CheckInInput, { defaultValue: {} }) input: CheckInInput,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ): Promise<CheckInResult> {
    const change = await ctx.services.habitCheckIns.checkIn(user, habitId, input);
    return { checkIn: change.result, habit: change.habit, targetReached: change.targetReached };
  }

  @Mutation(() => Habit, { description: 'Removes the check-in of today (or of yesterday)' })
  undoCheckIn(
    @Arg('habitId', () => ID) habitId: string,
    @Arg('date', () => LocalDateScalar, { nullable: true }) date: string | null,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.habitCheckIns.undoCheckIn(user, habitId, date);
  }

  @Mutation(() => Vacation, {
    description: 'Days off for every habit, local dates [from, to]: neither missed nor counted',
  })
  setVacation(
    @Arg('from', () => LocalDateScalar) from: string,
    @Arg('to', () => LocalDateScalar) to: string,
    @CurrentUser() user: User,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.habitCheckIns.setVacation(user, from, to);
  }
}
