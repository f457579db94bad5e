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
  // Every user of a timezone ends their day at the same moment. The day ends running together
  // share one transaction (`context.closeHabitDay` batches them), so many at once cost few
  // connections; a bounded number locked ahead keeps 10,000 day ends in bounded memory, and
  // minutes late is fine for a day end.
  concurrency: 50,
  burstPerSecond: 400,
  payload,
  async handle({ userId, dueAt }, context) {
    // Queues tomorrow's too, batched with the day ends running now.
    await context.closeHabitDay(userId, new Date(dueAt));
  },
});
