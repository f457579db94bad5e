import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../errors/domain-error.js';
import { ApiTokenScope, Platform, type User } from '../entities/index.js';
import type { AuditLog } from './audit-log.js';
import { API_TOKEN_PREFIX, type ApiTokenService } from './api-token.service.js';
import type { ChannelIdentity, UserService } from './user.service.js';
import type { WebAuthService } from './web-auth/web-auth.service.js';

/**
 * Who is calling. `service`: one of our bots, holding the service key and acting for a
 * messenger identity (`user` is null until that identity registers). `token`: a third party
 * acting for the token's owner only. `anonymous`: no credentials.
 */
export type Caller =
  | { kind: 'service'; identity: ChannelIdentity | null; user: User | null; admin?: boolean }
  | { kind: 'token'; user: User; tokenId: string; admin?: boolean }
  | { kind: 'session'; user: User }
  | { kind: 'anonymous'; user: null };

/** What a request presents, from HTTP headers or graphql-ws connection params. */
export interface Credentials {
  authorization?: string | null;
  platform?: string | null;
  platformUserId?: string | null;
  /** The web client's session cookie and its CSRF header (HTTP only). */
  session?: string | null;
  csrf?: string | null;
}

const ANONYMOUS: Caller = { kind: 'anonymous', user: null };
const digest = (value: string) => createHash('sha256').update(value).digest();

export class AuthService {
  private readonly serviceKeyDigests: Buffer[];
  /**
   * The service key of this process's own web client (random, never leaves the process), so
   * the web client works with no SERVICE_API_KEY set, as on a first run.
   */
  readonly internalKey = randomBytes(32).toString('base64url');

  constructor(
    serviceKey: string | undefined,
    private readonly users: UserService,
    private readonly apiTokens: ApiTokenService,
    private readonly webAuth: WebAuthService,
    /** Operator identities ("telegram:123"), from ADMIN_IDS. */
    private readonly admins: Set<string> = new Set(),
    private readonly audit?: AuditLog,
  ) {
    this.serviceKeyDigests = [
      digest(this.internalKey),
      ...(serviceKey ? [digest(serviceKey)] : []),
    ];
  }

  /**
   * Resolves credentials to a caller; wrong credentials are an error, none is anonymous. A
   * blocked user's every operation is FORBIDDEN (extensions.reason BLOCKED), whoever calls.
   */
  async resolveCaller(credentials: Credentials): Promise<Caller> {
    const caller = await this.identify(credentials);
    if (caller.user?.blockedAt) {
      throw new DomainError('FORBIDDEN', 'This account is blocked', { reason: 'BLOCKED' });
    }
    return caller;
  }

  /** Whether a messenger identity is an operator (ADMIN_IDS). */
  isAdmin(identity: ChannelIdentity | null): boolean {
    return !!identity && this.admins.has(`${identity.platform}:${identity.platformUserId}`);
  }

  private async identify(credentials: Credentials): Promise<Caller> {
    const secret = /^Bearer\s+(.+)$/i.exec(credentials.authorization?.trim() ?? '')?.[1]?.trim();
    if (!secret) return credentials.session ? this.sessionCaller(credentials) : ANONYMOUS;
    if (this.isServiceKey(secret)) {
      const identity = parseIdentity(credentials);
      const user = identity ? await this.users.findByChannel(identity) : null;
      return { kind: 'service', identity, user, admin: this.isAdmin(identity) };
    }
    if (secret.startsWith(API_TOKEN_PREFIX)) {
      const owner = await this.apiTokens.authenticate(secret);
      if (owner) {
        // An admin-scoped token is an operator's only while its owner still is one.
        const admin = owner.scope === ApiTokenScope.ADMIN && (await this.ownerIsAdmin(owner.user));
        return { kind: 'token', user: owner.user, tokenId: owner.tokenId, admin };
      }
      const revoked = await this.apiTokens.findRevoked(secret);
      if (revoked) {
        await this.audit?.record({
          actor: `token:${revoked.tokenId}`,
          action: 'revoked_token_used',
          targetUserId: revoked.userId,
        });
      }
    }
    throw new DomainError('UNAUTHENTICATED', 'Invalid or revoked credentials');
  }

  private async ownerIsAdmin(user: User): Promise<boolean> {
    if (this.admins.size === 0) return false;
    const accounts = await this.users.channelAccountsOf(user);
    return accounts.some((account) => this.isAdmin(account));
  }

  private isServiceKey(secret: string): boolean {
    const presented = digest(secret);
    return this.serviceKeyDigests.some((known) => timingSafeEqual(presented, known));
  }

  /**
   * A browser's session cookie: valid only with the session's CSRF token in a header, which a
   * page of another site cannot read or send (SameSite cookies are the second line).
   */
  private async sessionCaller(credentials: Credentials): Promise<Caller> {
    const session = await this.webAuth.authenticate(credentials.session!);
    if (!session) throw new DomainError('UNAUTHENTICATED', 'Your session has ended: sign in again');
    const csrf = credentials.csrf ?? '';
    if (
      csrf.length !== session.csrfToken.length ||
      !timingSafeEqual(Buffer.from(csrf), Buffer.from(session.csrfToken))
    ) {
      throw new DomainError('FORBIDDEN', 'Missing or wrong X-CSRF-Token header');
    }
    return { kind: 'session', user: session.user };
  }
}

function parseIdentity(credentials: Credentials): ChannelIdentity | null {
  const { platform, platformUserId } = credentials;
  if (!platform && !platformUserId) return null;
  if (!Object.values(Platform).includes(platform as Platform) || !platformUserId) {
    throw new DomainError(
      'BAD_USER_INPUT',
      'Acting identity needs a known platform (telegram, max, web) and a platform user id',
    );
  }
  return { platform: platform as Platform, platformUserId };
}
