import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { WebClient } from '../clients/web/web-client.js';
import type { WebInput } from '../clients/web/web-protocol.js';
import { Platform, type User } from '../entities/index.js';
import { DomainError } from '../errors/domain-error.js';
import type { Services } from '../services/index.js';
import type { ChannelIdentity } from '../services/user.service.js';
import {
  clearSessionCookie,
  CSRF_HEADER,
  sessionTokenOf,
  setSessionCookie,
} from './web-session-cookie.js';

const HTTP_STATUS: Partial<Record<DomainError['code'], number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
};

/** Errors as the page reads them: `{ error: { code, message } }`, never a stack. */
function fail(response: Response, error: unknown): void {
  if (error instanceof DomainError) {
    response
      .status(HTTP_STATUS[error.code] ?? 400)
      .json({ error: { code: error.code, message: error.message } });
    return;
  }
  throw error;
}

interface SignedIn {
  user: User;
  identity: ChannelIdentity;
  token: string;
}

const MAX_TEXT = 4000;

function parseInput(body: unknown): WebInput {
  const input = (body ?? {}) as Partial<Record<string, unknown>>;
  if (input.kind === 'text' && typeof input.text === 'string') {
    const text = input.text.trim();
    if (text && text.length <= MAX_TEXT) return { kind: 'text', text };
  }
  if (
    input.kind === 'callback' &&
    typeof input.data === 'string' &&
    input.data.length <= 64 &&
    typeof input.messageId === 'string' &&
    /^\d{1,16}$/.test(input.messageId)
  ) {
    return { kind: 'callback', data: input.data, messageId: input.messageId };
  }
  throw new DomainError('BAD_USER_INPUT', `A text (1–${MAX_TEXT} characters) or a button press`);
}

const field = (body: unknown, name: string): string => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  if (typeof value !== 'string' || !value || value.length > 4096) {
    throw new DomainError('BAD_USER_INPUT', `"${name}" is required`);
  }
  return value;
};

/**
 * The web client's HTTP side at /app: sign-in (one-time link, Telegram and MAX init data),
 * sign-out (here, everywhere) and the chat's input (its answers come over the `webChat`
 * subscription, graphql-ws at /graphql with the session cookie). POSTs are
 * JSON only (no form can post one cross-site without a CORS preflight) and, once signed in,
 * carry the session's CSRF token.
 */
export function webAppRouter(
  services: Services,
  client: () => WebClient | null,
  options: { secureCookies: boolean },
): Router {
  const router = express.Router();
  const json = express.json({ limit: '16kb', type: 'application/json' });
  const { webAuth } = services;

  const signedIn =
    (checkCsrf: boolean) => async (request: Request, response: Response, next: NextFunction) => {
      try {
        const token = sessionTokenOf(request);
        const session = token ? await webAuth.authenticate(token) : null;
        if (!token || !session) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
        if (checkCsrf && request.header(CSRF_HEADER) !== session.csrfToken) {
          throw new DomainError('FORBIDDEN', 'Missing or wrong X-CSRF-Token header');
        }
        const identity = await webAuth.webIdentity(session.user);
        response.locals.signedIn = { user: session.user, identity, token } satisfies SignedIn;
        next();
      } catch (error) {
        fail(response, error);
      }
    };
  const me = (response: Response) => response.locals.signedIn as SignedIn;

  const signIn =
    (open: (body: unknown, replacing: string | null) => ReturnType<typeof webAuth.redeemLink>) =>
    async (request: Request, response: Response) => {
      try {
        if (!request.is('application/json')) {
          throw new DomainError('BAD_USER_INPUT', 'Send JSON');
        }
        const session = await open(request.body, sessionTokenOf(request));
        setSessionCookie(response, session, options.secureCookies);
        response.json({ csrfToken: session.csrfToken, language: session.user.settings.language });
      } catch (error) {
        fail(response, error);
      }
    };

  router.post(
    '/app/auth/link',
    json,
    signIn((body, old) => webAuth.redeemLink(field(body, 'token'), old)),
  );
  router.post(
    '/app/auth/telegram',
    json,
    signIn((body, old) =>
      webAuth.signInWithInitData(Platform.TELEGRAM, field(body, 'initData'), old),
    ),
  );
  router.post(
    '/app/auth/max',
    json,
    signIn((body, old) => webAuth.signInWithInitData(Platform.MAX, field(body, 'initData'), old)),
  );

  /** The page asks who it is at start: its CSRF token and language, or 401. */
  router.get('/app/auth/session', signedIn(false), async (request, response) => {
    const { user } = me(response);
    const session = await webAuth.authenticate(sessionTokenOf(request)!);
    response.set('Cache-Control', 'no-store').json({
      csrfToken: session?.csrfToken,
      language: user.settings.language,
      name: user.displayName,
    });
  });

  router.post('/app/auth/sign-out', signedIn(true), async (_request, response) => {
    await webAuth.signOut(me(response).token);
    clearSessionCookie(response, options.secureCookies);
    response.json({ ok: true });
  });

  router.post('/app/auth/sign-out-everywhere', signedIn(true), async (_request, response) => {
    const ended = await webAuth.signOutEverywhere(me(response).user);
    clearSessionCookie(response, options.secureCookies);
    response.json({ ok: true, ended });
  });

  /** What the person wrote or pressed; answered on the page's `webChat` subscription. */
  router.post('/app/api/input', json, signedIn(true), async (request, response) => {
    try {
      const web = client();
      if (!web) return void response.status(503).end();
      const input = parseInput(request.body);
      const { user, identity } = me(response);
      await web.handle(
        {
          id: identity.platformUserId,
          name: user.displayName ?? '',
          languageCode: user.settings.language,
        },
        input,
      );
      response.json({ ok: true });
    } catch (error) {
      fail(response, error);
    }
  });

  return router;
}
