import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small Google Calendar + OAuth2 token endpoint over HTTP, for the real
 * @googleapis/calendar and google-auth-library clients: just the endpoints maxOn uses
 * (calendarList, events list/insert/patch/delete with syncToken, token exchange with PKCE,
 * refresh, revoke). Anything else answers 404 and is recorded in `unexpected`.
 */
export interface FakeGoogle {
  /** GOOGLE_API_BASE_URL and GOOGLE_OAUTH_BASE_URL for the code under test. */
  apiBaseUrl: string;
  oauthBaseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Calendars by id, each with its events by id. */
  calendars: Map<string, FakeCalendar>;
  /** Issues an authorization code for `redirectUri` + PKCE challenge (what Google's consent does). */
  authorize(query: URLSearchParams): string;
  /** The next requests to `path` (a prefix, e.g. "/calendar/v3/calendars/") fail with `status`. */
  failNext(
    pathPrefix: string,
    status: number,
    times?: number,
    headers?: Record<string, string>,
  ): void;
  /** Forgets every sync token issued so far (their next use answers 410). */
  expireSyncTokens(): void;
  /** Access tokens expire now (the client must refresh). */
  expireAccessTokens(): void;
  /** Refresh tokens revoked (as a user removing access in their Google account). */
  revokedRefreshTokens: Set<string>;
  /** A change made in Google's UI: bumps the sequence so it shows in the next sync. */
  put(calendarId: string, event: Record<string, unknown>): Record<string, unknown>;
  /** Open push channels (events.watch) by channel id. */
  channels: Map<string, FakeChannel>;
  /** Notifies every channel watching the calendar, as Google does after a change. */
  notify(calendarId: string): Promise<number[]>;
  requests: Array<{
    method: string;
    path: string;
    authorization: string | undefined;
    body: string;
  }>;
  unexpected: string[];
  stop(): Promise<void>;
}

/** The settings that point the app at this fake (and switch Google sync on). */
export const googleEnv = (google: FakeGoogle): Record<string, string> => ({
  GOOGLE_CLIENT_ID: google.clientId,
  GOOGLE_CLIENT_SECRET: google.clientSecret,
  GOOGLE_OAUTH_BASE_URL: google.oauthBaseUrl,
  GOOGLE_API_BASE_URL: google.apiBaseUrl,
});

export interface FakeChannel {
  calendarId: string;
  address: string;
  token: string;
  resourceId: string;
}

export interface FakeCalendar {
  summary: string;
  accessRole: 'owner' | 'writer' | 'reader' | 'freeBusyReader';
  events: Map<string, StoredEvent>;
}

type StoredEvent = Record<string, unknown> & { id: string; etag: string; sequence: number };

export async function startFakeGoogle(): Promise<FakeGoogle> {
  const clientId = 'maxon-test.apps.googleusercontent.com';
  const clientSecret = 'test-client-secret';
  const calendars = new Map<string, FakeCalendar>();
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const accessTokens = new Map<string, number>(); // token → expiry (ms)
  const refreshTokens = new Set<string>();
  const revokedRefreshTokens = new Set<string>();
  const faults: Array<{
    prefix: string;
    status: number;
    times: number;
    headers: Record<string, string>;
  }> = [];
  const requests: FakeGoogle['requests'] = [];
  const unexpected: string[] = [];
  let sequence = 0;
  let tokenEpoch = 0;
  const channels = new Map<string, FakeChannel>();
  const notifyChannel = async (id: string, channel: FakeChannel, state: string) =>
    (
      await fetch(channel.address, {
        method: 'POST',
        headers: {
          'x-goog-channel-id': id,
          'x-goog-channel-token': channel.token,
          'x-goog-resource-id': channel.resourceId,
          'x-goog-resource-state': state,
        },
      })
    ).status;

  const store = (calendarId: string, event: Record<string, unknown>): StoredEvent => {
    const calendar = calendars.get(calendarId)!;
    sequence += 1;
    const stored: StoredEvent = {
      ...event,
      id: String(event.id),
      sequence,
      etag: `"${sequence}"`,
      updated: new Date().toISOString(),
    };
    calendar.events.set(stored.id, stored);
    return stored;
  };

  const issueTokens = (refreshToken?: string): Record<string, unknown> => {
    const accessToken = `ya29.${randomBytes(12).toString('hex')}`;
    accessTokens.set(accessToken, Date.now() + 3600_000);
    const answer: Record<string, unknown> = {
      access_token: accessToken,
      expires_in: 3600,
      token_type: 'Bearer',
      scope: 'https://www.googleapis.com/auth/calendar',
    };
    if (!refreshToken) {
      const fresh = `1//${randomBytes(12).toString('hex')}`;
      refreshTokens.add(fresh);
      answer.refresh_token = fresh;
    }
    return answer;
  };

  const send = (response: ServerResponse, status: number, body?: unknown, headers = {}): void => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(body === undefined ? '' : JSON.stringify(body));
  };
  const apiError = (response: ServerResponse, status: number, reason: string, headers = {}): void =>
    send(
      response,
      status,
      { error: { code: status, message: reason, errors: [{ reason }] } },
      headers,
    );

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    const url = new URL(request.url ?? '/', 'http://fake');
    const path = url.pathname;
    requests.push({
      method: request.method ?? '',
      path,
      authorization: request.headers.authorization,
      body,
    });

    const fault = faults.find((candidate) => path.startsWith(candidate.prefix));
    if (fault) {
      fault.times -= 1;
      if (fault.times <= 0) faults.splice(faults.indexOf(fault), 1);
      apiError(
        response,
        fault.status,
        fault.status === 429 ? 'rateLimitExceeded' : 'backendError',
        fault.headers,
      );
      return;
    }

    if (path === '/oauth/token' && request.method === 'POST') {
      const form = new URLSearchParams(body);
      if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) {
        send(response, 401, { error: 'invalid_client' });
        return;
      }
      if (form.get('grant_type') === 'authorization_code') {
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        if (
          !grant ||
          grant.challenge !== challenge ||
          grant.redirectUri !== form.get('redirect_uri')
        ) {
          send(response, 400, { error: 'invalid_grant' });
          return;
        }
        send(response, 200, issueTokens());
        return;
      }
      if (form.get('grant_type') === 'refresh_token') {
        const token = form.get('refresh_token') ?? '';
        if (!refreshTokens.has(token) || revokedRefreshTokens.has(token)) {
          send(response, 400, {
            error: 'invalid_grant',
            error_description: 'Token has been expired or revoked.',
          });
          return;
        }
        send(response, 200, issueTokens(token));
        return;
      }
      send(response, 400, { error: 'unsupported_grant_type' });
      return;
    }
    if (path === '/oauth/revoke' && request.method === 'POST') {
      const token = new URLSearchParams(body).get('token') ?? url.searchParams.get('token') ?? '';
      if (refreshTokens.has(token)) revokedRefreshTokens.add(token);
      accessTokens.delete(token);
      send(response, 200, {});
      return;
    }

    if (!path.startsWith('/calendar/v3/')) {
      unexpected.push(`${request.method} ${path}`);
      send(response, 404, { error: 'not found' });
      return;
    }
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    if ((accessTokens.get(token) ?? 0) < Date.now()) {
      apiError(response, 401, 'authError');
      return;
    }

    if (path === '/calendar/v3/users/me/calendarList' && request.method === 'GET') {
      send(response, 200, {
        kind: 'calendar#calendarList',
        items: [...calendars].map(([id, calendar]) => ({
          id,
          summary: calendar.summary,
          accessRole: calendar.accessRole,
        })),
      });
      return;
    }
    if (path === '/calendar/v3/channels/stop' && request.method === 'POST') {
      const { id, resourceId } = JSON.parse(body) as { id: string; resourceId: string };
      if (channels.get(id)?.resourceId !== resourceId) return apiError(response, 404, 'notFound');
      channels.delete(id);
      response.writeHead(204).end();
      return;
    }
    const watch = /^\/calendar\/v3\/calendars\/([^/]+)\/events\/watch$/.exec(path);
    if (watch && request.method === 'POST') {
      const channel = JSON.parse(body) as {
        id: string;
        address: string;
        token: string;
        type: string;
      };
      if (channel.type !== 'web_hook') return apiError(response, 400, 'invalid');
      const stored = {
        calendarId: decodeURIComponent(watch[1]!),
        address: channel.address,
        token: channel.token,
        resourceId: randomBytes(6).toString('hex'),
      };
      channels.set(channel.id, stored);
      send(response, 200, {
        kind: 'api#channel',
        id: channel.id,
        resourceId: stored.resourceId,
        expiration: String(Date.now() + 7 * 86_400_000),
      });
      // Google's first message on a new channel is a "sync" handshake.
      setImmediate(() => void notifyChannel(channel.id, stored, 'sync').catch(() => undefined));
      return;
    }
    const match = /^\/calendar\/v3\/calendars\/([^/]+)\/events(?:\/([^/]+))?$/.exec(path);
    const calendar = match && calendars.get(decodeURIComponent(match[1]!));
    if (!match || !calendar) {
      if (!match) unexpected.push(`${request.method} ${path}`);
      apiError(response, 404, 'notFound');
      return;
    }
    const calendarId = decodeURIComponent(match[1]!);
    const eventId = match[2] && decodeURIComponent(match[2]);

    if (!eventId && request.method === 'GET') {
      const syncToken = url.searchParams.get('syncToken');
      let since = 0;
      if (syncToken) {
        const parsed = /^e(\d+)s(\d+)$/.exec(syncToken);
        if (!parsed || Number(parsed[1]) !== tokenEpoch) {
          apiError(response, 410, 'fullSyncRequired');
          return;
        }
        since = Number(parsed[2]);
      }
      const showDeleted = url.searchParams.get('showDeleted') === 'true' || Boolean(syncToken);
      const all = [...calendar.events.values()]
        .filter((event) => event.sequence > since)
        .filter((event) => showDeleted || event.status !== 'cancelled')
        .sort((a, b) => a.sequence - b.sequence);
      const pageSize = Number(url.searchParams.get('maxResults') ?? 250);
      const offset = Number(url.searchParams.get('pageToken') ?? 0);
      const page = all.slice(offset, offset + pageSize);
      const more = offset + pageSize < all.length;
      send(response, 200, {
        kind: 'calendar#events',
        items: page,
        ...(more
          ? { nextPageToken: String(offset + pageSize) }
          : { nextSyncToken: `e${tokenEpoch}s${sequence}` }),
      });
      return;
    }
    if (calendar.accessRole !== 'owner' && calendar.accessRole !== 'writer') {
      apiError(response, 403, 'requiredAccessLevel');
      return;
    }
    if (!eventId && request.method === 'POST') {
      const event = JSON.parse(body) as Record<string, unknown>;
      const id = typeof event.id === 'string' ? event.id : randomBytes(10).toString('hex');
      if (calendar.events.has(id)) {
        apiError(response, 409, 'duplicate');
        return;
      }
      send(
        response,
        200,
        store(calendarId, { ...event, id, status: 'confirmed', kind: 'calendar#event' }),
      );
      return;
    }
    const existing = eventId ? calendar.events.get(eventId) : undefined;
    if (!existing || (existing.status === 'cancelled' && request.method !== 'DELETE')) {
      apiError(response, 404, 'notFound');
      return;
    }
    if (existing.status === 'cancelled') {
      apiError(response, 410, 'deleted');
      return;
    }
    const ifMatch = request.headers['if-match'];
    if (ifMatch && ifMatch !== existing.etag) {
      apiError(response, 412, 'conditionNotMet');
      return;
    }
    if (request.method === 'PATCH') {
      send(
        response,
        200,
        store(calendarId, { ...existing, ...(JSON.parse(body) as object), id: existing.id }),
      );
      return;
    }
    if (request.method === 'DELETE') {
      store(calendarId, { id: existing.id, status: 'cancelled' });
      response.writeHead(204).end();
      return;
    }
    unexpected.push(`${request.method} ${path}`);
    apiError(response, 405, 'methodNotAllowed');
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      unexpected.push(`${request.method} ${request.url}: ${(error as Error).message}`);
      if (!response.headersSent) send(response, 500, { error: 'fake failed' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiBaseUrl: `${base}/`,
    oauthBaseUrl: `${base}/oauth`,
    clientId,
    clientSecret,
    calendars,
    revokedRefreshTokens,
    requests,
    unexpected,
    authorize(query) {
      if (query.get('client_id') !== clientId) throw new Error('authorize: wrong client_id');
      if (query.get('code_challenge_method') !== 'S256') throw new Error('authorize: no S256 PKCE');
      const code = `4/${randomBytes(8).toString('hex')}`;
      codes.set(code, {
        challenge: query.get('code_challenge') ?? '',
        redirectUri: query.get('redirect_uri') ?? '',
      });
      return code;
    },
    failNext(prefix, status, times = 1, headers = {}) {
      faults.push({ prefix, status, times, headers });
    },
    expireSyncTokens() {
      tokenEpoch += 1;
    },
    expireAccessTokens() {
      for (const token of accessTokens.keys()) accessTokens.set(token, 0);
    },
    channels,
    async notify(calendarId) {
      const watching = [...channels].filter(([, channel]) => channel.calendarId === calendarId);
      return Promise.all(watching.map(([id, channel]) => notifyChannel(id, channel, 'exists')));
    },
    put(calendarId, event) {
      return store(calendarId, { status: 'confirmed', ...event } as Record<string, unknown>);
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
