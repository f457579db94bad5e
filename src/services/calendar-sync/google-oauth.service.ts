import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { SecretBox } from '../../common/secret-box.js';
import { langOf, type Lang } from '../../common/texts.js';
import {
  CalendarConnection,
  CalendarConnectionKind,
  CalendarConnectionStatus,
  User,
} from '../../entities/index.js';
import { DomainError, type ErrorCode } from '../../errors/domain-error.js';
import type { Logger } from '../../logger.js';
import type { CalendarConnectionService } from './calendar-connection.service.js';
import type { GoogleOAuthMessage } from './google-oauth.texts.js';
import {
  GOOGLE_CALENDAR_SCOPES,
  googleOAuthClient,
  type GoogleOAuthSettings,
  type GoogleTokens,
} from './providers/google-oauth-client.js';
import { GoogleCalendarProvider } from './providers/google-provider.js';

export const GOOGLE_OAUTH_START_PATH = '/oauth/google/start';
export const GOOGLE_OAUTH_CALLBACK_PATH = '/oauth/google/callback';

/** How long a start link from the bot, and then a started sign-in, stay usable. */
const TICKET_TTL_MS = 10 * 60_000;

export interface GoogleOAuthConfig {
  clientId: string;
  clientSecret: string;
  oauthBaseUrl: string | null;
  apiBaseUrl: string;
  publicUrl: string;
  timeoutMs: number;
}

/** A failure of the browser flow: the page says `reason` in the user's language. */
const oauthError = (code: ErrorCode, reason: GoogleOAuthMessage, lang: Lang = 'ru') =>
  new DomainError(code, `Google sign-in: ${reason}`, { reason, lang });

/**
 * Connecting Google Calendar: the authorization-code flow with PKCE. The bot's link carries a
 * sealed ticket naming the user; /start turns it into Google's consent URL whose `state` is
 * sealed too (user, expiry, the PKCE verifier, a nonce also set as a cookie in this browser),
 * so /callback accepts only a state we made, unexpired, in the browser that started it (a
 * forged or replayed callback cannot attach someone's Google account to another user). The
 * tokens are stored sealed on the connection; disconnecting revokes them at Google.
 */
export class GoogleOAuthService {
  constructor(
    private readonly db: DataSource,
    private readonly secrets: SecretBox,
    private readonly connections: CalendarConnectionService,
    /** Null when GOOGLE_CLIENT_ID/SECRET are unset: Google sync is off. */
    private readonly config: GoogleOAuthConfig | null,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  get enabled(): boolean {
    return this.config !== null;
  }

  /** The link the bot gives `user` to connect Google Calendar (valid for ten minutes). */
  startUrl(user: User): string {
    const config = this.requireConfig(langOf(user.settings?.language));
    const ticket = this.seal({ kind: 'ticket', userId: user.id });
    return `${config.publicUrl}${GOOGLE_OAUTH_START_PATH}?ticket=${encodeURIComponent(ticket)}`;
  }

  /** /start: Google's consent URL, and the nonce the route sets as this browser's cookie. */
  async begin(ticket: string): Promise<{ authorizeUrl: string; browserNonce: string }> {
    const config = this.requireConfig();
    const { userId } = this.open(ticket, 'ticket');
    const user = await this.userOf(userId);
    const client = googleOAuthClient(this.settings(config));
    const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
    const browserNonce = randomBytes(16).toString('base64url');
    const state = this.seal({
      kind: 'state',
      userId: user.id,
      verifier: codeVerifier,
      nonce: browserNonce,
    });
    const authorizeUrl = client.generateAuthUrl({
      scope: GOOGLE_CALENDAR_SCOPES,
      access_type: 'offline',
      // A refresh token every time, also when the user connected before.
      prompt: 'consent',
      state,
      code_challenge: codeChallenge!,
      code_challenge_method: 'S256' as never,
    });
    return { authorizeUrl, browserNonce };
  }

  /**
   * /callback: checks the state against this browser's nonce, exchanges the code (with the
   * PKCE verifier) and stores the tokens sealed: a new connection, or the user's existing
   * Google one reconnected.
   */
  async complete(input: {
    state: string | undefined;
    code: string | undefined;
    error: string | undefined;
    browserNonce: string | null;
  }): Promise<{ connection: CalendarConnection; lang: Lang }> {
    const config = this.requireConfig();
    const state = this.open(input.state ?? '', 'state');
    const user = await this.userOf(state.userId);
    const lang = langOf(user.settings?.language);
    if (!input.browserNonce || input.browserNonce !== state.nonce) {
      throw oauthError('FORBIDDEN', 'wrongBrowser', lang);
    }
    if (input.error || !input.code) throw oauthError('BAD_USER_INPUT', 'denied', lang);
    const client = googleOAuthClient(this.settings(config));
    let tokens: GoogleTokens;
    try {
      const answer = await client.getToken({ code: input.code, codeVerifier: state.verifier });
      if (!answer.tokens.refresh_token) throw new Error('no refresh token in the answer');
      tokens = {
        accessToken: answer.tokens.access_token ?? null,
        refreshToken: answer.tokens.refresh_token,
        expiresAt: answer.tokens.expiry_date ?? null,
      };
    } catch (error) {
      // The library's message may quote the request: log the kind of failure only.
      this.logger.warn(
        { userId: user.id, err: { name: (error as Error).name } },
        'Google token exchange failed',
      );
      throw oauthError('BAD_USER_INPUT', 'failed', lang);
    }
    return { connection: await this.store(user, tokens), lang };
  }

  /** The provider of a Google connection; refreshed tokens are stored back, sealed. */
  async providerFor(connectionId: string): Promise<GoogleCalendarProvider> {
    const config = this.requireConfig();
    const tokens = await this.tokensOf(connectionId);
    const client = googleOAuthClient(this.settings(config), tokens);
    client.on('tokens', (fresh) => {
      const next: GoogleTokens = {
        accessToken: fresh.access_token ?? null,
        refreshToken: fresh.refresh_token ?? tokens.refreshToken,
        expiresAt: fresh.expiry_date ?? null,
      };
      this.connections.storeCredentials(connectionId, { ...next }).catch((error: unknown) => {
        this.logger.error({ connectionId, err: error }, 'Storing refreshed Google tokens failed');
      });
    });
    return new GoogleCalendarProvider({
      auth: client,
      apiBaseUrl: config.apiBaseUrl,
      timeoutMs: config.timeoutMs,
    });
  }

  /**
   * Revokes a Google connection's grant at Google (call before deleting the connection). A
   * grant Google no longer knows is fine; Google being down is logged, not an error: the
   * user asked to disconnect, and the tokens are deleted with the connection anyway.
   */
  async revoke(connectionId: string): Promise<void> {
    if (!this.config) return;
    let tokens: GoogleTokens;
    try {
      tokens = await this.tokensOf(connectionId);
    } catch {
      return;
    }
    try {
      await googleOAuthClient(this.settings(this.config)).revokeToken(tokens.refreshToken);
    } catch (error) {
      const status = (error as { response?: { status?: number } }).response?.status ?? null;
      this.logger.warn({ connectionId, status }, 'Revoking the Google grant failed');
    }
  }

  private async store(user: User, tokens: GoogleTokens): Promise<CalendarConnection> {
    const existing = await this.db
      .getRepository(CalendarConnection)
      .findOneBy({ userId: user.id, kind: CalendarConnectionKind.GOOGLE });
    if (!existing) {
      return this.connections.create(user, {
        kind: CalendarConnectionKind.GOOGLE,
        name: 'Google Calendar',
        credentials: { ...tokens },
      });
    }
    await this.connections.storeCredentials(existing.id, { ...tokens });
    await this.db.getRepository(CalendarConnection).update(
      { id: existing.id },
      {
        status: CalendarConnectionStatus.OK,
        lastError: null,
        failureCount: 0,
        nextSyncAt: this.clock(),
      },
    );
    return this.connections.byId(existing.id);
  }

  private async tokensOf(connectionId: string): Promise<GoogleTokens> {
    const credentials = await this.connections.credentialsOf(connectionId);
    if (!credentials || typeof credentials.refreshToken !== 'string') {
      throw new DomainError('NOT_FOUND', 'Google credentials not found');
    }
    return {
      accessToken: typeof credentials.accessToken === 'string' ? credentials.accessToken : null,
      refreshToken: credentials.refreshToken,
      expiresAt: typeof credentials.expiresAt === 'number' ? credentials.expiresAt : null,
    };
  }

  private async userOf(userId: string): Promise<User> {
    const user = await this.db.getRepository(User).findOneBy({ id: userId });
    if (!user) throw oauthError('BAD_USER_INPUT', 'linkExpired');
    return user;
  }

  private seal(payload: SealedPayload): string {
    const expiresAt = this.clock().getTime() + TICKET_TTL_MS;
    return Buffer.from(this.secrets.seal(JSON.stringify({ ...payload, expiresAt }))).toString(
      'base64url',
    );
  }

  /** A ticket or state we sealed, of this kind and unexpired; anything else is refused. */
  private open<K extends SealedPayload['kind']>(
    text: string,
    kind: K,
  ): Extract<SealedPayload, { kind: K }> {
    let payload: (SealedPayload & { expiresAt: number }) | null = null;
    try {
      payload = JSON.parse(this.secrets.open(Buffer.from(text, 'base64url').toString()));
    } catch {
      payload = null;
    }
    if (!payload || payload.kind !== kind) {
      throw oauthError(
        kind === 'state' ? 'FORBIDDEN' : 'BAD_USER_INPUT',
        kind === 'state' ? 'wrongBrowser' : 'linkExpired',
      );
    }
    if (payload.expiresAt < this.clock().getTime())
      throw oauthError('BAD_USER_INPUT', 'linkExpired');
    return payload as unknown as Extract<SealedPayload, { kind: K }>;
  }

  private requireConfig(lang: Lang = 'ru'): GoogleOAuthConfig {
    if (!this.config) throw oauthError('BAD_USER_INPUT', 'notConfigured', lang);
    return this.config;
  }

  private settings(config: GoogleOAuthConfig): GoogleOAuthSettings {
    return {
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      redirectUri: `${config.publicUrl}${GOOGLE_OAUTH_CALLBACK_PATH}`,
      oauthBaseUrl: config.oauthBaseUrl,
    };
  }
}

type SealedPayload =
  | { kind: 'ticket'; userId: string }
  | { kind: 'state'; userId: string; verifier: string; nonce: string };
