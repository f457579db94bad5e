import { Field, Int, ObjectType } from 'type-graphql';
import { Goal, GoalStatus } from '../../entities/index.js';

@ObjectType()
export class GoalPage {
  @Field(() => [Goal])
  items: Goal[];

  @Field({ description: 'True when another page follows' })
  hasMore: boolean;

  @Field(() => Int, { nullable: true, description: 'The offset of the next page, if any' })
  nextOffset: number | null;

  /** The filter of this page, for `totalCount`. */
  status: GoalStatus | null;
}
