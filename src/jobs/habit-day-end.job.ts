import { z } from 'zod';
import { defineJob, occurrencePayload } from './define-job.js';

const payload = occurrencePayload.extend({ userId: z.string() });

export type HabitDayEndPayload = z.infer<typeof payload>;

/**
 * At the start of a user's habit day (their `dayStart`, local time): the day before
 * yesterday becomes final, so its scheduled habits without a check-in are written `missed`
 * (streaks reset, strength decays). Then tomorrow's run is queued, while the user has
 * active habits.
 */
export const habitDayEndJob = defineJob({
  name: 'habit-day-end',
  // Every user of a timezone ends their day at the same moment: a few at once (the pool has
  // 10 connections, reminders due then need theirs) and a bounded number locked ahead, so
  // 10,000 day ends run in bounded memory; minutes late is fine for a day end.
  concurrency: 4,
  burstPerSecond: 400,
  payload,
  async handle({ userId, dueAt }, context) {
    const { habitCheckIns, reminderScheduler } = context.services;
    const due = new Date(dueAt);
    const user = await habitCheckIns.closeDay(userId, due);
    if (!user) return;
    const after = new Date(Math.max(Date.now(), due.getTime()));
    await reminderScheduler.habits.scheduleDayEnd(user, after);
  },
});
