import { z } from 'zod';
import { defineJob, occurrencePayload } from './define-job.js';

/**
 * One sync pass of one external calendar connection (ICS, Google, CalDAV); the pass queues
 * the next one (every CALENDAR_SYNC_MINUTES, later after failures, none once revoked).
 */
export const calendarSyncJob = defineJob({
  name: 'calendar-sync',
  // Each pass waits on a provider over the network: a few at a time.
  concurrency: 10,
  burstPerSecond: 50,
  /** `push`: a pass a push notification asked for (it does not queue the next one). */
  payload: occurrencePayload.extend({ connectionId: z.string(), push: z.boolean().optional() }),
  async handle(payload, context) {
    await context.services.calendarSync.runPass(payload.connectionId, { chain: !payload.push });
  },
});

export type CalendarSyncPayload = z.infer<typeof calendarSyncJob.payload>;
