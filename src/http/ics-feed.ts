import express, { type Router } from 'express';
import type { Services } from '../services/index.js';
import { ICS_FEED_PATH } from '../services/calendar-sync/calendar-feed.service.js';

/** Calendar apps poll often; five minutes of caching keeps that cheap. */
const MAX_AGE_SECONDS = 300;

/**
 * GET /ics/<token>.ics: the user's events and planned steps as iCalendar. An unknown or
 * revoked token answers 404 (nothing tells them apart). Conditional GETs (If-None-Match,
 * If-Modified-Since) answer 304 while the feed is unchanged.
 */
export function icsFeedRouter(services: Services): Router {
  const router = express.Router();
  router.get(`${ICS_FEED_PATH}/:file`, async (request, response, next) => {
    try {
      const match = /^([A-Za-z0-9_-]{1,100})\.ics$/.exec(request.params.file);
      const feed = match ? await services.calendarFeeds.render(match[1]!) : null;
      if (!feed) {
        response.status(404).type('text/plain').send('not found');
        return;
      }
      response.set({
        ETag: feed.etag,
        'Last-Modified': feed.lastModified.toUTCString(),
        'Cache-Control': `private, max-age=${MAX_AGE_SECONDS}`,
      });
      const since = Date.parse(request.header('if-modified-since') ?? '');
      const unchanged = request.header('if-none-match')
        ? request.header('if-none-match') === feed.etag
        : Number.isFinite(since) && Math.floor(feed.lastModified.getTime() / 1000) * 1000 <= since;
      if (unchanged) {
        response.status(304).end();
        return;
      }
      response.status(200).type('text/calendar; charset=utf-8').send(feed.body);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
