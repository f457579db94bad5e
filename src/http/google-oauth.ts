import express, { type Request, type Response, type Router } from 'express';
import { langOf, type Lang } from '../common/texts.js';
import { DomainError } from '../errors/domain-error.js';
import {
  GOOGLE_OAUTH_CALLBACK_PATH,
  GOOGLE_OAUTH_START_PATH,
} from '../services/calendar-sync/google-oauth.service.js';
import {
  googleOAuthTexts,
  type GoogleOAuthMessage,
} from '../services/calendar-sync/google-oauth.texts.js';
import type { Services } from '../services/index.js';

/** Binds a started sign-in to this browser (see GoogleOAuthService). */
const NONCE_COOKIE = 'maxon_google_oauth';
const COOKIE_PATH = '/oauth/google';

const STATUS: Partial<Record<DomainError['code'], number>> = {
  BAD_USER_INPUT: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
};

/**
 * GET /oauth/google/start?ticket=… (the bot's link) → Google's consent page; GET
 * /oauth/google/callback?state&code → tokens stored, a short page in the user's language.
 * Nothing secret (ticket, state, code, tokens) is logged: the access log has the path only.
 */
export function googleOAuthRouter(services: Services, secureCookies: boolean): Router {
  const router = express.Router();
  router.get(GOOGLE_OAUTH_START_PATH, async (request, response, next) => {
    try {
      const ticket = typeof request.query.ticket === 'string' ? request.query.ticket : '';
      const { authorizeUrl, browserNonce } = await services.googleOAuth.begin(ticket);
      response.cookie(NONCE_COOKIE, browserNonce, {
        httpOnly: true,
        // Lax: sent on Google's top-level redirect back to us, not with other sites' requests.
        sameSite: 'lax',
        secure: secureCookies,
        path: COOKIE_PATH,
        maxAge: 10 * 60_000,
      });
      response.set('Cache-Control', 'no-store').redirect(302, authorizeUrl);
    } catch (error) {
      failurePage(response, error, next);
    }
  });
  router.get(GOOGLE_OAUTH_CALLBACK_PATH, async (request, response, next) => {
    try {
      const text = (name: string) =>
        typeof request.query[name] === 'string' ? (request.query[name] as string) : undefined;
      const { connection, lang } = await services.googleOAuth.complete({
        state: text('state'),
        code: text('code'),
        error: text('error'),
        browserNonce: nonceOf(request),
      });
      // Its own calendars count as busy from the start, and the first sync is queued.
      await services.calendarAccounts.connected(connection);
      response.clearCookie(NONCE_COOKIE, { path: COOKIE_PATH });
      page(response, 200, lang, 'connected');
    } catch (error) {
      failurePage(response, error, next);
    }
  });
  return router;
}

function failurePage(response: Response, error: unknown, next: (error: unknown) => void): void {
  if (!(error instanceof DomainError)) {
    next(error);
    return;
  }
  const reason = (error.details?.reason as GoogleOAuthMessage | undefined) ?? 'failed';
  page(response, STATUS[error.code] ?? 400, langOf(error.details?.lang as string), reason);
}

function page(response: Response, status: number, lang: Lang, message: GoogleOAuthMessage): void {
  const texts = googleOAuthTexts[lang];
  response
    .status(status)
    .set('Cache-Control', 'no-store')
    .type('html')
    .send(
      `<!doctype html><html lang="${lang}"><meta charset="utf-8">` +
        '<meta name="viewport" content="width=device-width, initial-scale=1">' +
        `<title>${escapeHtml(texts.title)}</title><p>${escapeHtml(texts[message])}</p></html>`,
    );
}

function nonceOf(request: Request): string | null {
  for (const part of (request.header('cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === NONCE_COOKIE) return value.join('=') || null;
  }
  return null;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
