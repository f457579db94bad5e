import { ObjectType } from 'type-graphql';
import { Habit } from '../../entities/index.js';
import type { HabitFilter } from '../../services/habits/habit.service.js';
import { PageOf } from '../page.type.js';

@ObjectType()
export class HabitPage extends PageOf(Habit) {
  /** The filter of this page, for `totalCount`. */
  filter: HabitFilter;
}
