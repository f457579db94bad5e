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
  payload: occurrencePayload.extend({ connectionId: z.string() }),
  async handle(payload, context) {
    await context.services.calendarSync.runPass(payload.connectionId);
  },
});

export type CalendarSyncPayload = z.infer<typeof calendarSyncJob.payload>;
