import type { DataSource } from 'typeorm';
import { Habit, HabitStatus, User } from '../../entities/index.js';
import type { UserSettings } from '../../entities/index.js';
import { habitDayEndJob } from '../../jobs/habit-day-end.job.js';
import { habitReminderJob } from '../../jobs/habit-reminder.job.js';
import type { JobQueue } from '../job-queue.js';
import { nextLocalTime } from '../timezone.js';

export const habitRemindersOn = (settings: UserSettings) =>
  settings.notificationsEnabled && settings.habitRemindersEnabled;

/** The day-end job of a user's next `dayStart` after `after`, local time. */
function dayEndAfter(user: User, after: Date) {
  const at = nextLocalTime(user.settings.dayStart, user.settings.timezone, after);
  const key = `habit-day-end:${user.id}@${at.toISOString()}`;
  return { payload: { key, dueAt: at.toISOString(), userId: user.id }, at };
}

/** What `reconcile` needs of a page of users' habits, read in two queries. */
export interface HabitReconcilePlan {
  usersWithActiveHabits: Set<string>;
  remindedHabits: Map<string, Habit[]>;
}

/**
 * The habits' part of the scheduling: one day-end job per user while any habit is active,
 * one reminder job per reminder time of each active habit. `ReminderScheduler` calls it
 * when a user's settings change and at worker start.
 */
export class HabitScheduler {
  constructor(
    private readonly db: DataSource,
    private readonly jobs: JobQueue,
  ) {}

  /** The next end of the user's habit day (at their local `dayStart`). */
  async scheduleDayEnd(user: User, after: Date): Promise<void> {
    const { payload, at } = dayEndAfter(user, after);
    await this.jobs.schedule(habitDayEndJob, payload, at);
  }

  /** `scheduleDayEnd` for the users whose day ends ran together, in one statement. */
  async scheduleDayEnds(ends: { user: User; after: Date }[]): Promise<void> {
    if (ends.length === 0) return;
    await this.jobs.scheduleMany(
      habitDayEndJob,
      ends.map(({ user, after }) => dayEndAfter(user, after)),
    );
  }

  /** After habits or the day start changed: one day-end job while any habit is active. */
  async syncDayEnd(userId: string, now = new Date()): Promise<void> {
    await this.jobs.cancel(habitDayEndJob, { userId });
    const user = await this.db.getRepository(User).findOneBy({ id: userId });
    if (user && (await this.hasActiveHabits(userId))) await this.scheduleDayEnd(user, now);
  }

  /** After a habit was created, edited, paused, resumed, archived, completed or deleted. */
  async syncHabit(habitId: string, now = new Date()): Promise<void> {
    await this.jobs.cancel(habitReminderJob, { habitId });
    const habit = await this.db.getRepository(Habit).findOneBy({ id: habitId });
    if (habit?.status !== HabitStatus.ACTIVE || habit.reminderTimes.length === 0) return;
    const user = await this.db.getRepository(User).findOneBy({ id: habit.userId });
    if (user && habitRemindersOn(user.settings)) await this.planHabit(habit, user, now);
  }

  /**
   * The next occurrence of one reminder time of a habit, at the user's local time. Every
   * day is queued: the job itself skips the days the habit asks for nothing, so schedule
   * edits, vacations and check-ins need no rescheduling.
   */
  async scheduleReminder(habit: Habit, user: User, time: string, after: Date) {
    const at = nextLocalTime(time, user.settings.timezone, after);
    const payload = {
      key: `habit:${habit.id}:${time}@${at.toISOString()}`,
      dueAt: at.toISOString(),
      habitId: habit.id,
      userId: user.id,
      time,
    };
    await this.jobs.schedule(habitReminderJob, payload, at);
  }

  /** After the user's settings changed (timezone, day start, switches): everything again. */
  async syncUser(user: User, now: Date): Promise<void> {
    await this.syncDayEnd(user.id, now);
    await this.jobs.cancel(habitReminderJob, { userId: user.id });
    if (!habitRemindersOn(user.settings)) return;
    const habits = await this.db
      .getRepository(Habit)
      .findBy({ userId: user.id, status: HabitStatus.ACTIVE });
    for (const habit of habits) await this.planHabit(habit, user, now);
  }

  /** For `reconcile`: the active and reminded habits of a page of users, in two queries. */
  async reconcilePlan(userIds: string[]): Promise<HabitReconcilePlan> {
    const rows = (await this.db.query(
      `SELECT DISTINCT user_id AS "userId" FROM habits WHERE status = 'active' AND user_id = ANY($1)`,
      [userIds],
    )) as { userId: string }[];
    const remindedHabits = new Map<string, Habit[]>();
    const reminded = await this.db
      .getRepository(Habit)
      .createQueryBuilder('habit')
      .where('habit.status = :active', { active: HabitStatus.ACTIVE })
      .andWhere('habit.user_id = ANY(:userIds)', { userIds })
      .andWhere("habit.reminder_times <> '{}'")
      .getMany();
    for (const habit of reminded) {
      remindedHabits.set(habit.userId, [...(remindedHabits.get(habit.userId) ?? []), habit]);
    }
    return { usersWithActiveHabits: new Set(rows.map((row) => row.userId)), remindedHabits };
  }

  /** At worker start, for one user: the jobs the plan says they need (existing ones kept). */
  async reconcileUser(plan: HabitReconcilePlan, user: User, now: Date): Promise<void> {
    if (plan.usersWithActiveHabits.has(user.id)) await this.scheduleDayEnd(user, now);
    if (!habitRemindersOn(user.settings)) return;
    for (const habit of plan.remindedHabits.get(user.id) ?? []) {
      await this.planHabit(habit, user, now);
    }
  }

  private async planHabit(habit: Habit, user: User, now: Date): Promise<void> {
    for (const time of habit.reminderTimes) await this.scheduleReminder(habit, user, time, now);
  }

  private async hasActiveHabits(userId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM habits WHERE user_id = $1 AND status = 'active' LIMIT 1`,
      [userId],
    );
    return rows.length > 0;
  }
}
