import type { SendLimits } from '../../src/clients/shared/outbound/send-queue.js';

/**
 * Send limits for bot tests, given to the bot and to the fake messenger server alike: the fake
 * still refuses a bot that breaks them, but no test waits a real second per message. The real
 * limits are tested where they are the subject (send-queue, *-api and the limit scenarios).
 */
export const FAST_LIMITS: SendLimits = {
  globalPerSecond: 500,
  perChatPerSecond: 100,
  groupPerMinute: 6000,
};
