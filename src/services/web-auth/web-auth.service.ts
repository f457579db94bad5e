import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError } from '../../errors/domain-error.js';
import { Platform, User, WebSession, WebSignInLink } from '../../entities/index.js';
import { queryEntities } from '../../db/entity-rows.js';
import type { ChannelIdentity, UserService } from '../user.service.js';
import { checkInitData } from './init-data.js';

export interface WebAuthSettings {
  sessionDays: number;
  linkTtlSeconds: number;
  initDataMaxAgeSeconds: number;
  /** Bot tokens that sign mini app init data; a platform without one cannot sign in this way. */
  botTokens: Partial<Record<Platform.TELEGRAM | Platform.MAX, string>>;
  /** Where links point: PUBLIC_URL, or this server on 127.0.0.1. */
  publicUrl: string;
}

/** What a browser gets at sign-in: the cookie's token and the page's CSRF token. */
export interface IssuedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: User;
}

const secret = () => randomBytes(32).toString('base64url');
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
/** The local user of a zero-setup run (no bot): its web account's platform user id. */
export const LOCAL_WEB_USER = 'local';

/**
 * Sign-in for the web client: one-time links sent by the bots, mini app init data, and the
 * sessions they open. Tokens are random and stored only as SHA-256 hashes.
 */
export class WebAuthService {
  constructor(
    private readonly db: DataSource,
    private readonly users: UserService,
    private readonly settings: WebAuthSettings,
  ) {}

  /** A one-time link token for the user a bot acts for; the bot builds the URL. */
  async createLink(user: User, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const token = secret();
    const expiresAt = new Date(now.getTime() + this.settings.linkTtlSeconds * 1000);
    await this.db.getRepository(WebSignInLink).insert({
      userId: user.id,
      tokenHash: hashOf(token),
      expiresAt,
    });
    return { token, expiresAt };
  }

  /**
   * The link itself. The token travels in the URL's fragment, which browsers never send to a
   * server: link previews cannot use it up and access logs never see it.
   */
  async createLinkUrl(user: User): Promise<{ url: string; expiresAt: Date }> {
    const { token, expiresAt } = await this.createLink(user);
    return { url: this.linkUrl(token), expiresAt };
  }

  linkUrl(token: string): string {
    return `${this.settings.publicUrl}/app#signin=${token}`;
  }

  /** Uses a link (once: a second use, or one past its time, is UNAUTHENTICATED). */
  async redeemLink(token: string, replacing: string | null): Promise<IssuedSession> {
    const [row] = (await this.db.query(
      `UPDATE web_sign_in_links SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
        RETURNING user_id AS "userId"`,
      [hashOf(token)],
    )) as [{ userId: string }[], number];
    const userId = row[0]?.userId;
    if (!userId) {
      throw new DomainError('UNAUTHENTICATED', 'This sign-in link was used or has expired');
    }
    return this.open(userId, replacing);
  }

  /** Signs in a messenger user of a mini app by its signed init data. */
  async signInWithInitData(
    platform: Platform.TELEGRAM | Platform.MAX,
    initData: string,
    replacing: string | null,
    now = new Date(),
  ): Promise<IssuedSession> {
    const botToken = this.settings.botTokens[platform];
    if (!botToken) throw new DomainError('FORBIDDEN', `No ${platform} bot is configured here`);
    const check = checkInitData(initData, botToken, this.settings.initDataMaxAgeSeconds, now);
    if (!check.ok) {
      throw new DomainError('UNAUTHENTICATED', `The mini app's init data is ${check.reason}`, {
        reason: check.reason,
      });
    }
    const identity: ChannelIdentity = { platform, platformUserId: check.user.id };
    const user = await this.users.findByChannel(identity);
    if (!user) {
      throw new DomainError('UNAUTHENTICATED', 'Start the bot first, then open the app again');
    }
    return this.open(user.id, replacing);
  }

  /** The zero-setup local user (created on first use) and a link for it. Never in production. */
  async localLink(): Promise<{ token: string; expiresAt: Date }> {
    const user = await this.users.registerChannelAccount({
      platform: Platform.WEB,
      platformUserId: LOCAL_WEB_USER,
      chatId: LOCAL_WEB_USER,
      displayName: 'Local user',
    });
    return this.createLink(user);
  }

  /** The user of a session cookie with its CSRF token; null when unknown or expired. */
  async authenticate(token: string): Promise<{ user: User; csrfToken: string } | null> {
    const [session] = await this.db.query(
      `SELECT user_id AS "userId", csrf_token AS "csrfToken" FROM web_sessions
        WHERE token_hash = $1 AND expires_at > now()`,
      [hashOf(token)],
    );
    if (!session) return null;
    const [user] = await queryEntities(this.db, User, `SELECT * FROM users WHERE id = $1`, [
      session.userId,
    ]);
    return user ? { user, csrfToken: session.csrfToken as string } : null;
  }

  /** The web account the web client acts as (created on first use). */
  async webIdentity(user: User): Promise<ChannelIdentity> {
    const find = async () =>
      (
        (await this.db.query(
          `SELECT platform_user_id AS id FROM channel_accounts
            WHERE user_id = $1 AND platform = $2 ORDER BY created_at LIMIT 1`,
          [user.id, Platform.WEB],
        )) as { id: string }[]
      )[0]?.id;
    let platformUserId = await find();
    if (!platformUserId) {
      // One web account per user: the local user's is "local", everyone else's is their id.
      await this.db.query(
        `INSERT INTO channel_accounts (user_id, platform, platform_user_id, chat_id)
         VALUES ($1::uuid, $2, $3, $3) ON CONFLICT DO NOTHING`,
        [user.id, Platform.WEB, user.id],
      );
      platformUserId = (await find())!;
    }
    return { platform: Platform.WEB, platformUserId };
  }

  /** Ends one session (sign out here). */
  async signOut(token: string): Promise<void> {
    await this.db.getRepository(WebSession).delete({ tokenHash: hashOf(token) });
  }

  /** Ends every session of the user (sign out everywhere). */
  async signOutEverywhere(user: User): Promise<number> {
    const result = await this.db.getRepository(WebSession).delete({ userId: user.id });
    return result.affected ?? 0;
  }

  /** A new session; the one the browser held before (if any) ends: rotation on sign-in. */
  private async open(userId: string, replacing: string | null): Promise<IssuedSession> {
    const token = secret();
    const csrfToken = secret();
    const expiresAt = new Date(Date.now() + this.settings.sessionDays * 86_400_000);
    const user = await this.db.transaction(async (manager) => {
      if (replacing) await manager.delete(WebSession, { tokenHash: hashOf(replacing) });
      await manager.insert(WebSession, { userId, tokenHash: hashOf(token), csrfToken, expiresAt });
      return manager.findOneOrFail(User, { where: { id: userId } });
    });
    return { token, csrfToken, expiresAt, user };
  }
}
