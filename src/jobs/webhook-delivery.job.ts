import { z } from 'zod';
import { defineJob, occurrencePayload } from './define-job.js';

/** One signed POST to a webhook; on failure the outbox queues the next attempt with back-off. */
export const webhookDeliveryJob = defineJob({
  name: 'webhook-delivery',
  // Outbound POSTs to third parties, each up to its timeout: a few at a time.
  concurrency: 20,
  payload: occurrencePayload.extend({
    notificationId: z.string(),
    attempt: z.number().int().positive(),
  }),
  async handle(payload, context) {
    await context.services.outbox.deliverWebhook(payload.notificationId, payload.attempt);
  },
});

export type WebhookDeliveryPayload = z.infer<typeof webhookDeliveryJob.payload>;
