import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CalendarConnection, CalendarConnectionKind, User } from '../../src/entities/index.js';
import { GoogleOAuthService } from '../../src/services/calendar-sync/google-oauth.service.js';
import { createLogger } from '../../src/logger.js';
import { seedUser } from '../support/factories.js';
import { googleEnv, startFakeGoogle, type FakeGoogle } from '../support/fake-google-calendar.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let google: FakeGoogle;

beforeAll(async () => {
  google = await startFakeGoogle();
  google.calendars.set('alice@example.com', {
    summary: 'Alice',
    accessRole: 'owner',
    events: new Map(),
  });
  app = await startTestApp(googleEnv(google));
});

afterAll(async () => {
  await app?.stop();
  await google?.stop();
  expect(google.unexpected).toEqual([]);
});

const services = () => app.deps.services;

async function newUser(language: 'RU' | 'EN' = 'RU'): Promise<User> {
  const seeded = await seedUser(app, { language });
  return app.db.getRepository(User).findOneByOrFail({ id: seeded.id });
}

/** The bot's link, on this test server's address. */
function startLink(user: User): string {
  const link = new URL(services().googleOAuth.startUrl(user));
  return `${app.url}${link.pathname}${link.search}`;
}

/** Follows the link to Google's consent page: its URL and this browser's cookie. */
async function start(user: User): Promise<{ consent: URL; cookie: string }> {
  const response = await fetch(startLink(user), { redirect: 'manual' });
  expect(response.status).toBe(302);
  const cookie = response.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/^maxon_google_oauth=[^;]+;.*HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
  return { consent: new URL(response.headers.get('location')!), cookie: cookie.split(';')[0]! };
}

async function callback(
  query: Record<string, string>,
  cookie?: string,
): Promise<{ status: number; text: string }> {
  const url = `${app.url}/oauth/google/callback?${new URLSearchParams(query)}`;
  const response = await fetch(url, { headers: cookie ? { cookie } : {} });
  return { status: response.status, text: await response.text() };
}

const googleConnectionsOf = (user: User) =>
  app.db
    .getRepository(CalendarConnection)
    .findBy({ userId: user.id, kind: CalendarConnectionKind.GOOGLE });

describe('Connecting Google Calendar (OAuth2 code flow with PKCE)', () => {
  it('stores the tokens sealed after consent, and the provider works with them', async () => {
    const user = await newUser();
    const { consent, cookie } = await start(user);
    expect(`${consent.origin}${consent.pathname}`).toBe(`${google.oauthBaseUrl}/auth`);
    expect(consent.searchParams.get('code_challenge_method')).toBe('S256');
    expect(consent.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(consent.searchParams.get('access_type')).toBe('offline');
    expect(consent.searchParams.get('scope')).toContain('calendar.events');
    // The verifier travels only sealed inside the state.
    expect(consent.search).not.toContain('code_verifier');

    const code = google.authorize(consent.searchParams);
    const page = await callback({ state: consent.searchParams.get('state')!, code }, cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Google Календарь подключён');

    const [connection] = await googleConnectionsOf(user);
    expect(connection).toBeDefined();
    const [{ credentials }] = await app.db.query(
      'SELECT credentials FROM calendar_connections WHERE id = $1',
      [connection!.id],
    );
    const opened = await services().calendarConnections.credentialsOf(connection!.id);
    expect(opened!.refreshToken).toMatch(/^1\/\//);
    expect(credentials).toMatch(/^v1:/);
    expect(credentials).not.toContain(opened!.refreshToken);
    expect(credentials).not.toContain(opened!.accessToken);

    const provider = await services().googleOAuth.providerFor(connection!.id);
    expect(await provider.listCalendars()).toEqual([
      { id: 'alice@example.com', name: 'Alice', readOnly: false },
    ]);
  });

  it('refuses a callback from another browser, a forged state and a replayed code (CSRF)', async () => {
    const user = await newUser('EN');
    const { consent, cookie } = await start(user);
    const state = consent.searchParams.get('state')!;
    const code = google.authorize(consent.searchParams);

    // Someone else's browser (no cookie, or its own) completing this user's sign-in.
    const noCookie = await callback({ state, code });
    expect(noCookie.status).toBe(403);
    expect(noCookie.text).toContain('another browser');
    const other = await start(await newUser());
    expect((await callback({ state, code }, other.cookie)).status).toBe(403);
    // A state we never made.
    expect((await callback({ state: 'djE6ZGV2OmFhYTpiYmI6Y2Nj', code }, cookie)).status).toBe(403);
    expect(await googleConnectionsOf(user)).toEqual([]);

    // The right browser succeeds once; the same code again is refused by Google.
    expect((await callback({ state, code }, cookie)).status).toBe(200);
    const replay = await callback({ state, code }, cookie);
    expect(replay.status).toBe(400);
    expect(replay.text).toContain('did not confirm');
    expect(await googleConnectionsOf(user)).toHaveLength(1);
  });

  it('says so when the user declines, and when the link has expired', async () => {
    const user = await newUser();
    const { consent, cookie } = await start(user);
    const declined = await callback(
      { state: consent.searchParams.get('state')!, error: 'access_denied' },
      cookie,
    );
    expect(declined.status).toBe(400);
    expect(declined.text).toContain('не выдан');

    // Eleven minutes later the bot's link no longer works.
    const later = new GoogleOAuthService(
      app.db,
      services().secrets,
      services().calendarConnections,
      {
        clientId: google.clientId,
        clientSecret: google.clientSecret,
        oauthBaseUrl: google.oauthBaseUrl,
        apiBaseUrl: google.apiBaseUrl,
        publicUrl: app.url,
        timeoutMs: 5000,
      },
      createLogger('silent'),
      () => new Date(Date.now() + 11 * 60_000),
    );
    const ticket = new URL(startLink(user)).searchParams.get('ticket')!;
    await expect(later.begin(ticket)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { reason: 'linkExpired' },
    });
    const garbage = await fetch(`${app.url}/oauth/google/start?ticket=nonsense`, {
      redirect: 'manual',
    });
    expect(garbage.status).toBe(400);
    expect(await garbage.text()).toContain('Ссылка устарела');
  });

  it('stores refreshed tokens, and revokes the grant at Google on disconnect', async () => {
    const user = await newUser();
    const { consent, cookie } = await start(user);
    await callback(
      { state: consent.searchParams.get('state')!, code: google.authorize(consent.searchParams) },
      cookie,
    );
    const [connection] = await googleConnectionsOf(user);
    const before = await services().calendarConnections.credentialsOf(connection!.id);

    google.expireAccessTokens();
    await (await services().googleOAuth.providerFor(connection!.id)).listCalendars();
    // The refreshed access token is written back (sealed) without waiting for anything else.
    let after = before;
    for (let tries = 0; tries < 50 && after!.accessToken === before!.accessToken; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      after = await services().calendarConnections.credentialsOf(connection!.id);
    }
    expect(after!.accessToken).not.toBe(before!.accessToken);
    expect(after!.refreshToken).toBe(before!.refreshToken);

    await services().googleOAuth.revoke(connection!.id);
    expect(google.revokedRefreshTokens.has(String(before!.refreshToken))).toBe(true);
    google.expireAccessTokens();
    const provider = await services().googleOAuth.providerFor(connection!.id);
    await expect(provider.listCalendars()).rejects.toMatchObject({ failure: 'auth' });
  });
});
