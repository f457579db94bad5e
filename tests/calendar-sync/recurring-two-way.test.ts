import { describe, expect, it } from '@jest/globals';
import { Event } from '../../src/entities/index.js';
import { MoreCEventsBetweenDocument, UpdateEventDocument } from '../gql/graphql.js';
import { seedUser, type TestUser } from '../support/factories.js';
import { connectGoogle } from '../support/google-connect.js';
import { executeOperationOk } from '../support/graphql-client.js';
import * as twoWay from '../support/two-way.js';

// A recurring event maxOn wrote, edited in the provider: its rule, a cancelled occurrence and
// a moved one come back as the series' rule and its exceptions (Event.exceptions).
const world = twoWay.twoWayWorld({ 'carol@example.com': 'owner' });

const syncOk = async (user: TestUser, id: string) =>
  expect((await twoWay.syncNow(world.app, user, id)).status).toBe('OK');
const startsBetween = async (user: TestUser, from: string, to: string) =>
  (await executeOperationOk(world.app, MoreCEventsBetweenDocument, { from, to }, user)).events.map(
    (occurrence) => occurrence.start,
  );
const stored = (id: string) => world.app.db.getRepository(Event).findOneByOrFail({ id });

describe('CalDAV (Radicale): a recurring event changed there', () => {
  it('brings back the new rule, a cancelled and a moved occurrence; maxOn writes them back', async () => {
    const user = await seedUser(world.app);
    const { id } = await twoWay.calDavWriting(world.app, world.radicale, user);
    // Mondays 09:00 Berlin, from 1 March 2027 (DST starts on the 28th: 08:00Z, then 07:00Z).
    const event = await twoWay.newEvent(
      world.app,
      user,
      'Планёрка',
      '2027-03-01T08:00:00.000Z',
      'FREQ=WEEKLY;BYDAY=MO;COUNT=6',
    );
    await syncOk(user, id);
    const { remoteId } = (await twoWay.mappingOf(world.app, event.id))!;

    // In another world.app: the rule becomes 5 weeks; 15 March cancelled; 22 March moved to Tuesday 14:00.
    const { head, event: vevent } = await twoWay.radicaleObject(world.radicale, remoteId);
    const changed = vevent
      .replace(
        /RRULE:[^\r\n]+/,
        'RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=5\r\nEXDATE;TZID=Europe/Berlin:20270315T090000',
      )
      .replace(
        'END:VCALENDAR',
        [
          'BEGIN:VEVENT',
          `UID:${event.id}`,
          'DTSTAMP:20270101T000000Z',
          'RECURRENCE-ID;TZID=Europe/Berlin:20270322T090000',
          'DTSTART;TZID=Europe/Berlin:20270323T140000',
          'DTEND;TZID=Europe/Berlin:20270323T150000',
          'SUMMARY:Планёрка',
          'END:VEVENT',
          'END:VCALENDAR',
        ].join('\r\n'),
      );
    await twoWay.putInRadicale(world.radicale, remoteId, head + changed);
    await syncOk(user, id);

    const series = await stored(event.id);
    expect(series.recurrence).toBe('FREQ=WEEKLY;COUNT=5;BYDAY=MO');
    expect(series.exceptions).toEqual([
      { originalStart: '2027-03-15T08:00:00.000Z', start: null },
      { originalStart: '2027-03-22T08:00:00.000Z', start: '2027-03-23T13:00:00.000Z' },
    ]);
    expect(await startsBetween(user, '2027-02-28T00:00:00Z', '2027-04-30T00:00:00Z')).toEqual([
      '2027-03-01T08:00:00.000Z',
      '2027-03-08T08:00:00.000Z',
      '2027-03-23T13:00:00.000Z',
      '2027-03-29T07:00:00.000Z',
    ]);
    // The next pass changes nothing (no ping-pong).
    const before = await twoWay.mappingOf(world.app, event.id);
    await syncOk(user, id);
    expect(await twoWay.mappingOf(world.app, event.id)).toEqual(before);

    // Renamed in maxOn: the write keeps the exceptions in the CalDAV object.
    await executeOperationOk(
      world.app,
      UpdateEventDocument,
      { id: event.id, input: { title: 'Планёрка (новая)' } },
      user,
    );
    await syncOk(user, id);
    const text = await (await world.radicale.request(remoteId)).text();
    expect(text).toContain('SUMMARY:Планёрка (новая)');
    expect(text).toMatch(/EXDATE;TZID=Europe\/Berlin:20270315T090000/);
    expect(text).toMatch(/RECURRENCE-ID;TZID=Europe\/Berlin:20270322T090000/);
    expect((await stored(event.id)).exceptions).toHaveLength(2);
    // Our write coming back in the next pull changes nothing either.
    const written = await twoWay.mappingOf(world.app, event.id);
    await syncOk(user, id);
    expect(await twoWay.mappingOf(world.app, event.id)).toEqual(written);
    expect(await stored(event.id)).toMatchObject({
      title: 'Планёрка (новая)',
      exceptions: series.exceptions,
    });
  });
});

describe('Google (fake): a recurring event changed there', () => {
  it('brings back the rule and the changed instances, also when only an instance changed', async () => {
    const user = await seedUser(world.app);
    const connection = await connectGoogle(world.app, world.google, user);
    await twoWay.chooseWrite(world.app, user, connection.id, 'carol@example.com');
    const event = await twoWay.newEvent(
      world.app,
      user,
      'Зарядка',
      '2027-05-03T05:00:00.000Z',
      'FREQ=DAILY;COUNT=3',
    );
    await syncOk(user, connection.id);
    const { remoteId } = (await twoWay.mappingOf(world.app, event.id))!;
    const events = world.google.calendars.get('carol@example.com')!.events;
    const zone = 'Europe/Berlin';

    // The rule changed to five days, and the 4 May occurrence moved to 09:30.
    world.google.put('carol@example.com', {
      ...events.get(remoteId),
      recurrence: ['RRULE:FREQ=DAILY;COUNT=5'],
    });
    world.google.put('carol@example.com', {
      id: `${remoteId}_20270504T050000Z`,
      recurringEventId: remoteId,
      originalStartTime: { dateTime: '2027-05-04T07:00:00+02:00', timeZone: zone },
      start: { dateTime: '2027-05-04T09:30:00+02:00', timeZone: zone },
      end: { dateTime: '2027-05-04T10:30:00+02:00', timeZone: zone },
      summary: 'Зарядка',
    });
    await syncOk(user, connection.id);
    expect(await stored(event.id)).toMatchObject({
      recurrence: 'FREQ=DAILY;COUNT=5',
      exceptions: [
        { originalStart: '2027-05-04T05:00:00.000Z', start: '2027-05-04T07:30:00.000Z' },
      ],
    });

    // Only an instance changes (cancelled): its series is not in the incremental answer.
    world.google.put('carol@example.com', {
      id: `${remoteId}_20270506T050000Z`,
      recurringEventId: remoteId,
      originalStartTime: { dateTime: '2027-05-06T07:00:00+02:00', timeZone: zone },
      status: 'cancelled',
    });
    await syncOk(user, connection.id);
    expect(await startsBetween(user, '2027-05-01T00:00:00Z', '2027-05-31T00:00:00Z')).toEqual([
      '2027-05-03T05:00:00.000Z',
      '2027-05-04T07:30:00.000Z',
      '2027-05-05T05:00:00.000Z',
      '2027-05-07T05:00:00.000Z',
    ]);
    // Written back from maxOn, the cancelled occurrence goes as EXDATE.
    await executeOperationOk(
      world.app,
      UpdateEventDocument,
      { id: event.id, input: { title: 'Зарядка утром' } },
      user,
    );
    await syncOk(user, connection.id);
    expect(events.get(remoteId)).toMatchObject({
      summary: 'Зарядка утром',
      recurrence: ['RRULE:FREQ=DAILY;COUNT=5', 'EXDATE;TZID=Europe/Berlin:20270506T070000'],
    });
    const written = await twoWay.mappingOf(world.app, event.id);
    await syncOk(user, connection.id);
    expect(await twoWay.mappingOf(world.app, event.id)).toEqual(written);

    // The series moved in maxOn: its exceptions named occurrences it no longer has.
    await executeOperationOk(
      world.app,
      UpdateEventDocument,
      { id: event.id, input: { start: '2027-05-03T06:00:00.000Z' } },
      user,
    );
    expect((await stored(event.id)).exceptions).toEqual([]);
  });
});
