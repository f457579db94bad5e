import { Column } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { HabitScheduleKind } from './habit-enums.js';

/** When a habit is due; stored as `schedule_*` columns of the habits table. */
@ObjectType()
export class HabitSchedule {
  @Field(() => HabitScheduleKind)
  @Column({ type: 'varchar', length: 16, default: HabitScheduleKind.DAILY })
  kind: HabitScheduleKind;

  @Field(() => [Int], { description: 'WEEKDAYS: ISO weekdays 1 (Monday) … 7 (Sunday)' })
  @Column({ type: 'smallint', array: true, default: () => "'{}'" })
  weekdays: number[];

  @Field(() => Int, {
    nullable: true,
    description: 'TIMES_PER_WEEK / TIMES_PER_MONTH: times per period; EVERY_N_DAYS: N',
  })
  @Column({ type: 'smallint', nullable: true })
  count: number | null;
}
