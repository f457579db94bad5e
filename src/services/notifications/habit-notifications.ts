import type { DataSource, EntityManager } from 'typeorm';
import { Habit, HabitStatus, NotificationKind, User } from '../../entities/index.js';
import type { HabitReminderPayload } from '../../jobs/habit-reminder.job.js';
import { loadHistory } from '../habits/habit-history.js';
import { isDueOn } from '../habits/habit-stats.js';
import { habitDayOf } from '../habits/local-date.js';
import { habitRemindersOn } from '../habits/habit-scheduler.js';
import type { NotificationDraft } from './outbox.js';
import { habitReminderActions, textsFor } from './texts.js';

/** A habit reminder that still applies; `draft` is null on a day it has nothing to ask. */
export interface DueHabitReminder {
  habit: Habit;
  user: User;
  draft: NotificationDraft | null;
}

/** Whom a habit reminder goes to and what it says; the worker only fires what it is given. */
export class HabitNotifications {
  constructor(private readonly db: DataSource) {}

  /**
   * The reminder for one of a habit's reminder times, or null when the job is stale (the
   * habit is gone or not active, the time was removed, the user's reminders are off). The
   * draft is null when the habit day it falls on asks for nothing: not a scheduled day, a
   * vacation or pause, or already checked in (done or skipped).
   */
  async habitReminder(
    due: Pick<HabitReminderPayload, 'habitId' | 'time' | 'dueAt'>,
  ): Promise<DueHabitReminder | null> {
    const habit = await this.db.getRepository(Habit).findOneBy({ id: due.habitId });
    if (habit?.status !== HabitStatus.ACTIVE || !habit.reminderTimes.includes(due.time)) {
      return null;
    }
    const user = await this.db.getRepository(User).findOneBy({ id: habit.userId });
    if (!user || !habitRemindersOn(user.settings)) return null;

    const dueAt = new Date(due.dueAt);
    const { timezone, dayStart, language } = user.settings;
    const day = habitDayOf(dueAt, timezone, dayStart);
    const history = await loadHistory(this.db.manager, habit, day);
    if (!isDueOn(history, day) || history.checkIns.has(day)) return { habit, user, draft: null };

    const draft: NotificationDraft = {
      user,
      kind: NotificationKind.HABIT_REMINDER,
      source: `habit:${habit.id}:${due.time}`,
      occurrenceAt: dueAt,
      text: textsFor(language).habitDue(habit.title, habit.currentStreak),
      payload: {
        actions: habitReminderActions(language, habit.id),
        refs: { habitId: habit.id, localDate: day },
      },
    };
    return { habit, user, draft };
  }
}

/**
 * Withdraws the reminders of one habit day not yet acknowledged (a snoozed copy waiting for
 * its moment, or one offered and not yet sent): the day was checked in elsewhere.
 */
export async function withdrawHabitReminders(
  manager: EntityManager,
  userId: string,
  habitId: string,
  localDate: string,
): Promise<void> {
  await manager.query(
    `UPDATE notifications SET status = 'expired', updated_at = now()
      WHERE user_id = $1 AND kind = $2 AND status = 'pending'
        AND payload->'refs'->>'habitId' = $3 AND payload->'refs'->>'localDate' = $4`,
    [userId, NotificationKind.HABIT_REMINDER, habitId, localDate],
  );
}
