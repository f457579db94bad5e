import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ical, { type VEvent } from 'node-ical';
import { Event, Step } from '../../src/entities/index.js';
import {
  CalendarFeedDocument,
  CreateCalendarFeedDocument,
  CreateEventDocument,
  RevokeCalendarFeedDocument,
  UpdateEventDocument,
} from '../gql/graphql.js';
import { seedGoal, seedUser, type TestUser } from '../support/factories.js';
import { errorCode, executeOperation, executeOperationOk } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

/** The feed's URL on this test server (PUBLIC_URL is not set, and PORT is 0). */
const localUrl = (url: string) => `${app.url}${new URL(url).pathname}`;

async function createFeed(user: TestUser) {
  const { createCalendarFeed } = await executeOperationOk(
    app,
    CreateCalendarFeedDocument,
    {},
    user,
  );
  return { ...createCalendarFeed, url: localUrl(createCalendarFeed.url) };
}

const vevents = (body: string) =>
  Object.values(ical.sync.parseICS(body)).filter(
    (component): component is VEvent => component?.type === 'VEVENT',
  );

describe('ICS feed out', () => {
  it('serves events, all-day events, reminders and planned steps at the same instants across DST', async () => {
    const user = await seedUser(app);
    const weekly = await executeOperationOk(
      app,
      CreateEventDocument,
      {
        input: {
          title: 'Standup',
          // Friday 19 March 2027, 10:00 in Berlin (CET); Europe moves to CEST on 28 March.
          start: '2027-03-19T09:00:00.000Z',
          timezone: 'Europe/Berlin',
          durationMinutes: 30,
          recurrence: 'FREQ=WEEKLY;UNTIL=20270409',
          reminderMinutesBefore: [15, 60],
        },
      },
      user,
    );
    await executeOperationOk(
      app,
      CreateEventDocument,
      {
        input: {
          title: 'Holiday',
          start: '2027-03-27T21:00:00.000Z',
          timezone: 'Europe/Moscow',
          allDay: true,
          reminderEnabled: false,
        },
      },
      user,
    );
    const goal = await seedGoal(app, user, { steps: ['Buy running shoes'] });
    await app.db
      .getRepository(Step)
      .update(
        { id: goal.steps[0]!.id },
        { plannedStart: new Date('2027-03-30T15:00:00.000Z'), plannedDurationMinutes: 45 },
      );

    const feed = await createFeed(user);
    const response = await fetch(feed.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(response.headers.get('cache-control')).toBe('private, max-age=300');
    const body = await response.text();
    expect(body).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin');
    expect(body).toContain('DTSTART;TZID=Europe/Berlin:20270319T100000');
    expect(body).toMatch(/RRULE:FREQ=WEEKLY;UNTIL=20270409T215959Z/);

    const events = vevents(body);
    expect(events.map((event) => String(event.summary)).sort()).toEqual([
      'Buy running shoes',
      'Holiday',
      'Standup',
    ]);
    const standup = events.find((event) => event.uid === `${weekly.createEvent.id}@maxon`)!;
    const occurrences = ical
      .expandRecurringEvent(standup, {
        from: new Date('2027-03-01T00:00:00Z'),
        to: new Date('2027-05-01T00:00:00Z'),
      })
      .map((instance) => [instance.start.toISOString(), instance.end.toISOString()]);
    // 10:00 local on both sides of the change: 09:00Z in CET, 08:00Z in CEST.
    expect(occurrences).toEqual([
      ['2027-03-19T09:00:00.000Z', '2027-03-19T09:30:00.000Z'],
      ['2027-03-26T09:00:00.000Z', '2027-03-26T09:30:00.000Z'],
      ['2027-04-02T08:00:00.000Z', '2027-04-02T08:30:00.000Z'],
      ['2027-04-09T08:00:00.000Z', '2027-04-09T08:30:00.000Z'],
    ]);
    expect(standup.alarms?.map((alarm) => String(alarm.trigger)).sort()).toEqual([
      '-PT15M',
      '-PT1H',
    ]);

    const holiday = events.find((event) => event.summary === 'Holiday')!;
    expect(holiday.datetype).toBe('date');
    expect(body).toContain('DTSTART;VALUE=DATE:20270328');
    expect(body).toContain('DTEND;VALUE=DATE:20270329');
    expect(holiday.alarms ?? []).toEqual([]);

    const step = events.find((event) => event.summary === 'Buy running shoes')!;
    expect(step.start.toISOString()).toBe('2027-03-30T15:00:00.000Z');
    expect(step.end!.toISOString()).toBe('2027-03-30T15:45:00.000Z');
  });

  it("writes a series' exceptions (from a synced calendar) as EXDATE and RECURRENCE-ID", async () => {
    const user = await seedUser(app);
    const { createEvent } = await executeOperationOk(
      app,
      CreateEventDocument,
      {
        input: {
          title: 'Standup',
          start: '2027-03-19T09:00:00.000Z',
          timezone: 'Europe/Berlin',
          durationMinutes: 30,
          recurrence: 'FREQ=WEEKLY;COUNT=4',
        },
      },
      user,
    );
    // As a pull from Google/CalDAV leaves them: 26 March cancelled, 2 April moved a day later.
    await app.db.getRepository(Event).update(
      { id: createEvent.id },
      {
        exceptions: [
          { originalStart: '2027-03-26T09:00:00.000Z', start: null },
          { originalStart: '2027-04-02T08:00:00.000Z', start: '2027-04-03T12:00:00.000Z' },
        ],
      },
    );
    const body = await (await fetch((await createFeed(user)).url)).text();
    expect(body).toContain('EXDATE;TZID=Europe/Berlin:20270326T100000');
    expect(body).toContain('RECURRENCE-ID;TZID=Europe/Berlin:20270402T100000');
    const [standup] = vevents(body);
    const starts = ical
      .expandRecurringEvent(standup!, {
        from: new Date('2027-03-01T00:00:00Z'),
        to: new Date('2027-05-01T00:00:00Z'),
      })
      .map((instance) => instance.start.toISOString());
    expect(starts).toEqual([
      '2027-03-19T09:00:00.000Z',
      '2027-04-03T12:00:00.000Z',
      '2027-04-09T08:00:00.000Z',
    ]);
  });

  it('answers 304 to a conditional GET until something changes', async () => {
    const user = await seedUser(app);
    const { createEvent } = await executeOperationOk(
      app,
      CreateEventDocument,
      { input: { title: 'Dentist', start: '2027-05-10T09:00:00.000Z' } },
      user,
    );
    const feed = await createFeed(user);
    const first = await fetch(feed.url);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('last-modified')).toBeTruthy();

    const again = await fetch(feed.url, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);

    await executeOperationOk(
      app,
      UpdateEventDocument,
      { id: createEvent.id, input: { title: 'Dentist (moved)' } },
      user,
    );
    const changed = await fetch(feed.url, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await changed.text()).toContain('SUMMARY:Dentist (moved)');
  });

  it('stores only the token hash; rotating and revoking stop the old address', async () => {
    const user = await seedUser(app);
    const first = await createFeed(user);
    const token = /\/ics\/([\w-]+)\.ics$/.exec(first.url)![1]!;
    const [row] = await app.db.query('SELECT * FROM calendar_feeds WHERE id = $1', [first.feed.id]);
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);

    const second = await createFeed(user);
    expect((await fetch(first.url)).status).toBe(404);
    expect((await fetch(second.url)).status).toBe(200);
    const active = await executeOperationOk(app, CalendarFeedDocument, {}, user);
    expect(active.calendarFeed?.id).toBe(second.feed.id);

    const { revokeCalendarFeed } = await executeOperationOk(
      app,
      RevokeCalendarFeedDocument,
      { id: second.feed.id },
      user,
    );
    expect(revokeCalendarFeed.revokedAt).toBeTruthy();
    expect((await fetch(second.url)).status).toBe(404);
    expect((await executeOperationOk(app, CalendarFeedDocument, {}, user)).calendarFeed).toBeNull();
    expect((await fetch(`${app.url}/ics/ics_made-up-token.ics`)).status).toBe(404);
  });

  it("does not let one user revoke another's feed", async () => {
    const owner = await seedUser(app);
    const stranger = await seedUser(app);
    const feed = await createFeed(owner);
    const attempt = await executeOperation(
      app,
      RevokeCalendarFeedDocument,
      { id: feed.feed.id },
      stranger,
    );
    expect(errorCode(attempt)).toBe('NOT_FOUND');
    expect((await fetch(feed.url)).status).toBe(200);
  });
});
