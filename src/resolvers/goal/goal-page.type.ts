import { ObjectType } from 'type-graphql';
import { Goal, GoalStatus } from '../../entities/index.js';
import { PageOf } from '../page.type.js';

@ObjectType()
export class GoalPage extends PageOf(Goal) {
  /** The filter of this page, for `totalCount`. */
  status: GoalStatus | null;
}
