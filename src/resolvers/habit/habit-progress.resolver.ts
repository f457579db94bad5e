import {
  Authorized,
  Field,
  Float,
  ID,
  Int,
  ObjectType,
  Resolver,
  Root,
  Subscription,
} from 'type-graphql';
import type { SubscribeResolverData } from 'type-graphql';
import { HabitStatus } from '../../entities/index.js';
import { signInRequired } from '../../errors/domain-error.js';
import type { Context } from '../../graphql/context.type.js';
import type { HabitProgressUpdate } from '../../pubsub.js';
import { LocalDateScalar } from '../../schema/scalars.js';

@ObjectType({ description: 'Sent after a check-in or a change of one of the caller’s habits' })
export class HabitProgress implements HabitProgressUpdate {
  @Field(() => ID)
  habitId: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day whose check-in changed' })
  date: string | null;

  @Field(() => HabitStatus)
  status: HabitStatus;

  @Field(() => Int)
  currentStreak: number;

  @Field(() => Int)
  bestStreak: number;

  @Field(() => Float)
  strength: number;

  @Field(() => Int)
  doneCount: number;

  @Field({ description: 'True once, when this change completed the habit' })
  targetReached: boolean;

  @Field()
  changedAt: Date;
}

/** Subscribes to the caller's own topic: the topic id is the user id, so no filter is needed. */
function subscribeToOwnHabits({ context }: SubscribeResolverData<unknown, object, unknown>) {
  const { user, authError, pubsub } = context as Context;
  if (!user) throw authError ?? signInRequired();
  return pubsub.subscribe('HABIT_PROGRESS', user.id);
}

@Authorized()
@Resolver()
export class HabitProgressResolver {
  @Subscription(() => HabitProgress, {
    description: 'Progress of the caller’s habits, live',
    subscribe: subscribeToOwnHabits,
  })
  habitProgress(@Root() update: HabitProgressUpdate) {
    return update;
  }
}
