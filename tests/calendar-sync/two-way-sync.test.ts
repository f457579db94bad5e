import { describe, expect, it } from '@jest/globals';
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
import { errorCode, executeOperation, executeOperationOk } from '../support/graphql-client.js';
import { connectGoogle } from '../support/google-connect.js';
import * as twoWay from '../support/two-way.js';

// Two-way sync end to end through the API: a real Radicale and the fake Google over HTTP.
const world = twoWay.twoWayWorld({ 'alice@example.com': 'owner', 'ru.russian#holiday': 'reader' });

const syncNow = (user: TestUser, id: string) => twoWay.syncNow(world.app, user, id);
const mappingOf = (localId: string) => twoWay.mappingOf(world.app, localId);
const eventOf = (user: TestUser, id: string) => twoWay.eventOf(world.app, user, id);
const newEvent = (user: TestUser, title: string, start: string) =>
  twoWay.newEvent(world.app, user, title, start);
const calDavWriting = async (user: TestUser) =>
  (await twoWay.calDavWriting(world.app, world.radicale, user)).id;
const moveInRadicale = (remoteId: string, start: string, end: string) =>
  twoWay.moveInRadicale(world.radicale, remoteId, start, end);

describe('CalDAV (Radicale) through the API', () => {
  it('connects only with a login the server accepts; a refused one stores nothing', async () => {
    const user = await seedUser(world.app);
    const wrong = await executeOperation(
      world.app,
      ConnectCalDavDocument,
      { input: { url: world.radicale.url, username: world.radicale.user, password: 'not-it' } },
      user,
    );
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0]?.extensions?.field).toBe('password');
    const internal = await executeOperation(
      world.app,
      ConnectCalDavDocument,
      { input: { url: 'http://169.254.169.254/', username: 'a', password: 'b' } },
      user,
    );
    expect(errorCode(internal)).toBe('BAD_USER_INPUT');
    expect(await world.app.db.getRepository(CalendarConnection).countBy({ userId: user.id })).toBe(
      0,
    );

    const id = await calDavWriting(user);
    const [{ credentials }] = await world.app.db.query(
      'SELECT credentials FROM calendar_connections WHERE id = $1',
      [id],
    );
    expect(credentials).toMatch(/^v1:/);
    expect(credentials).not.toContain(world.radicale.password);
    // Another user cannot see or change its calendars.
    const other = await seedUser(world.app);
    const foreign = await executeOperation(world.app, ConnectionCalendarsDocument, { id }, other);
    expect(errorCode(foreign)).toBe('NOT_FOUND');
  });

  it('an event moved in the CalDAV calendar moves in maxOn; deleted there, it is deleted here', async () => {
    const user = await seedUser(world.app);
    const id = await calDavWriting(user);
    const event = await newEvent(user, 'Планёрка', '2027-03-10T08:00:00.000Z');
    expect((await syncNow(user, id)).status).toBe('OK');
    const mapping = await mappingOf(event.id);
    expect(mapping).not.toBeNull();
    expect(await (await world.radicale.request(mapping!.remoteId)).text()).toContain(
      'SUMMARY:Планёрка',
    );

    await moveInRadicale(mapping!.remoteId, '20270311T130000Z', '20270311T143000Z');
    expect((await syncNow(user, id)).status).toBe('OK');
    const moved = (await eventOf(user, event.id)).data!.event;
    expect(moved.startsAt).toBe('2027-03-11T13:00:00.000Z');
    expect(moved.durationMinutes).toBe(90);
    // Our own event is not busy time on top of itself.
    const { externalBusy } = await executeOperationOk(
      world.app,
      ExternalBusyDocument,
      { from: '2027-03-11T00:00:00Z', to: '2027-03-12T00:00:00Z' },
      user,
    );
    expect(externalBusy).toEqual([]);
    // A second pass changes nothing (no ping-pong).
    await syncNow(user, id);
    expect((await eventOf(user, event.id)).data!.event.startsAt).toBe('2027-03-11T13:00:00.000Z');

    expect((await world.radicale.request(mapping!.remoteId, { method: 'DELETE' })).status).toBe(
      200,
    );
    await syncNow(user, id);
    expect(errorCode(await eventOf(user, event.id))).toBe('NOT_FOUND');
    expect(await mappingOf(event.id)).toBeNull();
  });

  it('an edit in maxOn not pushed yet wins over a change made in the provider meanwhile', async () => {
    const user = await seedUser(world.app);
    const id = await calDavWriting(user);
    const event = await newEvent(user, 'Отчёт', '2027-03-15T08:00:00.000Z');
    await syncNow(user, id);
    const { remoteId } = (await mappingOf(event.id))!;

    await moveInRadicale(remoteId, '20270316T100000Z', '20270316T110000Z');
    await executeOperationOk(
      world.app,
      UpdateEventDocument,
      { id: event.id, input: { title: 'Отчёт (наш)' } },
      user,
    );
    await syncNow(user, id);
    const ours = (await eventOf(user, event.id)).data!.event;
    expect(ours).toMatchObject({ title: 'Отчёт (наш)', startsAt: '2027-03-15T08:00:00.000Z' });
    const there = await (await world.radicale.request(remoteId)).text();
    expect(there).toContain('SUMMARY:Отчёт (наш)');
    expect(there).not.toContain('20270316T100000Z');
  });

  it('changes come back as one batch: one maxOn cannot take stays ours, the others apply', async () => {
    const user = await seedUser(world.app);
    const id = await calDavWriting(user);
    const kept = await newEvent(user, 'Квартальный', '2027-03-20T08:00:00.000Z');
    const moved = await newEvent(user, 'Обзор', '2027-03-21T08:00:00.000Z');
    const deleted = await newEvent(user, 'Лишнее', '2027-03-22T08:00:00.000Z');
    await syncNow(user, id);
    const remote = async (eventId: string) => (await mappingOf(eventId))!.remoteId;

    // Year 2150 is outside what maxOn takes (1970–2100).
    await moveInRadicale(await remote(kept.id), '21500320T080000Z', '21500320T090000Z');
    await moveInRadicale(await remote(moved.id), '20270321T120000Z', '20270321T123000Z');
    await world.radicale.request(await remote(deleted.id), { method: 'DELETE' });
    expect((await syncNow(user, id)).status).toBe('OK');

    expect((await eventOf(user, kept.id)).data!.event.startsAt).toBe('2027-03-20T08:00:00.000Z');
    expect((await eventOf(user, moved.id)).data!.event).toMatchObject({
      startsAt: '2027-03-21T12:00:00.000Z',
      durationMinutes: 30,
    });
    expect(errorCode(await eventOf(user, deleted.id))).toBe('NOT_FOUND');
    expect(await mappingOf(deleted.id)).toBeNull();
    // The applied change's mapping records it: the next pass writes nothing back.
    const after = await mappingOf(moved.id);
    await syncNow(user, id);
    expect(await mappingOf(moved.id)).toEqual(after);
  });
});

describe('Google Calendar (fake) through the API', () => {
  it('counts own calendars as busy by default; moves and deletions in Google come back', async () => {
    const user = await seedUser(world.app);
    const connection = await connectGoogle(world.app, world.google, user);
    // Holidays (read-only) do not block the user's days unless chosen.
    expect(connection.busyCalendarIds).toEqual(['alice@example.com']);
    await executeOperationOk(
      world.app,
      ChooseConnectionCalendarsDocument,
      {
        id: connection.id,
        busyCalendarIds: ['alice@example.com'],
        writeCalendarId: 'alice@example.com',
      },
      user,
    );
    const readOnly = await executeOperation(
      world.app,
      ChooseConnectionCalendarsDocument,
      { id: connection.id, busyCalendarIds: [], writeCalendarId: 'ru.russian#holiday' },
      user,
    );
    expect(errorCode(readOnly)).toBe('BAD_USER_INPUT');

    const event = await newEvent(user, 'Созвон', '2027-04-05T07:00:00.000Z');
    const { createGoal } = await executeOperationOk(
      world.app,
      CreateGoalDocument,
      { input: { title: 'Английский', steps: [{ title: 'Урок 1', estimatedMinutes: 45 }] } },
      user,
    );
    const stepId = createGoal.steps[0]!.id;
    await world.app.db
      .getRepository(Step)
      .update({ id: stepId }, { plannedStart: new Date('2027-04-06T15:00:00Z') });
    expect((await syncNow(user, connection.id)).status).toBe('OK');

    const events = world.google.calendars.get('alice@example.com')!.events;
    const eventRemote = (await mappingOf(event.id))!.remoteId;
    const stepRemote = (await mappingOf(stepId))!.remoteId;
    expect(events.get(eventRemote)).toMatchObject({ summary: 'Созвон' });
    expect(events.get(stepRemote)).toMatchObject({ summary: 'Урок 1' });

    world.google.put('alice@example.com', {
      ...events.get(eventRemote),
      start: { dateTime: '2027-04-05T12:00:00+02:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2027-04-05T12:30:00+02:00', timeZone: 'Europe/Berlin' },
    });
    world.google.put('alice@example.com', {
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
    expect(await world.app.db.getRepository(Step).findOneByOrFail({ id: stepId })).toMatchObject({
      title: 'Урок 1 (перенесён)',
      plannedStart: new Date('2027-04-07T16:00:00Z'),
      plannedDurationMinutes: 60,
    });

    world.google.put('alice@example.com', { id: eventRemote, status: 'cancelled' });
    world.google.put('alice@example.com', { id: stepRemote, status: 'cancelled' });
    await syncNow(user, connection.id);
    expect(errorCode(await eventOf(user, event.id))).toBe('NOT_FOUND');
    // A planned step deleted in Google is unplanned, not deleted.
    expect(await world.app.db.getRepository(Step).findOneByOrFail({ id: stepId })).toMatchObject({
      plannedStart: null,
    });

    // Disconnecting revokes the grant at Google.
    const revokedBefore = world.google.revokedRefreshTokens.size;
    await executeOperationOk(
      world.app,
      DisconnectCalendarConnectionDocument,
      { id: connection.id },
      user,
    );
    expect(world.google.revokedRefreshTokens.size).toBe(revokedBefore + 1);
  });
});
