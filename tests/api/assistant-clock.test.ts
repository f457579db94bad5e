import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { SendMessageDocument } from '../gql/graphql.js';
import { seedUser } from '../support/factories.js';
import { executeOperationOk } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const MOSCOW = 'Europe/Moscow';
/** Far from the real date, so that a message read at the real clock could not pass. */
const PINNED = DateTime.fromISO('2031-03-04T10:00', { zone: MOSCOW });

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({}, { clock: () => PINNED.toJSDate() });
});
afterAll(() => app.stop());

describe('a clock given to startApi', () => {
  it('is the now the assistant reads "tomorrow" from', async () => {
    const user = await seedUser(app, { timezone: MOSCOW, language: 'RU' });
    const reply = await executeOperationOk(
      app,
      SendMessageDocument,
      { text: 'завтра в 15:00 встреча с Олей' },
      user,
    );
    expect(reply.sendMessage.intent).toBe('event_create');
    const [row] = await app.db.query<{ starts_at: Date }[]>(
      'SELECT starts_at FROM events WHERE user_id = $1',
      [user.id],
    );
    expect(DateTime.fromJSDate(row!.starts_at, { zone: MOSCOW }).toISO()).toBe(
      PINNED.plus({ days: 1 }).set({ hour: 15 }).toISO(),
    );
  });
});
