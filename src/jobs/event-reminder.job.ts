import { z } from 'zod';
import { defineJob, occurrencePayload } from './define-job.js';

/**
 * "In 15 minutes: …" for one occurrence of an event. A stale job (the event moved, its
 * reminder was switched off) does nothing: the change already scheduled the right one.
 * After firing, a recurring event gets the job for its next occurrence.
 */
export const eventReminderJob = defineJob({
  name: 'event-reminder',
  payload: occurrencePayload.extend({
    eventId: z.string(),
    userId: z.string(),
    offsetMinutes: z.number().int().nonnegative(),
    occurrenceStart: z.iso.datetime({ offset: true }),
  }),
  async handle(payload, context) {
    const now = new Date();
    const { reminderNotifications, reminderScheduler } = context.services;
    const due = await reminderNotifications.eventReminder(payload, now);
    if (!due) return;
    await context.fire([due.draft], { missed: context.isMissed(payload.dueAt, now) });
    if (due.event.recurrence) {
      const after = new Date(Math.max(now.getTime(), Date.parse(payload.dueAt)));
      await reminderScheduler.scheduleEventReminder(due.event, payload.offsetMinutes, after);
    }
  },
});

export type EventReminderPayload = z.infer<typeof eventReminderJob.payload>;
