import { expect } from '@jest/globals';
import { CalendarConnection } from '../../src/entities/index.js';
import { GoogleCalendarConnectUrlDocument } from '../gql/graphql.js';
import type { TestUser } from './factories.js';
import type { FakeGoogle } from './fake-google-calendar.js';
import { executeOperationOk } from './graphql-client.js';
import type { TestApp } from './test-app.js';

/** Connects Google as a person would: the bot's link → consent → our callback, in one browser. */
export async function connectGoogle(
  app: TestApp,
  google: FakeGoogle,
  user: TestUser,
): Promise<CalendarConnection> {
  const { googleCalendarConnectUrl } = await executeOperationOk(
    app,
    GoogleCalendarConnectUrlDocument,
    {},
    user,
  );
  // The link names PUBLIC_URL; this test server may listen elsewhere.
  const link = new URL(googleCalendarConnectUrl!);
  const start = await fetch(`${app.url}${link.pathname}${link.search}`, { redirect: 'manual' });
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0]!;
  const consent = new URL(start.headers.get('location')!);
  const code = google.authorize(consent.searchParams);
  const query = new URLSearchParams({ state: consent.searchParams.get('state')!, code });
  const done = await fetch(`${app.url}/oauth/google/callback?${query}`, { headers: { cookie } });
  expect(done.status).toBe(200);
  return app.db.getRepository(CalendarConnection).findOneByOrFail({ userId: user.id });
}
