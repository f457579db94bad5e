import { auth } from '@googleapis/calendar';
import type { GoogleOAuthClient } from './google-provider.js';

export interface GoogleOAuthSettings {
  clientId: string;
  clientSecret: string;
  /** `${PUBLIC_URL}/oauth/google/callback`, registered with Google. */
  redirectUri: string;
  /**
   * GOOGLE_OAUTH_BASE_URL: one base for `/auth`, `/token` and `/revoke` (a fake in tests);
   * null: Google's own endpoints, which live on two hosts.
   */
  oauthBaseUrl: string | null;
}

/** Read and write events, read the calendar list: what two-way sync needs, nothing more. */
export const GOOGLE_CALENDAR_SCOPES = [
  'https://www.googleapis.com/auth/calendar.events',
  'https://www.googleapis.com/auth/calendar.calendarlist.readonly',
];

/** The stored tokens of a Google connection (sealed JSON in CalendarConnection.credentials). */
export interface GoogleTokens {
  accessToken: string | null;
  refreshToken: string;
  /** Milliseconds since the epoch; the client refreshes shortly before. */
  expiresAt: number | null;
}

/** google-auth-library's OAuth2 client for our app, on Google's or the configured endpoints. */
export function googleOAuthClient(
  settings: GoogleOAuthSettings,
  tokens?: GoogleTokens,
): GoogleOAuthClient {
  const base = settings.oauthBaseUrl?.replace(/\/$/, '');
  const client = new auth.OAuth2({
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    redirectUri: settings.redirectUri,
    // An access token refused early (401) is refreshed and the call made once more, rather
    // than the connection being taken as revoked.
    forceRefreshOnFailure: true,
    ...(base
      ? {
          endpoints: {
            oauth2AuthBaseUrl: `${base}/auth`,
            oauth2TokenUrl: `${base}/token`,
            oauth2RevokeUrl: `${base}/revoke`,
          },
        }
      : {}),
  });
  if (tokens) {
    client.setCredentials({
      access_token: tokens.accessToken,
      refresh_token: tokens.refreshToken,
      expiry_date: tokens.expiresAt,
    });
  }
  return client;
}
