import { z } from 'zod';
import { defineJob, occurrencePayload } from './define-job.js';

/** The daily (and the weekly) per-user jobs; the names are stored in the jobs table. */
export type DailyJobName = 'morning-digest' | 'deadline-check' | 'overdue-steps' | 'weekly-review';

const dailyPayload = occurrencePayload.extend({ userId: z.string() });

export type DailyJobPayload = z.infer<typeof dailyPayload>;

/**
 * A daily job: say what there is to say (maybe nothing), then queue tomorrow's run at the
 * user's local time. A switched-off job stops its chain; turning it on schedules it again.
 */
export function defineDailyJob(name: DailyJobName) {
  return defineJob({
    name,
    payload: dailyPayload,
    async handle(payload, context) {
      const now = new Date();
      const dueAt = new Date(payload.dueAt);
      const { dailyNotifications, reminderScheduler } = context.services;
      const due = await dailyNotifications.compose(name, payload.userId, dueAt);
      if (!due) return;
      if (due.drafts.length > 0) {
        await context.fire(due.drafts, { missed: context.isMissed(payload.dueAt, now) });
      }
      const after = new Date(Math.max(now.getTime(), dueAt.getTime()));
      await reminderScheduler.scheduleDaily(name, due.user, after);
    },
  });
}
