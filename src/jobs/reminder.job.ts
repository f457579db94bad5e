import { z } from 'zod';
import { defineJob, occurrencePayload } from './define-job.js';

/**
 * A generic reminder: fire (or mark missed) in a batch with the others due now, then queue
 * the next cron run if recurring.
 */
export const reminderJob = defineJob({
  name: 'reminder',
  payload: occurrencePayload.extend({ reminderId: z.string(), userId: z.string() }),
  async handle(payload, context) {
    const missed = context.isMissed(payload.dueAt, new Date());
    const fired = await context.fireReminder({
      reminderId: payload.reminderId,
      dueAt: new Date(payload.dueAt),
      missed,
    });
    if (!fired) return;
    if (!missed) await context.services.outbox.dispatch(fired.written);
    if (fired.next)
      await context.services.reminderScheduler.scheduleReminder(fired.reminder, fired.next);
  },
});
