import { afterAll, beforeAll, expect } from '@jest/globals';
import { CalendarMapping } from '../../src/entities/index.js';
import {
  ChooseConnectionCalendarsDocument,
  ConnectCalDavDocument,
  ConnectionCalendarsDocument,
  CreateEventDocument,
  EventDocument,
  SyncCalendarConnectionDocument,
} from '../gql/graphql.js';
import type { TestUser } from './factories.js';
import { executeOperation, executeOperationOk } from './graphql-client.js';
import {
  googleEnv,
  startFakeGoogle,
  type FakeCalendar,
  type FakeGoogle,
} from './fake-google-calendar.js';
import { startRadicale, type Radicale } from './radicale.js';
import { startTestApp, type TestApp } from './test-app.js';

// What the two-way sync tests (tests/calendar-sync/) do through the API, against a real
// Radicale and the fake Google.

export interface TwoWayWorld {
  app: TestApp;
  radicale: Radicale;
  google: FakeGoogle;
}

/**
 * For a test file: a real Radicale, the fake Google with `calendars` (id → role), and the
 * app pointed at both, started before the tests and stopped after (no unexpected request
 * to Google allowed). The fields are filled in once `beforeAll` ran.
 */
export function twoWayWorld(calendars: Record<string, FakeCalendar['accessRole']>): TwoWayWorld {
  const world = {} as TwoWayWorld;
  beforeAll(async () => {
    world.radicale = await startRadicale();
    world.google = await startFakeGoogle();
    for (const [id, accessRole] of Object.entries(calendars)) {
      world.google.calendars.set(id, { summary: id, accessRole, events: new Map() });
    }
    world.app = await startTestApp({
      WEBHOOK_ALLOW_LOCALHOST: 'true',
      ...googleEnv(world.google),
    });
  });
  afterAll(async () => {
    await world.app?.stop();
    await world.radicale?.stop();
    await world.google?.stop();
    expect(world.google?.unexpected).toEqual([]);
  });
  return world;
}

export const syncNow = async (app: TestApp, user: TestUser, id: string) =>
  (await executeOperationOk(app, SyncCalendarConnectionDocument, { id }, user))
    .syncCalendarConnection;

export const mappingOf = (app: TestApp, localId: string) =>
  app.db.getRepository(CalendarMapping).findOneBy({ localId });

export const eventOf = (app: TestApp, user: TestUser, id: string) =>
  executeOperation(app, EventDocument, { id }, user);

export async function newEvent(
  app: TestApp,
  user: TestUser,
  title: string,
  start: string,
  recurrence: string | null = null,
) {
  const { createEvent } = await executeOperationOk(
    app,
    CreateEventDocument,
    { input: { title, start, timezone: 'Europe/Berlin', durationMinutes: 60, recurrence } },
    user,
  );
  return createEvent;
}

let calendars = 0;

/** A CalDAV connection to a fresh Radicale calendar, chosen as the one maxOn writes to. */
export async function calDavWriting(app: TestApp, radicale: Radicale, user: TestUser) {
  calendars += 1;
  const url = await radicale.makeCalendar(`work-${calendars}`, `Работа ${calendars}`);
  const { connectCalDavCalendar } = await executeOperationOk(
    app,
    ConnectCalDavDocument,
    { input: { url: radicale.url, username: radicale.user, password: radicale.password } },
    user,
  );
  const id = connectCalDavCalendar.id;
  const { connectionCalendars } = await executeOperationOk(
    app,
    ConnectionCalendarsDocument,
    { id },
    user,
  );
  const work = connectionCalendars.find((calendar) => calendar.id === url);
  expect(work).toMatchObject({ name: `Работа ${calendars}`, readOnly: false, busy: true });
  await chooseWrite(app, user, id, url, [url]);
  return { id, url };
}

/** Picks the calendar maxOn writes to (and the busy ones). */
export const chooseWrite = (
  app: TestApp,
  user: TestUser,
  id: string,
  writeCalendarId: string,
  busyCalendarIds = [writeCalendarId],
) =>
  executeOperationOk(
    app,
    ChooseConnectionCalendarsDocument,
    { id, busyCalendarIds, writeCalendarId },
    user,
  );

/** The VEVENT part of an object as Radicale has it (the VTIMEZONE before it has DTSTARTs too). */
export async function radicaleObject(radicale: Radicale, remoteId: string) {
  const text = await (await radicale.request(remoteId)).text();
  const at = text.indexOf('BEGIN:VEVENT');
  return { head: text.slice(0, at), event: text.slice(at) };
}

/** Stores `text` as the object (a change made in another app). */
export async function putInRadicale(radicale: Radicale, remoteId: string, text: string) {
  const response = await radicale.request(remoteId, {
    method: 'PUT',
    headers: { 'content-type': 'text/calendar' },
    body: text,
  });
  expect(response.status).toBeLessThan(300);
}

/** The object with its start/end rewritten (as a move in another app). */
export async function moveInRadicale(
  radicale: Radicale,
  remoteId: string,
  start: string,
  end: string,
): Promise<void> {
  const { head, event } = await radicaleObject(radicale, remoteId);
  const moved = event
    .replace(/DTSTART[^:\r\n]*:\d{8}T\d{6}Z?/, `DTSTART:${start}`)
    .replace(/DTEND[^:\r\n]*:\d{8}T\d{6}Z?/, `DTEND:${end}`);
  await putInRadicale(radicale, remoteId, head + moved);
}
