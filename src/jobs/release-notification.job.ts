import { z } from 'zod';
import { defineJob, occurrencePayload } from './define-job.js';

/** Offers a notification held by quiet hours or a snooze, at the moment the hold ends. */
export const releaseNotificationJob = defineJob({
  name: 'release-notification',
  payload: occurrencePayload.extend({ notificationId: z.string() }),
  async handle(payload, context) {
    await context.services.outbox.release(payload.notificationId, new Date());
  },
});
