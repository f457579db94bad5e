import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CalendarConnection, CalendarMapping } from '../../src/entities/index.js';
import {
  ChooseConnectionCalendarsDocument,
  CreateEventDocument,
  DisconnectCalendarConnectionDocument,
  EventDocument,
  SyncCalendarConnectionDocument,
} from '../gql/graphql.js';
import { seedUser } from '../support/factories.js';
import { googleEnv, startFakeGoogle, type FakeGoogle } from '../support/fake-google-calendar.js';
import { executeOperationOk } from '../support/graphql-client.js';
import { useOwnDatabase } from '../support/own-database.js';
import { freePort } from '../support/radicale.js';
import { connectGoogle } from '../support/google-connect.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Google push channels end to end: the worker opens a channel after a pass, the fake Google
// calls our webhook after a change, and the pass it queues brings the change in — long
// before the next 15-minute poll. The worker sweeps the whole database: this file has its own.
await useOwnDatabase();

let app: TestApp;
let google: FakeGoogle;
const CALENDAR = 'alice@example.com';

beforeAll(async () => {
  google = await startFakeGoogle();
  google.calendars.set(CALENDAR, { summary: 'Alice', accessRole: 'owner', events: new Map() });
  const port = await freePort();
  app = await startTestApp({
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    WEBHOOK_ALLOW_LOCALHOST: 'true',
    WORKER_ENABLED: 'true',
    JOBS_PROCESS_EVERY_MS: '200',
    ...googleEnv(google),
  });
});

afterAll(async () => {
  await app?.stop();
  await google?.stop();
  expect(google.unexpected).toEqual([]);
});

/** Polls an async check every 50 ms until it answers something truthy. */
async function waitFor<T>(what: () => Promise<T> | T, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await what();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error('waitFor timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const push = (headers: Record<string, string>) =>
  fetch(`${app.url}/calendar/google/push`, { method: 'POST', headers });

describe('Google push channels', () => {
  it('a change in Google reaches maxOn through the webhook, not the next poll', async () => {
    const user = await seedUser(app);
    const connection = await connectGoogle(app, google, user);
    // The worker's first pass opens a channel on the calendar; the handshake is accepted.
    const [channelId, channel] = await waitFor(() => [...google.channels][0]);
    expect(channel).toMatchObject({
      calendarId: CALENDAR,
      address: `${app.url}/calendar/google/push`,
    });
    expect(channelId.startsWith(connection.id)).toBe(true);
    const stored = await waitFor(async () => {
      const row = await app.db
        .getRepository(CalendarConnection)
        .findOneByOrFail({ id: connection.id });
      return row.pushChannels[CALENDAR];
    });
    expect(stored.tokenHash).not.toContain(channel.token);

    await executeOperationOk(
      app,
      ChooseConnectionCalendarsDocument,
      { id: connection.id, busyCalendarIds: [CALENDAR], writeCalendarId: CALENDAR },
      user,
    );
    const { createEvent } = await executeOperationOk(
      app,
      CreateEventDocument,
      { input: { title: 'Созвон', start: '2027-05-10T07:00:00.000Z', durationMinutes: 60 } },
      user,
    );
    await executeOperationOk(app, SyncCalendarConnectionDocument, { id: connection.id }, user);
    const { remoteId } = await waitFor(() =>
      app.db.getRepository(CalendarMapping).findOneBy({ localId: createEvent.id }),
    );

    // Forged or unknown notifications are refused and queue nothing.
    expect(
      (
        await push({
          'x-goog-channel-id': channelId,
          'x-goog-channel-token': 'forged',
          'x-goog-resource-state': 'exists',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await push({
          'x-goog-channel-id': `${connection.id}_00`,
          'x-goog-channel-token': channel.token,
          'x-goog-resource-state': 'exists',
        })
      ).status,
    ).toBe(404);

    const events = google.calendars.get(CALENDAR)!.events;
    google.put(CALENDAR, {
      ...events.get(remoteId),
      start: { dateTime: '2027-05-10T11:00:00Z', timeZone: 'UTC' },
      end: { dateTime: '2027-05-10T12:00:00Z', timeZone: 'UTC' },
    });
    expect(await google.notify(CALENDAR)).toEqual([200]);
    await waitFor(async () => {
      const { event } = await executeOperationOk(app, EventDocument, { id: createEvent.id }, user);
      return event.startsAt === '2027-05-10T11:00:00.000Z';
    });

    // Disconnecting closes the channel at Google.
    await executeOperationOk(
      app,
      DisconnectCalendarConnectionDocument,
      { id: connection.id },
      user,
    );
    expect(google.channels.size).toBe(0);
  });
});
