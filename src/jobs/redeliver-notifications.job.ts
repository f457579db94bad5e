import { z } from 'zod';
import { defineJob } from './define-job.js';

/**
 * The periodic sweep (every NOTIFICATION_SWEEP_SECONDS): offers again what was not
 * acknowledged in time, and tells users once what was missed during an outage.
 */
export const redeliverNotificationsJob = defineJob({
  name: 'redeliver-notifications',
  concurrency: 1,
  // A repeating job: Agenda stores it without data.
  payload: z.unknown(),
  async handle(_payload, context) {
    const { offered, failed } = await context.services.outbox.redeliverDue();
    if (offered || failed) context.logger.info({ offered, failed }, 'notifications offered again');
    const told = await context.services.missedSummary.sendDue();
    if (told) context.logger.info({ users: told }, 'missed reminders summarised');
  },
});
