import { z } from 'zod';
import { defineJob, occurrencePayload } from './define-job.js';

/**
 * Writes the next batch of an operator's broadcast (BROADCAST_PER_SECOND users) and queues
 * the next batch a second later, until every user is written or the broadcast is cancelled.
 */
export const broadcastJob = defineJob({
  name: 'broadcast',
  payload: occurrencePayload.extend({ broadcastId: z.string(), batch: z.number().int().min(0) }),
  async handle(payload, context) {
    const more = await context.services.broadcasts.writeBatch(payload.broadcastId, new Date());
    if (more) await context.services.broadcasts.queueBatch(payload.broadcastId, payload.batch + 1);
  },
});
