import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import {
  CreateEventDocument,
  MoreCEventsBetweenDocument,
  type CreateEventInput,
} from '../gql/graphql.js';
import { seedUser, type TestUser } from '../support/factories.js';
import { executeOperationOk } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

interface Occurrence {
  start: string;
  end: string;
  startLocal: string;
  event: { title: string; timezone: string };
}

async function createEvent(user: TestUser, input: CreateEventInput) {
  return (await executeOperationOk(app, CreateEventDocument, { input }, user)).createEvent;
}

async function occurrences(user: TestUser, from: string, to: string): Promise<Occurrence[]> {
  const data = await executeOperationOk(app, MoreCEventsBetweenDocument, { from, to }, user);
  return data.events;
}

const titled = (all: Occurrence[], title: string) => all.filter((o) => o.event.title === title);
/** Weekday and wall time of the occurrence in the event's own timezone. */
const wallTime = (o: Occurrence) =>
  DateTime.fromISO(o.start, { zone: o.event.timezone }).toFormat('ccc HH:mm');
const starts = (all: Occurrence[], from: string, to: string) =>
  all.map((o) => o.start).filter((start) => start >= from && start < to);
const minutes = (o: Occurrence) => (Date.parse(o.end) - Date.parse(o.start)) / 60_000;

describe('recurring events across daylight-saving changes', () => {
  it('keeps weekly 10:00 events at 10:00 local in Moscow and New York', async () => {
    const user = await seedUser(app, { timezone: 'Europe/Moscow' });
    const weekly = { recurrence: 'FREQ=WEEKLY;BYDAY=TH,SU' };
    const moscowStart = { start: '2026-02-01T10:00:00+03:00', timezone: 'Europe/Moscow' };
    const newYorkStart = { start: '2026-02-01T10:00:00-05:00', timezone: 'America/New_York' };
    await createEvent(user, { ...weekly, ...moscowStart, title: 'Moscow' });
    await createEvent(user, { ...weekly, ...newYorkStart, title: 'New York' });

    // The US changes clocks on Sunday March 8 and Sunday November 1, 2026.
    const all = await occurrences(user, '2026-02-01T00:00:00Z', '2026-12-01T00:00:00Z');
    const moscow = titled(all, 'Moscow');
    const newYork = titled(all, 'New York');
    // Sundays and Thursdays from February 1 to November 29
    expect([moscow.length, newYork.length]).toEqual([87, 87]);
    expect(new Set(moscow.map(wallTime))).toEqual(new Set(['Sun 10:00', 'Thu 10:00']));
    expect(new Set(newYork.map(wallTime))).toEqual(new Set(['Sun 10:00', 'Thu 10:00']));
    expect(new Set(moscow.map((o) => o.start.slice(11)))).toEqual(new Set(['07:00:00.000Z']));
    expect(all.map((o) => o.start)).toEqual(all.map((o) => o.start).sort());
    expect(all.every((o) => minutes(o) === 60)).toBe(true);

    expect(starts(newYork, '2026-03-01', '2026-03-13')).toEqual([
      '2026-03-01T15:00:00.000Z',
      '2026-03-05T15:00:00.000Z',
      '2026-03-08T14:00:00.000Z',
      '2026-03-12T14:00:00.000Z',
    ]);
    expect(starts(newYork, '2026-10-25', '2026-11-06')).toEqual([
      '2026-10-25T14:00:00.000Z',
      '2026-10-29T14:00:00.000Z',
      '2026-11-01T15:00:00.000Z',
      '2026-11-05T15:00:00.000Z',
    ]);
    const summer = starts(newYork, '2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z');
    const winter = newYork.map((o) => o.start).filter((start) => !summer.includes(start));
    expect(new Set(summer.map((start) => start.slice(11)))).toEqual(new Set(['14:00:00.000Z']));
    expect(new Set(winter.map((start) => start.slice(11)))).toEqual(new Set(['15:00:00.000Z']));
    expect([summer.length, winter.length]).toEqual([68, 19]);

    // startLocal is in the user's timezone (Moscow), so New York's 10:00 moves there
    const local = (start: string) => all.find((o) => o.start === start)?.startLocal;
    expect(local('2026-03-05T15:00:00.000Z')).toBe('2026-03-05T18:00:00.000+03:00');
    expect(local('2026-03-08T14:00:00.000Z')).toBe('2026-03-08T17:00:00.000+03:00');
    expect(local('2026-11-01T15:00:00.000Z')).toBe('2026-11-01T18:00:00.000+03:00');
  });

  it('starts a daily all-day event at local midnight every day through the change', async () => {
    const user = await seedUser(app, { timezone: 'America/New_York' });
    const trip = { title: 'Trip', start: '2026-03-06T12:00:00-05:00', allDay: true };
    await createEvent(user, { ...trip, recurrence: 'FREQ=DAILY;COUNT=5' });

    const all = await occurrences(user, '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z');
    expect(all.map((o) => o.startLocal)).toEqual([
      '2026-03-06T00:00:00.000-05:00',
      '2026-03-07T00:00:00.000-05:00',
      '2026-03-08T00:00:00.000-05:00',
      '2026-03-09T00:00:00.000-04:00',
      '2026-03-10T00:00:00.000-04:00',
    ]);
    expect(all.map(minutes)).toEqual([1440, 1440, 1440, 1440, 1440]);
  });

  it('ends daily events after COUNT occurrences or at UNTIL, keeping the local time', async () => {
    const user = await seedUser(app, { timezone: 'America/New_York' });
    const counted = { title: 'Counted', start: '2026-03-06T10:00:00-05:00' };
    await createEvent(user, { ...counted, recurrence: 'FREQ=DAILY;COUNT=4' });
    // UNTIL is 10:00 EST on November 2: an UNTIL that falls on an occurrence includes it
    const until = { title: 'Until', start: '2026-10-29T10:00:00-04:00' };
    const created = await createEvent(user, {
      ...until,
      recurrence: 'RRULE:FREQ=DAILY;UNTIL=20261102T150000Z',
    });
    expect(created.recurrence).toBe('FREQ=DAILY;UNTIL=20261102T150000Z');

    const all = await occurrences(user, '2026-03-01T00:00:00Z', '2027-03-01T00:00:00Z');
    expect(titled(all, 'Counted').map((o) => o.start)).toEqual([
      '2026-03-06T15:00:00.000Z',
      '2026-03-07T15:00:00.000Z',
      '2026-03-08T14:00:00.000Z',
      '2026-03-09T14:00:00.000Z',
    ]);
    expect(titled(all, 'Until').map((o) => o.startLocal)).toEqual([
      '2026-10-29T10:00:00.000-04:00',
      '2026-10-30T10:00:00.000-04:00',
      '2026-10-31T10:00:00.000-04:00',
      '2026-11-01T10:00:00.000-05:00',
      '2026-11-02T10:00:00.000-05:00',
    ]);

    // COUNT counts from the first occurrence, not from the start of the range
    const later = await occurrences(user, '2026-03-08T00:00:00Z', '2026-04-01T00:00:00Z');
    expect(later.map((o) => o.startLocal)).toEqual([
      '2026-03-08T10:00:00.000-04:00',
      '2026-03-09T10:00:00.000-04:00',
    ]);
  });
});
