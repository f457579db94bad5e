import { z } from 'zod';
import { defineJob, occurrencePayload } from './define-job.js';

const payload = occurrencePayload.extend({
  habitId: z.string(),
  userId: z.string(),
  /** The habit's local reminder time "HH:MM" this occurrence is for. */
  time: z.string().regex(/^\d{2}:\d{2}$/),
});

export type HabitReminderPayload = z.infer<typeof payload>;

/**
 * "🔁 Пора: Зарядка" at one of a habit's reminder times, on a day it is due and not yet
 * checked off. A stale job (the habit is gone, paused, its time or the user's switch was
 * removed) does nothing: the change already scheduled the right one. Otherwise the next
 * day's occurrence is queued, whether or not today's was sent.
 */
export const habitReminderJob = defineJob({
  name: 'habit-reminder',
  payload,
  async handle(payload, context) {
    const now = new Date();
    const { habitNotifications, reminderScheduler } = context.services;
    const due = await habitNotifications.habitReminder(payload);
    if (!due) return;
    if (due.draft) {
      await context.fire([due.draft], { missed: context.isMissed(payload.dueAt, now) });
    }
    const after = new Date(Math.max(now.getTime(), Date.parse(payload.dueAt)));
    await reminderScheduler.habits.scheduleReminder(due.habit, due.user, payload.time, after);
  },
});
