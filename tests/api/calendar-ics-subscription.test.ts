import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import {
  CalendarConnectionsDocument,
  CreateGoalDocument,
  DisconnectCalendarConnectionDocument,
  ExternalBusyDocument,
  FreeSlotsDocument,
  SchedulePlanDocument,
  SubscribeIcsCalendarDocument,
  SyncCalendarConnectionDocument,
} from '../gql/graphql.js';
import { seedUser, type TestUser } from '../support/factories.js';
import { errorCode, executeOperation, executeOperationOk } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const MOSCOW = 'Europe/Moscow';

/** A work calendar's secret address, served by a local server the test controls. */
interface Feed {
  status: number;
  body: string;
  etag: string;
}
const feeds = new Map<string, Feed>();
const conditionalHits: string[] = [];
let server: Server;
let base: string;
let app: TestApp;

beforeAll(async () => {
  server = createServer((request, response) => {
    const feed = feeds.get(request.url ?? '');
    if (!feed) return void response.writeHead(404).end();
    if (feed.status !== 200) return void response.writeHead(feed.status).end('nope');
    if (request.headers['if-none-match'] === feed.etag) {
      conditionalHits.push(request.url!);
      return void response.writeHead(304, { etag: feed.etag }).end();
    }
    response.writeHead(200, { 'content-type': 'text/calendar', etag: feed.etag }).end(feed.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  app = await startTestApp({ WEBHOOK_ALLOW_LOCALHOST: 'true' });
});
afterAll(async () => {
  await app.stop();
  await new Promise((resolve) => server.close(resolve));
});

const ics = (...events: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Work//EN', ...events, 'END:VCALENDAR'].join('\r\n');

function serve(path: string, body: string, status = 200): string {
  feeds.set(path, { status, body, etag: `"${body.length}-${status}"` });
  return `${base}${path}`;
}

async function subscribe(user: TestUser, url: string) {
  const { subscribeIcsCalendar } = await executeOperationOk(
    app,
    SubscribeIcsCalendarDocument,
    { url, name: 'Work' },
    user,
  );
  return subscribeIcsCalendar;
}
const syncNow = async (user: TestUser, id: string) =>
  (await executeOperationOk(app, SyncCalendarConnectionDocument, { id }, user))
    .syncCalendarConnection;
const busyBetween = async (user: TestUser, from: string, to: string) =>
  (await executeOperationOk(app, ExternalBusyDocument, { from, to }, user)).externalBusy.map(
    (row) => [row.startsAt, row.endsAt, row.title],
  );

describe('ICS subscription in', () => {
  it('stores busy time with recurrences, exceptions, moved occurrences and time zones', async () => {
    const user = await seedUser(app);
    const url = serve(
      '/work-1.ics',
      ics(
        // Weekly 09:00 New York, over the US DST change (14 March 2027); 15 March cancelled,
        // 22 March moved to 14:00.
        'BEGIN:VEVENT',
        'UID:weekly@work',
        'DTSTAMP:20270101T000000Z',
        'DTSTART;TZID=America/New_York:20270301T090000',
        'DTEND;TZID=America/New_York:20270301T100000',
        'RRULE:FREQ=WEEKLY;COUNT=5',
        'EXDATE;TZID=America/New_York:20270315T090000',
        'SUMMARY:Team sync',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:weekly@work',
        'DTSTAMP:20270101T000000Z',
        'RECURRENCE-ID;TZID=America/New_York:20270322T090000',
        'DTSTART;TZID=America/New_York:20270322T140000',
        'DTEND;TZID=America/New_York:20270322T150000',
        'SUMMARY:Team sync (moved)',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:offsite@work',
        'DTSTAMP:20270101T000000Z',
        'DTSTART;VALUE=DATE:20270310',
        'DTEND;VALUE=DATE:20270311',
        'SUMMARY:Offsite',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:free@work',
        'DTSTAMP:20270101T000000Z',
        'DTSTART:20270302T120000Z',
        'DTEND:20270302T130000Z',
        'TRANSP:TRANSPARENT',
        'SUMMARY:Lunch (free)',
        'END:VEVENT',
      ),
    );
    const connection = await subscribe(user, url);
    expect(connection).toMatchObject({ kind: 'ICS', name: 'Work', status: 'OK' });
    const synced = await syncNow(user, connection.id);
    expect(synced).toMatchObject({ status: 'OK', failureCount: 0 });
    expect(synced.statusText).toBe('синхронизировано только что');

    // The test "now" is December 2026; the busy window reaches 120 days ahead.
    expect(await busyBetween(user, '2027-02-28T00:00:00Z', '2027-04-01T00:00:00Z')).toEqual([
      ['2027-03-01T14:00:00.000Z', '2027-03-01T15:00:00.000Z', 'Team sync'],
      ['2027-03-08T14:00:00.000Z', '2027-03-08T15:00:00.000Z', 'Team sync'],
      // All-day: the whole of 10 March where the user is (Moscow).
      ['2027-03-09T21:00:00.000Z', '2027-03-10T21:00:00.000Z', 'Offsite'],
      ['2027-03-22T18:00:00.000Z', '2027-03-22T19:00:00.000Z', 'Team sync (moved)'],
      ['2027-03-29T13:00:00.000Z', '2027-03-29T14:00:00.000Z', 'Team sync'],
    ]);

    // A second pass is a conditional GET answered 304: the busy time stays.
    await syncNow(user, connection.id);
    expect(conditionalHits).toContain('/work-1.ics');
    expect(await busyBetween(user, '2027-02-28T00:00:00Z', '2027-04-01T00:00:00Z')).toHaveLength(5);

    // A changed feed replaces it.
    serve('/work-1.ics', ics());
    await syncNow(user, connection.id);
    expect(await busyBetween(user, '2027-02-28T00:00:00Z', '2027-04-01T00:00:00Z')).toEqual([]);
  });

  it('refuses private, non-https and malformed addresses with BAD_USER_INPUT', async () => {
    const user = await seedUser(app);
    for (const url of [
      'https://10.0.0.7/cal.ics',
      'https://169.254.169.254/latest',
      'ftp://example.com/cal.ics',
      'http://example.com/cal.ics',
      'not a url',
    ]) {
      const result = await executeOperation(app, SubscribeIcsCalendarDocument, { url }, user);
      expect([url, errorCode(result)]).toEqual([url, 'BAD_USER_INPUT']);
    }
    const list = await executeOperationOk(app, CalendarConnectionsDocument, {}, user);
    expect(list.calendarConnections).toEqual([]);
  });

  it('shows errors with back-off, and stops on revoked access', async () => {
    const user = await seedUser(app);
    const broken = await subscribe(user, serve('/broken.ics', '', 503));
    const first = await syncNow(user, broken.id);
    expect(first).toMatchObject({ status: 'ERROR', failureCount: 1 });
    expect(first.statusText).toMatch(/^ошибка: the calendar server answers 503/);
    expect((await syncNow(user, broken.id)).failureCount).toBe(2);

    const notIcs = await subscribe(user, serve('/html.ics', '<html>login</html>'));
    expect((await syncNow(user, notIcs.id)).lastError).toMatch(/not an iCalendar file/);

    const revoked = await subscribe(user, serve('/revoked.ics', '', 403));
    const after = await syncNow(user, revoked.id);
    expect(after.status).toBe('REVOKED');
    expect(after.statusText).toBe('ошибка: доступ отозван — переподключите');
    const again = await executeOperation(
      app,
      SyncCalendarConnectionDocument,
      { id: revoked.id },
      user,
    );
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
  });

  it('keeps steps and free slots off external busy time', async () => {
    const user = await seedUser(app);
    // Two weekdays ahead, busy 09:00–17:00 Moscow except 12:00–13:00.
    let day = DateTime.now().setZone(MOSCOW).startOf('day').plus({ days: 2 });
    while (day.weekday > 5) day = day.plus({ days: 1 });
    const stamp = (hour: number) => day.set({ hour }).toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'");
    const url = serve(
      `/busy-${user.id}.ics`,
      ics(
        ...[
          [9, 12],
          [13, 17],
        ].flatMap(([from, to]) => [
          'BEGIN:VEVENT',
          `UID:block-${from}@work`,
          'DTSTAMP:20270101T000000Z',
          `DTSTART:${stamp(from!)}`,
          `DTEND:${stamp(to!)}`,
          'SUMMARY:Client workshop',
          'END:VEVENT',
        ]),
      ),
    );
    const connection = await subscribe(user, url);
    await syncNow(user, connection.id);

    const { freeSlots } = await executeOperationOk(
      app,
      FreeSlotsDocument,
      { from: day.toISO()!, to: day.plus({ days: 1 }).toISO()!, minMinutes: 30 },
      user,
    );
    expect(
      freeSlots.map((slot) => [
        DateTime.fromISO(slot.start, { zone: MOSCOW }).toFormat('HH:mm'),
        DateTime.fromISO(slot.end, { zone: MOSCOW }).toFormat('HH:mm'),
      ]),
    ).toEqual([
      ['12:00', '13:00'],
      ['17:00', '18:00'],
    ]);

    const { createGoal } = await executeOperationOk(
      app,
      CreateGoalDocument,
      {
        input: {
          title: 'Report',
          targetDate: day.plus({ days: 1 }).toISODate()!,
          steps: [
            { title: 'Draft', estimatedMinutes: 60 },
            { title: 'Review', estimatedMinutes: 45 },
          ],
        },
      },
      user,
    );
    const { schedulePlan } = await executeOperationOk(
      app,
      SchedulePlanDocument,
      { goalId: createGoal.id },
      user,
    );
    const blocks = [
      [day.set({ hour: 9 }), day.set({ hour: 12 })],
      [day.set({ hour: 13 }), day.set({ hour: 17 })],
    ].map(([from, to]) => [from!.toMillis(), to!.toMillis()]);
    expect(schedulePlan.placements.length).toBeGreaterThan(0);
    for (const placement of schedulePlan.placements) {
      const start = Date.parse(placement.start);
      const end = Date.parse(placement.end);
      for (const [from, to] of blocks) expect(end <= from! || start >= to!).toBe(true);
    }
  });

  it("hides and protects another user's connections (NOT_FOUND)", async () => {
    const owner = await seedUser(app);
    const stranger = await seedUser(app);
    const connection = await subscribe(owner, serve('/private.ics', ics()));
    const variables = { id: connection.id };
    const sync = await executeOperation(app, SyncCalendarConnectionDocument, variables, stranger);
    expect(errorCode(sync)).toBe('NOT_FOUND');
    const disconnect = await executeOperation(
      app,
      DisconnectCalendarConnectionDocument,
      variables,
      stranger,
    );
    expect(errorCode(disconnect)).toBe('NOT_FOUND');
    const list = await executeOperationOk(app, CalendarConnectionsDocument, {}, stranger);
    expect(list.calendarConnections).toEqual([]);
    await executeOperationOk(
      app,
      DisconnectCalendarConnectionDocument,
      { id: connection.id },
      owner,
    );
    const gone = await executeOperationOk(app, CalendarConnectionsDocument, {}, owner);
    expect(gone.calendarConnections).toEqual([]);
  });
});
