import { describe, expect, it } from '@jest/globals';
import { CalendarConnection, CalendarMapping } from '../../src/entities/index.js';
import { ExternalBusyDocument, UpdateEventDocument } from '../gql/graphql.js';
import { seedUser, type TestUser } from '../support/factories.js';
import { connectGoogle } from '../support/google-connect.js';
import { errorCode, executeOperationOk } from '../support/graphql-client.js';
import * as twoWay from '../support/two-way.js';

// A full resync (the cursor was lost) treats what the provider no longer has as deleted, and
// choosing another calendar to write to moves our copies there: both on a real Radicale and
// on the fake Google.
const world = twoWay.twoWayWorld({ 'bob@example.com': 'owner', 'bob-work@example.com': 'owner' });

const syncOk = async (user: TestUser, id: string) =>
  expect((await twoWay.syncNow(world.app, user, id)).status).toBe('OK');
const busyOn = async (user: TestUser, day: string) =>
  (
    await executeOperationOk(
      world.app,
      ExternalBusyDocument,
      { from: `${day}T00:00:00Z`, to: `${day}T23:59:59Z` },
      user,
    )
  ).externalBusy;
/** A day soon (busy time is kept for the next CALENDAR_BUSY_DAYS only), as YYYY-MM-DD. */
const daySoon = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const mappingsOf = (connectionId: string) =>
  world.app.db.getRepository(CalendarMapping).findBy({ connectionId });

/** A foreign (not maxOn's) event stored in Radicale's calendar. */
async function foreignInRadicale(calendarUrl: string, uid: string, day: string) {
  const path = `${new URL(calendarUrl).pathname}${uid}.ics`;
  const text = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20270101T000000Z',
    `DTSTART:${day}T090000Z`,
    `DTEND:${day}T100000Z`,
    'SUMMARY:Чужая встреча',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
  await twoWay.putInRadicale(world.radicale, path, text);
  return path;
}

describe('a full resync detects deletions', () => {
  it('CalDAV: a forgotten sync token → what Radicale no longer has is deleted here', async () => {
    const user = await seedUser(world.app);
    const { id, url } = await twoWay.calDavWriting(world.app, world.radicale, user);
    const event = await twoWay.newEvent(world.app, user, 'Ретро', '2027-05-10T08:00:00.000Z');
    const kept = await twoWay.newEvent(world.app, user, 'Стендап', '2027-05-11T08:00:00.000Z');
    const soon = daySoon(10);
    const foreign = await foreignInRadicale(url, 'meeting-1', soon.replace(/-/g, ''));
    await syncOk(user, id);
    expect(await busyOn(user, soon)).toHaveLength(1);

    const { remoteId } = (await twoWay.mappingOf(world.app, event.id))!;
    expect((await world.radicale.request(remoteId, { method: 'DELETE' })).status).toBe(200);
    expect((await world.radicale.request(foreign, { method: 'DELETE' })).status).toBe(200);
    // The server no longer knows our token (expired, the calendar was restored…).
    await world.app.db
      .getRepository(CalendarConnection)
      .update({ id }, { cursors: { [url]: 'http://radicale.org/ns/sync/forgotten' } });
    await syncOk(user, id);

    expect(errorCode(await twoWay.eventOf(world.app, user, event.id))).toBe('NOT_FOUND');
    expect(await twoWay.mappingOf(world.app, event.id)).toBeNull();
    expect(await busyOn(user, soon)).toEqual([]);
    // What is still there stays, mapped.
    expect((await twoWay.eventOf(world.app, user, kept.id)).data!.event.title).toBe('Стендап');
    expect(await twoWay.mappingOf(world.app, kept.id)).not.toBeNull();
  });

  it('Google: after 410 an event deleted meanwhile is deleted here; an unpushed edit wins', async () => {
    const user = await seedUser(world.app);
    const connection = await connectGoogle(world.app, world.google, user);
    await twoWay.chooseWrite(world.app, user, connection.id, 'bob@example.com');
    const gone = await twoWay.newEvent(world.app, user, 'Обед', '2027-06-01T10:00:00.000Z');
    const edited = await twoWay.newEvent(world.app, user, 'Ужин', '2027-06-02T17:00:00.000Z');
    await syncOk(user, connection.id);
    const events = world.google.calendars.get('bob@example.com')!.events;
    const goneRemote = (await twoWay.mappingOf(world.app, gone.id))!.remoteId;
    const editedRemote = (await twoWay.mappingOf(world.app, edited.id))!.remoteId;

    world.google.put('bob@example.com', { id: goneRemote, status: 'cancelled' });
    events.delete(editedRemote); // gone for good, not even a cancelled entry
    await executeOperationOk(
      world.app,
      UpdateEventDocument,
      { id: edited.id, input: { title: 'Ужин (перенесён у нас)' } },
      user,
    );
    world.google.expireSyncTokens();
    await syncOk(user, connection.id);

    expect(errorCode(await twoWay.eventOf(world.app, user, gone.id))).toBe('NOT_FOUND');
    expect(await twoWay.mappingOf(world.app, gone.id)).toBeNull();
    // Changed here and not pushed yet: ours wins and is written again.
    expect((await twoWay.eventOf(world.app, user, edited.id)).data!.event.title).toBe(
      'Ужин (перенесён у нас)',
    );
    const rewritten = (await twoWay.mappingOf(world.app, edited.id))!.remoteId;
    expect(events.get(rewritten)).toMatchObject({
      summary: 'Ужин (перенесён у нас)',
      status: 'confirmed',
    });
  });
});

describe('choosing another calendar to write to', () => {
  it('CalDAV: our copies leave the old calendar and appear once in the new one', async () => {
    const user = await seedUser(world.app);
    const { id, url: first } = await twoWay.calDavWriting(world.app, world.radicale, user);
    const day = daySoon(12);
    const event = await twoWay.newEvent(world.app, user, 'Планёрка', `${day}T08:00:00.000Z`);
    await syncOk(user, id);
    const before = (await twoWay.mappingOf(world.app, event.id))!;
    expect(before.calendarId).toBe(first);

    const second = await world.radicale.makeCalendar(`second-${Date.now()}`, 'Второй');
    await twoWay.chooseWrite(world.app, user, id, second, [first, second]);
    await syncOk(user, id);
    const after = (await twoWay.mappingOf(world.app, event.id))!;
    expect(after.calendarId).toBe(second);
    expect((await world.radicale.request(before.remoteId)).status).toBe(404);
    expect(await (await world.radicale.request(after.remoteId)).text()).toContain(
      'SUMMARY:Планёрка',
    );
    expect(await mappingsOf(id)).toHaveLength(1);
    // Both calendars count as busy: our event is never busy time over itself.
    expect(await busyOn(user, day)).toEqual([]);
    await syncOk(user, id);
    expect(await mappingsOf(id)).toHaveLength(1);
  });

  it('Google: moving writes from one calendar to another leaves no duplicate', async () => {
    const user = await seedUser(world.app);
    const connection = await connectGoogle(world.app, world.google, user);
    await twoWay.chooseWrite(world.app, user, connection.id, 'bob@example.com');
    const day = daySoon(14);
    const event = await twoWay.newEvent(world.app, user, 'Созвон', `${day}T07:00:00.000Z`);
    await syncOk(user, connection.id);
    const old = (await twoWay.mappingOf(world.app, event.id))!;

    await twoWay.chooseWrite(world.app, user, connection.id, 'bob-work@example.com', [
      'bob@example.com',
      'bob-work@example.com',
    ]);
    await syncOk(user, connection.id);
    const oldCopy = world.google.calendars.get('bob@example.com')!.events.get(old.remoteId);
    expect(oldCopy?.status).toBe('cancelled');
    const mapping = (await twoWay.mappingOf(world.app, event.id))!;
    expect(mapping.calendarId).toBe('bob-work@example.com');
    const live = [...world.google.calendars.get('bob-work@example.com')!.events.values()].filter(
      (copy) => copy.status !== 'cancelled' && copy.summary === 'Созвон',
    );
    expect(live).toHaveLength(1);
    expect(await busyOn(user, day)).toEqual([]);
  });
});
