import express, { type Router } from 'express';
import { GOOGLE_PUSH_PATH } from '../services/calendar-sync/push-channels.js';
import type { Services } from '../services/index.js';

/**
 * POST /calendar/google/push: Google's channel notifications (headers only, no body). A
 * channel we opened, with its token, queues a sync pass soon (200); anything else 404, which
 * also tells Google to stop sending to a channel we forgot.
 */
export function googlePushRouter(services: Services): Router {
  const router = express.Router();
  router.post(GOOGLE_PUSH_PATH, async (request, response, next) => {
    try {
      const known = await services.calendarSync.pushReceived(
        request.header('x-goog-channel-id') ?? '',
        request.header('x-goog-channel-token') ?? '',
        request.header('x-goog-resource-state') ?? '',
      );
      response.status(known ? 200 : 404).end();
    } catch (error) {
      next(error);
    }
  });
  return router;
}
