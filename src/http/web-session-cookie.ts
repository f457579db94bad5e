import type { IncomingMessage } from 'node:http';
import type { Response } from 'express';
import type { IssuedSession } from '../services/web-auth/web-auth.service.js';

export const SESSION_COOKIE = 'maxon_session';
export const CSRF_HEADER = 'x-csrf-token';

/** The session cookie's token, if the request (HTTP, or a WebSocket's upgrade) carries one. */
export function sessionTokenOf(request: IncomingMessage): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=') || null;
  }
  return null;
}

/**
 * HttpOnly (scripts never see it), SameSite=Lax (not sent with another site's requests but a
 * top-level link), Secure behind HTTPS. The page proves itself with the CSRF token instead.
 */
export function setSessionCookie(response: Response, session: IssuedSession, secure: boolean) {
  response.cookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(response: Response, secure: boolean) {
  response.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

/**
 * Whether a WebSocket upgrade comes from this server's own pages: its Origin is PUBLIC_URL's,
 * or that of the host it was sent to. Browsers always send Origin and a page cannot forge it,
 * so a cookie-authenticated socket from another site's page is refused (WebSockets have no
 * CORS, and SameSite=Lax still sends the cookie to a same-site subdomain).
 */
export function isSameOrigin(request: IncomingMessage, publicUrl: string | undefined): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  if (publicUrl && origin === new URL(publicUrl).origin) return true;
  return URL.canParse(origin) && new URL(origin).host === request.headers.host;
}
