import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient } from '../../src/clients/shared/api-client.js';
import type { Messenger } from '../../src/clients/shared/messenger.js';
import { NotificationRelay } from '../../src/clients/shared/notification-relay.js';
import { buildUser } from '../support/factories.js';
import { startTestApp, TEST_SERVICE_KEY, type TestApp } from '../support/test-app.js';
import { eventually } from './job-helpers.js';

// A bot relay (re)connecting while more notifications are pending than one catch-up page
// holds, as after an outage of the API during a burst. Found by the outage bench: after an
// API restart with 1,000 reminders due, 500 were sent and the other 500 waited for the
// 2-minute acknowledgement timeout.
let app: TestApp;
/** More than one catch-up page (500). */
const PENDING = 520;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

describe('the relay catching up', () => {
  it('sends every pending notification, a page after another, not only the first page', async () => {
    const user = await buildUser(app);
    await app.db.query(
      `INSERT INTO notifications (user_id, channel, target, kind, text, payload, status, attempts,
              idempotency_key, occurrence_at, available_at)
       SELECT $1::uuid, 'telegram', $2, 'reminder', 'Backlog ' || n, '{"actions":[],"refs":{}}',
              'pending', 0, 'catch-up:' || $1::text || ':' || n, now() - n * interval '1 second',
              now() - interval '1 second'
         FROM generate_series(1, $3) AS n`,
      [user.id, user.platformUserId, PENDING],
    );
    const sent: string[] = [];
    const messenger: Messenger = {
      platform: 'telegram',
      textLimit: 4096,
      send: async (_chatId, screen) => {
        sent.push(screen.html);
        return String(sent.length);
      },
      sendPhoto: () => Promise.reject(new Error('reminders are text')),
      edit: async () => undefined,
      answerCallback: async () => undefined,
      typing: async () => undefined,
    };
    const api = new ApiClient(app.graphqlUrl, TEST_SERVICE_KEY);
    const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const relay = new NotificationRelay(api, messenger, quiet);
    try {
      await relay.start();
      const pending = async () =>
        (
          (await app.db.query(
            `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND status = 'pending'`,
            [user.id],
          )) as { n: number }[]
        )[0]!.n;
      // Well within the 2-minute acknowledgement timeout the rest would otherwise wait for.
      await eventually(async () => (await pending()) === 0, 60_000, 500);
      expect(await pending()).toBe(0);
      expect(sent.filter((html) => html.includes('Backlog'))).toHaveLength(PENDING);
      expect(new Set(sent).size).toBe(PENDING);
    } finally {
      await relay.stop();
      await api.close();
    }
  }, 90_000);
});
