import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CalendarConnection, Step } from '../../src/entities/index.js';
import {
  ChooseConnectionCalendarsDocument,
  ConnectCalDavDocument,
  ConnectionCalendarsDocument,
  CreateGoalDocument,
  DisconnectCalendarConnectionDocument,
  ExternalBusyDocument,
  UpdateEventDocument,
} from '../gql/graphql.js';
import { seedUser, type TestUser } from '../support/factories.js';
import { googleEnv, startFakeGoogle, type FakeGoogle } from '../support/fake-google-calendar.js';
import { errorCode, executeOperation, executeOperationOk } from '../support/graphql-client.js';
import { startRadicale, type Radicale } from '../support/radicale.js';
import { connectGoogle } from '../support/google-connect.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import * as twoWay from '../support/two-way.js';

// Two-way sync end to end through the API: a real Radicale and the fake Google over HTTP.
let app: TestApp;
let radicale: Radicale;
let google: FakeGoogle;

beforeAll(async () => {
  radicale = await startRadicale();
  google = await startFakeGoogle();
  google.calendars.set('alice@example.com', {
    summary: 'Alice',
    accessRole: 'owner',
    events: new Map(),
  });
  google.calendars.set('ru.russian#holiday', {
    summary: 'Праздники',
    accessRole: 'reader',
    events: new Map(),
  });
  app = await startTestApp({
    WEBHOOK_ALLOW_LOCALHOST: 'true',
    ...googleEnv(google),
  });
});

afterAll(async () => {
  await app?.stop();
  await radicale?.stop();
  await google?.stop();
  expect(google.unexpected).toEqual([]);
});

const syncNow = (user: TestUser, id: string) => twoWay.syncNow(app, user, id);
const mappingOf = (localId: string) => twoWay.mappingOf(app, localId);
const eventOf = (user: TestUser, id: string) => twoWay.eventOf(app, user, id);
const newEvent = (user: TestUser, title: string, start: string) =>
  twoWay.newEvent(app, user, title, start);
const calDavWriting = async (user: TestUser) =>
  (await twoWay.calDavWriting(app, radicale, user)).id;
const moveInRadicale = (remoteId: string, start: string, end: string) =>
  twoWay.moveInRadicale(radicale, remoteId, start, end);

describe('CalDAV (Radicale) through the API', () => {
  it('connects only with a login the server accepts; a refused one stores nothing', async () => {
    const user = await seedUser(app);
    const wrong = await executeOperation(
      app,
      ConnectCalDavDocument,
      { input: { url: radicale.url, username: radicale.user, password: 'not-it' } },
      user,
    );
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0]?.extensions?.field).toBe('password');
    const internal = await executeOperation(
      app,
      ConnectCalDavDocument,
      { input: { url: 'http://169.254.169.254/', username: 'a', password: 'b' } },
      user,
    );
    expect(errorCode(internal)).toBe('BAD_USER_INPUT');
    expect(await app.db.getRepository(CalendarConnection).countBy({ userId: user.id })).toBe(0);

    const id = await calDavWriting(user);
    const [{ credentials }] = await app.db.query(
      'SELECT credentials FROM calendar_connections WHERE id = $1',
      [id],
    );
    expect(credentials).toMatch(/^v1:/);
    expect(credentials).not.toContain(radicale.password);
    // Another user cannot see or change its calendars.
    const other = await seedUser(app);
    const foreign = await executeOperation(app, ConnectionCalendarsDocument, { id }, other);
    expect(errorCode(foreign)).toBe('NOT_FOUND');
  });

  it('an event moved in the CalDAV calendar moves in maxOn; deleted there, it is deleted here', async () => {
    const user = await seedUser(app);
    const id = await calDavWriting(user);
    const event = await newEvent(user, 'Планёрка', '2027-03-10T08:00:00.000Z');
    expect((await syncNow(user, id)).status).toBe('OK');
    const mapping = await mappingOf(event.id);
    expect(mapping).not.toBeNull();
    expect(await (await radicale.request(mapping!.remoteId)).text()).toContain('SUMMARY:Планёрка');

    await moveInRadicale(mapping!.remoteId, '20270311T130000Z', '20270311T143000Z');
    expect((await syncNow(user, id)).status).toBe('OK');
    const moved = (await eventOf(user, event.id)).data!.event;
    expect(moved.startsAt).toBe('2027-03-11T13:00:00.000Z');
    expect(moved.durationMinutes).toBe(90);
    // Our own event is not busy time on top of itself.
    const { externalBusy } = await executeOperationOk(
      app,
      ExternalBusyDocument,
      { from: '2027-03-11T00:00:00Z', to: '2027-03-12T00:00:00Z' },
      user,
    );
    expect(externalBusy).toEqual([]);
    // A second pass changes nothing (no ping-pong).
    await syncNow(user, id);
    expect((await eventOf(user, event.id)).data!.event.startsAt).toBe('2027-03-11T13:00:00.000Z');

    expect((await radicale.request(mapping!.remoteId, { method: 'DELETE' })).status).toBe(200);
    await syncNow(user, id);
    expect(errorCode(await eventOf(user, event.id))).toBe('NOT_FOUND');
    expect(await mappingOf(event.id)).toBeNull();
  });

  it('an edit in maxOn not pushed yet wins over a change made in the provider meanwhile', async () => {
    const user = await seedUser(app);
    const id = await calDavWriting(user);
    const event = await newEvent(user, 'Отчёт', '2027-03-15T08:00:00.000Z');
    await syncNow(user, id);
    const { remoteId } = (await mappingOf(event.id))!;

    await moveInRadicale(remoteId, '20270316T100000Z', '20270316T110000Z');
    await executeOperationOk(
      app,
      UpdateEventDocument,
      { id: event.id, input: { title: 'Отчёт (наш)' } },
      user,
    );
    await syncNow(user, id);
    const ours = (await eventOf(user, event.id)).data!.event;
    expect(ours).toMatchObject({ title: 'Отчёт (наш)', startsAt: '2027-03-15T08:00:00.000Z' });
    const there = await (await radicale.request(remoteId)).text();
    expect(there).toContain('SUMMARY:Отчёт (наш)');
    expect(there).not.toContain('20270316T100000Z');
  });
});

describe('Google Calendar (fake) through the API', () => {
  it('counts own calendars as busy by default; moves and deletions in Google come back', async () => {
    const user = await seedUser(app);
    const connection = await connectGoogle(app, google, user);
    // Holidays (read-only) do not block the user's days unless chosen.
    expect(connection.busyCalendarIds).toEqual(['alice@example.com']);
    await executeOperationOk(
      app,
      ChooseConnectionCalendarsDocument,
      {
        id: connection.id,
        busyCalendarIds: ['alice@example.com'],
        writeCalendarId: 'alice@example.com',
      },
      user,
    );
    const readOnly = await executeOperation(
      app,
      ChooseConnectionCalendarsDocument,
      { id: connection.id, busyCalendarIds: [], writeCalendarId: 'ru.russian#holiday' },
      user,
    );
    expect(errorCode(readOnly)).toBe('BAD_USER_INPUT');

    const event = await newEvent(user, 'Созвон', '2027-04-05T07:00:00.000Z');
    const { createGoal } = await executeOperationOk(
      app,
      CreateGoalDocument,
      { input: { title: 'Английский', steps: [{ title: 'Урок 1', estimatedMinutes: 45 }] } },
      user,
    );
    const stepId = createGoal.steps[0]!.id;
    await app.db
      .getRepository(Step)
      .update({ id: stepId }, { plannedStart: new Date('2027-04-06T15:00:00Z') });
    expect((await syncNow(user, connection.id)).status).toBe('OK');

    const events = google.calendars.get('alice@example.com')!.events;
    const eventRemote = (await mappingOf(event.id))!.remoteId;
    const stepRemote = (await mappingOf(stepId))!.remoteId;
    expect(events.get(eventRemote)).toMatchObject({ summary: 'Созвон' });
    expect(events.get(stepRemote)).toMatchObject({ summary: 'Урок 1' });

    google.put('alice@example.com', {
      ...events.get(eventRemote),
      start: { dateTime: '2027-04-05T12:00:00+02:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2027-04-05T12:30:00+02:00', timeZone: 'Europe/Berlin' },
    });
    google.put('alice@example.com', {
      ...events.get(stepRemote),
      summary: 'Урок 1 (перенесён)',
      start: { dateTime: '2027-04-07T18:00:00+02:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2027-04-07T19:00:00+02:00', timeZone: 'Europe/Berlin' },
    });
    expect((await syncNow(user, connection.id)).status).toBe('OK');
    expect((await eventOf(user, event.id)).data!.event).toMatchObject({
      startsAt: '2027-04-05T10:00:00.000Z',
      durationMinutes: 30,
    });
    expect(await app.db.getRepository(Step).findOneByOrFail({ id: stepId })).toMatchObject({
      title: 'Урок 1 (перенесён)',
      plannedStart: new Date('2027-04-07T16:00:00Z'),
      plannedDurationMinutes: 60,
    });

    google.put('alice@example.com', { id: eventRemote, status: 'cancelled' });
    google.put('alice@example.com', { id: stepRemote, status: 'cancelled' });
    await syncNow(user, connection.id);
    expect(errorCode(await eventOf(user, event.id))).toBe('NOT_FOUND');
    // A planned step deleted in Google is unplanned, not deleted.
    expect(await app.db.getRepository(Step).findOneByOrFail({ id: stepId })).toMatchObject({
      plannedStart: null,
    });

    // Disconnecting revokes the grant at Google.
    const revokedBefore = google.revokedRefreshTokens.size;
    await executeOperationOk(
      app,
      DisconnectCalendarConnectionDocument,
      { id: connection.id },
      user,
    );
    expect(google.revokedRefreshTokens.size).toBe(revokedBefore + 1);
  });
});
