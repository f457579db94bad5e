import type { Request, Response } from 'express';
import type { IssuedSession } from '../services/web-auth/web-auth.service.js';

export const SESSION_COOKIE = 'maxon_session';
export const CSRF_HEADER = 'x-csrf-token';

/** The session cookie's token, if the request carries one. */
export function sessionTokenOf(request: Request): string | null {
  for (const part of (request.header('cookie') ?? '').split(';')) {
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
