import { DateTime } from 'luxon';
import { In, MoreThanOrEqual, type DataSource } from 'typeorm';
import {
  Habit,
  HabitCheckIn,
  HabitStatus,
  Step,
  Vacation,
  type CheckInStatus,
  type User,
} from '../../entities/index.js';
import type { EventOccurrence, EventService } from '../event.service.js';
import { minutesOfDay } from '../timezone.js';
import type { HabitService } from './habit.service.js';
import { isExcludedBy } from './habit-history.js';
import { isDueOn } from './habit-stats.js';
import { addDays, type LocalDate } from './local-date.js';

export interface TodayHabit {
  habit: Habit;
  /** Today's check-in, or null while it is pending. */
  checkIn: CheckInStatus | null;
}

export interface TodayView {
  date: LocalDate;
  from: Date;
  to: Date;
  habits: TodayHabit[];
  steps: Step[];
  events: EventOccurrence[];
}

/** Check-ins read for "due today": a quota period is at most a month. */
const QUOTA_LOOKBACK_DAYS = 31;

/**
 * The user's day in one read: active habits due today (or already checked in), steps
 * planned and event occurrences in the habit day — from `dayStart` to `dayStart` the next
 * day, local — so a night owl at 01:00 still sees the day they are finishing.
 */
export class TodayService {
  constructor(
    private readonly db: DataSource,
    private readonly habits: HabitService,
    private readonly events: EventService,
  ) {}

  async view(user: User, now: Date = new Date()): Promise<TodayView> {
    const date = this.habits.today(user, now);
    const { timezone, dayStart } = user.settings;
    const minutes = minutesOfDay(dayStart);
    const start = DateTime.fromISO(date, { zone: timezone }).set({
      hour: Math.floor(minutes / 60),
      minute: minutes % 60,
    });
    const from = start.toJSDate();
    const to = start.plus({ days: 1 }).toJSDate();
    const [habits, steps, events] = await Promise.all([
      this.dueHabits(user, date),
      this.plannedSteps(user, from, to),
      this.events.occurrences(user, from, to),
    ]);
    return { date, from, to, habits, steps, events };
  }

  /** Active habits due on the habit day `today` (or checked in on it), oldest first. */
  async dueHabits(user: User, today: LocalDate): Promise<TodayHabit[]> {
    const habits = await this.db.getRepository(Habit).find({
      where: { userId: user.id, status: HabitStatus.ACTIVE },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    if (habits.length === 0) return [];
    const [checkIns, vacations] = await Promise.all([
      this.db.getRepository(HabitCheckIn).find({
        where: {
          userId: user.id,
          habitId: In(habits.map((habit) => habit.id)),
          localDate: MoreThanOrEqual(addDays(today, -QUOTA_LOOKBACK_DAYS)),
        },
        select: { habitId: true, localDate: true, status: true },
      }),
      this.db.getRepository(Vacation).find({ where: { userId: user.id } }),
    ]);
    return habits.flatMap((habit) => {
      const mine = new Map(
        checkIns
          .filter((row) => row.habitId === habit.id)
          .map((row) => [row.localDate, row.status]),
      );
      const history = {
        schedule: habit.schedule,
        startedOn: habit.startedOn,
        today,
        checkIns: mine,
        isExcluded: isExcludedBy(habit.pauses, vacations),
      };
      return isDueOn(history, today) ? [{ habit, checkIn: mine.get(today) ?? null }] : [];
    });
  }

  private plannedSteps(user: User, from: Date, to: Date): Promise<Step[]> {
    return this.db
      .getRepository(Step)
      .createQueryBuilder('step')
      .innerJoin('step.goal', 'goal')
      .where('goal.user_id = :userId', { userId: user.id })
      .andWhere('step.planned_start >= :from AND step.planned_start < :to', { from, to })
      .orderBy('step.planned_start', 'ASC')
      .addOrderBy('step.id', 'ASC')
      .getMany();
  }
}
