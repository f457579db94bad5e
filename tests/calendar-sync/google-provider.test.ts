import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { googleOAuthClient } from '../../src/services/calendar-sync/providers/google-oauth-client.js';
import {
  GoogleCalendarProvider,
  type GoogleOAuthClient,
} from '../../src/services/calendar-sync/providers/google-provider.js';
import { googleEventId } from '../../src/services/calendar-sync/providers/google-events.js';
import {
  CalendarProviderError,
  type OutgoingEvent,
} from '../../src/services/calendar-sync/provider.js';
import { startFakeGoogle, type FakeGoogle } from '../support/fake-google-calendar.js';

// The real @googleapis/calendar and google-auth-library against a fake Google over HTTP.
let google: FakeGoogle;
let client: GoogleOAuthClient;
let refreshToken: string;

const REDIRECT = 'http://127.0.0.1:4000/oauth/google/callback';
const provider = (auth = client): GoogleCalendarProvider =>
  new GoogleCalendarProvider({ auth, apiBaseUrl: google.apiBaseUrl, timeoutMs: 5000 });
const settings = () => ({
  clientId: google.clientId,
  clientSecret: google.clientSecret,
  redirectUri: REDIRECT,
  oauthBaseUrl: google.oauthBaseUrl,
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

async function failureOf(promise: Promise<unknown>): Promise<CalendarProviderError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CalendarProviderError);
  return error as CalendarProviderError;
}

beforeAll(async () => {
  google = await startFakeGoogle();
  // Sign in once the way the OAuth route does: PKCE code, then the token exchange.
  const signIn = googleOAuthClient(settings());
  const { codeVerifier, codeChallenge } = await signIn.generateCodeVerifierAsync();
  const url = new URL(
    signIn.generateAuthUrl({
      scope: ['https://www.googleapis.com/auth/calendar.events'],
      code_challenge: codeChallenge,
      code_challenge_method: 'S256' as never,
      access_type: 'offline',
    }),
  );
  const code = google.authorize(url.searchParams);
  const { tokens } = await signIn.getToken({ code, codeVerifier });
  refreshToken = tokens.refresh_token!;
  client = googleOAuthClient(settings(), {
    accessToken: tokens.access_token!,
    refreshToken,
    expiresAt: tokens.expiry_date ?? null,
  });
});

beforeEach(() => {
  google.calendars.clear();
  google.calendars.set('alice@example.com', {
    summary: 'Alice',
    accessRole: 'owner',
    events: new Map(),
  });
  google.calendars.set('team@group.calendar.google.com', {
    summary: 'Команда',
    accessRole: 'reader',
    events: new Map(),
  });
});

afterAll(async () => {
  expect(google.unexpected).toEqual([]);
  await google?.stop();
});

const PRIMARY = 'alice@example.com';
const stored = (id: string) => google.calendars.get(PRIMARY)!.events.get(id);

describe('Google provider against a fake Google Calendar', () => {
  it('lists the calendars, shared read-only ones as read-only', async () => {
    expect(await provider().listCalendars()).toEqual([
      { id: PRIMARY, name: 'Alice', readOnly: false },
      { id: 'team@group.calendar.google.com', name: 'Команда', readOnly: true },
    ]);
  });

  it('creates, moves and deletes an event: it appears, moves and disappears in Google', async () => {
    const calendar = provider();
    const mine = event();
    const created = await calendar.pushEvent(PRIMARY, mine, null);
    expect(created.remoteId).toBe(googleEventId(mine.maxonId));
    expect(stored(created.remoteId)).toMatchObject({
      summary: 'Отчёт по проекту',
      start: { dateTime: '2026-03-20T10:00:00.000+01:00', timeZone: 'Europe/Berlin' },
      extendedProperties: { private: { maxonId: mine.maxonId } },
    });

    // The insert is retried after a lost answer: Google says 409, the provider patches.
    const retried = await calendar.pushEvent(PRIMARY, { ...mine, title: 'retried' }, null);
    expect(retried.remoteId).toBe(created.remoteId);
    expect(google.calendars.get(PRIMARY)!.events.size).toBe(1);

    const moved = await calendar.pushEvent(
      PRIMARY,
      { ...mine, start: new Date('2026-03-21T13:00:00Z'), end: new Date('2026-03-21T14:00:00Z') },
      retried.remoteId,
      retried.etag,
    );
    expect(moved.etag).not.toBe(retried.etag);
    expect(stored(created.remoteId)!.start).toEqual({
      dateTime: '2026-03-21T14:00:00.000+01:00',
      timeZone: 'Europe/Berlin',
    });

    await calendar.deleteEvent(PRIMARY, created.remoteId);
    expect(stored(created.remoteId)!.status).toBe('cancelled');
    await calendar.deleteEvent(PRIMARY, created.remoteId); // 410: already gone, fine
    await calendar.deleteEvent(PRIMARY, 'never-existed'); // 404: fine
  });

  it('answers conflict (412) when the event changed in Google since our etag', async () => {
    const calendar = provider();
    const mine = event();
    const created = await calendar.pushEvent(PRIMARY, mine, null);
    google.put(PRIMARY, { ...stored(created.remoteId)!, summary: 'edited in Google' });
    const error = await failureOf(
      calendar.pushEvent(PRIMARY, { ...mine, title: 'mine' }, created.remoteId, created.etag),
    );
    expect(error.failure).toBe('conflict');
    expect(stored(created.remoteId)!.summary).toBe('edited in Google');
  });

  it('pulls everything, then what changed in Google, then everything again after a 410', async () => {
    const calendar = provider();
    const mine = event({ title: 'from maxOn' });
    await calendar.pushEvent(PRIMARY, mine, null);
    google.put(PRIMARY, {
      id: 'meeting1',
      summary: 'Планёрка',
      start: { dateTime: '2026-03-23T09:00:00+01:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2026-03-23T10:00:00+01:00', timeZone: 'Europe/Berlin' },
    });
    const full = await calendar.pullChanges(PRIMARY, null);
    expect(full.fullResync).toBe(true);
    expect(full.changes.map((change) => [change.title, change.maxonId])).toEqual([
      ['from maxOn', mine.maxonId],
      ['Планёрка', null],
    ]);
    expect(full.changes[1]).toMatchObject({
      remoteId: 'meeting1',
      start: new Date('2026-03-23T08:00:00Z'),
      timeZone: 'Europe/Berlin',
    });

    google.put(PRIMARY, { ...stored('meeting1')!, start: { dateTime: '2026-03-23T11:00:00Z' } });
    google.put(PRIMARY, { id: 'meeting1x', status: 'cancelled' });
    const changed = await calendar.pullChanges(PRIMARY, full.cursor);
    expect(changed.fullResync).toBe(false);
    expect(changed.changes.map((change) => [change.remoteId, change.deleted])).toEqual([
      ['meeting1', false],
      ['meeting1x', true],
    ]);
    expect(changed.changes[0]!.start).toEqual(new Date('2026-03-23T11:00:00Z'));

    google.expireSyncTokens();
    const again = await calendar.pullChanges(PRIMARY, changed.cursor);
    expect(again.fullResync).toBe(true);
    expect(again.changes.map((change) => change.remoteId).sort()).toEqual(
      [googleEventId(mine.maxonId), 'meeting1'].sort(),
    );
  });

  it('folds a cancelled and a moved occurrence into their weekly series across DST', async () => {
    google.put(PRIMARY, {
      id: 'standup',
      summary: 'Стендап',
      start: { dateTime: '2026-03-27T10:00:00+01:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2026-03-27T10:15:00+01:00', timeZone: 'Europe/Berlin' },
      recurrence: ['RRULE:FREQ=DAILY;COUNT=10', 'EXDATE;TZID=Europe/Berlin:20260329T100000'],
    });
    google.put(PRIMARY, {
      id: 'standup_20260330T080000Z',
      recurringEventId: 'standup',
      status: 'cancelled',
      originalStartTime: { dateTime: '2026-03-30T10:00:00+02:00', timeZone: 'Europe/Berlin' },
    });
    google.put(PRIMARY, {
      id: 'standup_20260331T080000Z',
      recurringEventId: 'standup',
      originalStartTime: { dateTime: '2026-03-31T10:00:00+02:00', timeZone: 'Europe/Berlin' },
      start: { dateTime: '2026-03-31T16:00:00+02:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2026-03-31T16:15:00+02:00', timeZone: 'Europe/Berlin' },
    });
    const calendar = provider();
    const full = await calendar.pullChanges(PRIMARY, null);
    expect(full.changes).toHaveLength(1);
    expect(full.changes[0]).toMatchObject({
      remoteId: 'standup',
      recurrence: 'FREQ=DAILY;COUNT=10',
      timeZone: 'Europe/Berlin',
      start: new Date('2026-03-27T09:00:00Z'),
      exceptions: [
        new Date('2026-03-29T08:00:00Z'), // 10:00 summer time
        new Date('2026-03-30T08:00:00Z'),
        new Date('2026-03-31T08:00:00Z'),
      ],
      overrides: [
        { start: new Date('2026-03-31T14:00:00Z'), end: new Date('2026-03-31T14:15:00Z') },
      ],
    });

    // Only an occurrence changes: its series is not in the increment, so all comes again.
    google.put(PRIMARY, {
      ...google.calendars.get(PRIMARY)!.events.get('standup_20260331T080000Z')!,
      summary: 'x',
    });
    const next = await calendar.pullChanges(PRIMARY, full.cursor);
    expect(next.fullResync).toBe(true);
    expect(next.changes.map((change) => change.remoteId)).toEqual(['standup']);
  });

  it('writes and reads all-day events as dates', async () => {
    const calendar = provider();
    const mine = event({
      allDay: true,
      timeZone: 'Europe/Moscow',
      start: new Date('2026-03-19T21:00:00Z'),
      end: new Date('2026-03-21T21:00:00Z'),
    });
    const { remoteId } = await calendar.pushEvent(PRIMARY, mine, null);
    expect(stored(remoteId)).toMatchObject({
      start: { date: '2026-03-20' },
      end: { date: '2026-03-22' },
    });
    const back = (await calendar.pullChanges(PRIMARY, null)).changes[0];
    expect(back).toMatchObject({
      allDay: true,
      start: new Date('2026-03-20T00:00:00Z'),
      end: new Date('2026-03-22T00:00:00Z'),
      timeZone: null,
    });
  });

  it('maps 429 (with Retry-After), 5xx and a read-only calendar, without retrying by itself', async () => {
    const calendar = provider();
    const before = google.requests.length;
    google.failNext('/calendar/v3/calendars/', 429, 1, { 'retry-after': '7' });
    const limited = await failureOf(calendar.pullChanges(PRIMARY, null));
    expect([limited.failure, limited.retryAfterMs]).toEqual(['rate-limited', 7000]);
    google.failNext('/calendar/v3/users/me/calendarList', 503);
    expect((await failureOf(calendar.listCalendars())).failure).toBe('unavailable');
    expect(google.requests.length - before).toBe(2);
    expect(
      (await failureOf(calendar.pushEvent('team@group.calendar.google.com', event(), null)))
        .failure,
    ).toBe('auth');
    expect((await failureOf(calendar.pushEvent('nope@example.com', event(), 'x1'))).failure).toBe(
      'gone',
    );
  });

  it('refreshes an expired access token, and reports a revoked grant as auth without the tokens', async () => {
    const own = googleOAuthClient(settings(), {
      accessToken: 'ya29.stale',
      refreshToken,
      expiresAt: 0,
    });
    google.expireAccessTokens();
    const refreshes = () =>
      google.requests.filter((request) => request.path === '/oauth/token').length;
    const before = refreshes();
    expect(await provider(own).listCalendars()).toHaveLength(2);
    expect(refreshes()).toBe(before + 1);

    google.revokedRefreshTokens.add(refreshToken);
    google.expireAccessTokens();
    const error = await failureOf(provider(own).listCalendars());
    expect(error.failure).toBe('auth');
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(refreshToken);
    google.revokedRefreshTokens.delete(refreshToken);
  });
});
