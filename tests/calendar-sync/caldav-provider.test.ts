import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ical, { type VEvent } from 'node-ical';
import { outboundFetch } from '../../src/http/outbound-fetch.js';
import { CalDavProvider } from '../../src/services/calendar-sync/providers/caldav-provider.js';
import { toICalendar } from '../../src/services/calendar-sync/providers/icalendar-event.js';
import { calDavProviderFrom } from '../../src/services/calendar-sync/providers/caldav-connection.js';
import {
  CalendarProviderError,
  type OutgoingEvent,
} from '../../src/services/calendar-sync/provider.js';
import { startRadicale, type Radicale } from '../support/radicale.js';

// A real CalDAV server: Debian's Radicale, started on a free port for this file.
let radicale: Radicale;
let work: string;

const localFetch = outboundFetch({
  allowLocalhost: true,
  timeoutMs: 5000,
  maxResponseBytes: 5_000_000,
});
const provider = (password = radicale.password, fetchImpl = localFetch): CalDavProvider =>
  new CalDavProvider({
    serverUrl: radicale.url,
    username: radicale.user,
    password,
    fetch: fetchImpl,
  });

const event = (overrides: Partial<OutgoingEvent> = {}): OutgoingEvent => ({
  maxonId: crypto.randomUUID(),
  title: 'Отчёт по проекту',
  start: new Date('2026-03-20T09:00:00Z'),
  end: new Date('2026-03-20T10:00:00Z'),
  allDay: false,
  recurrence: null,
  timeZone: 'Europe/Berlin',
  description: null,
  ...overrides,
});

async function stored(remoteId: string): Promise<{ status: number; text: string }> {
  const response = await radicale.request(remoteId);
  return { status: response.status, text: await response.text() };
}

function veventOf(text: string): VEvent {
  const found = Object.values(ical.sync.parseICS(text)).find((item) => item?.type === 'VEVENT');
  if (!found) throw new Error(`no VEVENT in ${text}`);
  return found as VEvent;
}

async function failureOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CalendarProviderError);
  return (error as CalendarProviderError).failure;
}

const rawEvent = (uid: string, lines: string[]): string =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//radicale//EN',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20260101T000000Z',
    ...lines,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

async function putRaw(calendarUrl: string, name: string, body: string): Promise<void> {
  const response = await radicale.request(new URL(name, calendarUrl).pathname, {
    method: 'PUT',
    headers: { 'content-type': 'text/calendar' },
    body,
  });
  expect([201, 204]).toContain(response.status);
}

beforeAll(async () => {
  radicale = await startRadicale();
  work = await radicale.makeCalendar('work', 'Работа');
  await radicale.makeCalendar('home', 'Home');
});

afterAll(async () => {
  await radicale?.stop();
});

describe('CalDAV provider against Radicale', () => {
  it('discovers the calendars of the account', async () => {
    const calendars = await provider().listCalendars();
    expect(calendars.map((calendar) => calendar.name).sort()).toEqual(['Home', 'Работа']);
    expect(calendars.find((calendar) => calendar.name === 'Работа')).toEqual({
      id: work,
      name: 'Работа',
      readOnly: false,
    });
  });

  it('creates, moves and deletes an event: it appears, moves and disappears in Radicale', async () => {
    const caldav = provider();
    const mine = event();
    const created = await caldav.pushEvent(work, mine, null);
    expect(created.remoteId).toBe(`/alice/work/${mine.maxonId}.ics`);
    expect(created.etag).toMatch(/^".+"$/);
    let copy = await stored(created.remoteId);
    expect(copy.status).toBe(200);
    const first = veventOf(copy.text);
    expect(first.summary).toBe('Отчёт по проекту');
    expect(first.start.toISOString()).toBe('2026-03-20T09:00:00.000Z');
    expect(first.start.tz).toBe('Europe/Berlin');
    expect(copy.text).toContain('DTSTART;TZID=Europe/Berlin:20260320T100000');
    expect(copy.text).toContain('BEGIN:VTIMEZONE');
    expect(copy.text).toContain('TZID:Europe/Berlin');

    // A create retried (its answer was lost) replaces the same object: no duplicate.
    const retried = await caldav.pushEvent(work, mine, null);
    expect(retried.remoteId).toBe(created.remoteId);

    const moved = await caldav.pushEvent(
      work,
      { ...mine, start: new Date('2026-03-21T13:00:00Z'), end: new Date('2026-03-21T14:30:00Z') },
      retried.remoteId,
      retried.etag,
    );
    expect(moved.etag).not.toBe(retried.etag);
    copy = await stored(created.remoteId);
    expect(veventOf(copy.text).start.toISOString()).toBe('2026-03-21T13:00:00.000Z');
    expect(veventOf(copy.text).end?.toISOString()).toBe('2026-03-21T14:30:00.000Z');

    await caldav.deleteEvent(work, created.remoteId);
    expect((await stored(created.remoteId)).status).toBe(404);
    // Deleting what is already gone is not an error.
    await caldav.deleteEvent(work, created.remoteId);
  });

  it('answers conflict when the event changed in Radicale since the etag maxOn has (412)', async () => {
    const caldav = provider();
    const mine = event();
    const created = await caldav.pushEvent(work, mine, null);
    // Someone edits it in their calendar app.
    await putRaw(
      work,
      `${mine.maxonId}.ics`,
      rawEvent(mine.maxonId, [
        'DTSTART:20260320T120000Z',
        'DTEND:20260320T130000Z',
        'SUMMARY:edited',
      ]),
    );
    expect(
      await failureOf(
        caldav.pushEvent(work, { ...mine, title: 'mine' }, created.remoteId, created.etag),
      ),
    ).toBe('conflict');
    expect(veventOf((await stored(created.remoteId)).text).summary).toBe('edited');
    await caldav.deleteEvent(work, created.remoteId);
  });

  it('pulls everything first, then only what changed in Radicale, deletions included', async () => {
    const calendar = await radicale.makeCalendar('pull');
    const caldav = provider();
    const mine = event({ title: 'from maxOn' });
    const pushed = await caldav.pushEvent(calendar, mine, null);
    await putRaw(
      calendar,
      'meeting.ics',
      rawEvent('meeting-1', [
        'DTSTART:20260323T080000Z',
        'DTEND:20260323T090000Z',
        'SUMMARY:Планёрка',
      ]),
    );

    const full = await caldav.pullChanges(calendar, null);
    expect(full.fullResync).toBe(true);
    expect(full.cursor).toBeTruthy();
    expect(full.changes.map((change) => [change.title, change.maxonId]).sort()).toEqual([
      ['from maxOn', mine.maxonId],
      ['Планёрка', null],
    ]);
    const ours = full.changes.find((change) => change.maxonId === mine.maxonId)!;
    expect(ours.remoteId).toBe(pushed.remoteId);
    expect(ours.etag).toBe(pushed.etag);

    // Nothing changed: nothing comes back.
    const quiet = await caldav.pullChanges(calendar, full.cursor);
    expect(quiet).toEqual({ changes: [], cursor: expect.any(String), fullResync: false });

    // Moved and added in Radicale directly.
    await putRaw(
      calendar,
      'meeting.ics',
      rawEvent('meeting-1', [
        'DTSTART:20260323T100000Z',
        'DTEND:20260323T110000Z',
        'SUMMARY:Планёрка',
      ]),
    );
    await putRaw(
      calendar,
      'lunch.ics',
      rawEvent('lunch-1', ['DTSTART:20260324T110000Z', 'DTEND:20260324T120000Z', 'SUMMARY:Обед']),
    );
    const changed = await caldav.pullChanges(calendar, quiet.cursor);
    expect(changed.fullResync).toBe(false);
    expect(
      changed.changes.map((change) => [change.remoteId, change.start.toISOString()]).sort(),
    ).toEqual([
      ['/alice/pull/lunch.ics', '2026-03-24T11:00:00.000Z'],
      ['/alice/pull/meeting.ics', '2026-03-23T10:00:00.000Z'],
    ]);

    const removed = await radicale.request('/alice/pull/lunch.ics', { method: 'DELETE' });
    expect(removed.status).toBe(200);
    const deleted = await caldav.pullChanges(calendar, changed.cursor);
    expect(deleted.changes).toEqual([
      expect.objectContaining({ remoteId: '/alice/pull/lunch.ics', deleted: true }),
    ]);
  });

  it('starts over with everything when the server no longer knows the sync token', async () => {
    const calendar = await radicale.makeCalendar('resync');
    await putRaw(
      calendar,
      'a.ics',
      rawEvent('a', ['DTSTART:20260323T080000Z', 'DTEND:20260323T090000Z', 'SUMMARY:A']),
    );
    const result = await provider().pullChanges(calendar, 'http://radicale.org/ns/sync/unknown');
    expect(result.fullResync).toBe(true);
    expect(result.changes.map((change) => change.title)).toEqual(['A']);
  });

  it('reads a recurring event with a cancelled and a moved occurrence, in its zone across DST', async () => {
    const calendar = await radicale.makeCalendar('recurring');
    // Daily 10:00 Berlin time from Friday 27 March 2026; summer time starts on the 29th.
    await putRaw(
      calendar,
      'standup.ics',
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//test//radicale//EN',
        'BEGIN:VEVENT',
        'UID:standup',
        'DTSTAMP:20260101T000000Z',
        'DTSTART;TZID=Europe/Berlin:20260327T100000',
        'DTEND;TZID=Europe/Berlin:20260327T101500',
        'RRULE:FREQ=DAILY;COUNT=10',
        'EXDATE;TZID=Europe/Berlin:20260330T100000',
        'SUMMARY:Стендап',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:standup',
        'DTSTAMP:20260101T000000Z',
        'RECURRENCE-ID;TZID=Europe/Berlin:20260331T100000',
        'DTSTART;TZID=Europe/Berlin:20260331T160000',
        'DTEND;TZID=Europe/Berlin:20260331T161500',
        'SUMMARY:Стендап (перенесён)',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    const { changes } = await provider().pullChanges(calendar, null);
    expect(changes).toHaveLength(1);
    const standup = changes[0]!;
    expect(standup).toMatchObject({
      title: 'Стендап',
      recurrence: 'FREQ=DAILY;COUNT=10',
      timeZone: 'Europe/Berlin',
      allDay: false,
      start: new Date('2026-03-27T09:00:00Z'), // CET, UTC+1
      end: new Date('2026-03-27T09:15:00Z'),
    });
    // After the change to summer time 10:00 Berlin is 08:00 UTC.
    expect(standup.exceptions.map((date) => date.toISOString())).toEqual([
      '2026-03-30T08:00:00.000Z',
      '2026-03-31T08:00:00.000Z',
    ]);
    expect(standup.overrides).toEqual([
      {
        originalStart: new Date('2026-03-31T08:00:00Z'),
        start: new Date('2026-03-31T14:00:00Z'),
        end: new Date('2026-03-31T14:15:00Z'),
      },
    ]);
  });

  it('writes a recurring event from maxOn that stays at 10:00 local across DST', async () => {
    const caldav = provider();
    const mine = event({
      start: new Date('2026-03-27T09:00:00Z'),
      end: new Date('2026-03-27T09:30:00Z'),
      recurrence: 'FREQ=DAILY;COUNT=5',
    });
    const { remoteId } = await caldav.pushEvent(work, mine, null);
    const copy = veventOf((await stored(remoteId)).text);
    // An independent expansion of what Radicale stored.
    const starts = copy.rrule!.all().map((date) => date.toISOString());
    expect(starts).toEqual([
      '2026-03-27T09:00:00.000Z',
      '2026-03-28T09:00:00.000Z',
      '2026-03-29T08:00:00.000Z',
      '2026-03-30T08:00:00.000Z',
      '2026-03-31T08:00:00.000Z',
    ]);
    const back = (await caldav.pullChanges(work, null)).changes.find(
      (change) => change.maxonId === mine.maxonId,
    );
    expect(back).toMatchObject({ recurrence: 'FREQ=DAILY;COUNT=5', timeZone: 'Europe/Berlin' });
  });

  it('sends the VTIMEZONE of the zone with the event (not left to the server)', () => {
    const text = toICalendar(event({ timeZone: 'Europe/Berlin' }));
    expect(text).toContain('BEGIN:VTIMEZONE');
    expect(text).toContain('TZID:Europe/Berlin');
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20260320T100000');
  });

  it('writes and reads all-day events as dates', async () => {
    const caldav = provider();
    // maxOn keeps an all-day event from local midnight (Moscow, UTC+3) for whole days.
    const mine = event({
      allDay: true,
      timeZone: 'Europe/Moscow',
      start: new Date('2026-03-19T21:00:00Z'),
      end: new Date('2026-03-21T21:00:00Z'),
    });
    const { remoteId } = await caldav.pushEvent(work, mine, null);
    const text = (await stored(remoteId)).text;
    expect(text).toContain('DTSTART;VALUE=DATE:20260320');
    expect(text).toContain('DTEND;VALUE=DATE:20260322');
    const back = (await caldav.pullChanges(work, null)).changes.find(
      (change) => change.maxonId === mine.maxonId,
    );
    expect(back).toMatchObject({
      allDay: true,
      start: new Date('2026-03-20T00:00:00Z'),
      end: new Date('2026-03-22T00:00:00Z'),
      timeZone: null,
    });
  });

  it('maps a wrong password, an unreachable server and a refused address to failures', async () => {
    expect(await failureOf(provider('wrong-password').listCalendars())).toBe('auth');
    const down = new CalDavProvider({
      serverUrl: 'http://127.0.0.1:1/',
      username: 'alice',
      password: 'x',
      fetch: localFetch,
    });
    expect(await failureOf(down.listCalendars())).toBe('unavailable');
    // Production's policy: no loopback addresses for a user's server URL.
    const strict = outboundFetch({
      allowLocalhost: false,
      timeoutMs: 5000,
      maxResponseBytes: 1000,
    });
    expect(await failureOf(provider(radicale.password, strict).listCalendars())).toBe(
      'unavailable',
    );
  });

  it('builds the provider of a connection from its stored credentials', async () => {
    const policy = { allowLocalhost: true, timeoutMs: 5000 };
    const stored = { username: radicale.user, password: radicale.password };
    const names = (await calDavProviderFrom(radicale.url, stored, policy).listCalendars()).map(
      (calendar) => calendar.name,
    );
    expect(names).toContain('Работа');
    expect(() => calDavProviderFrom(radicale.url, null, policy)).toThrow(CalendarProviderError);
    // Production refuses loopback: the request never leaves.
    const strict = calDavProviderFrom(radicale.url, stored, { ...policy, allowLocalhost: false });
    expect(await failureOf(strict.listCalendars())).toBe('unavailable');
  });

  it('never puts the password in an error message', async () => {
    const error = await provider('wrong-password')
      .pullChanges(work, null)
      .catch((caught: unknown) => caught as Error);
    expect(String((error as Error).message)).not.toContain('wrong-password');
    expect(JSON.stringify(error)).not.toContain('wrong-password');
  });
});
