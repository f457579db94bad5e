import { createHash, randomBytes } from 'node:crypto';
import { IsNull, Not, type DataSource } from 'typeorm';
import { DomainError, notFound } from '../errors/domain-error.js';
import { ApiToken, ApiTokenScope, type User } from '../entities/index.js';
import type { DomainEvents } from './domain-events.js';

export const API_TOKEN_PREFIX = 'mxn_';
const MAX_ACTIVE_TOKENS = 20;
/** lastUsedAt is refreshed at most this often, so reads do not turn into writes. */
const LAST_USED_RESOLUTION_MS = 60_000;
/**
 * How long an open WebSocket may trust a token's "still active" answer. A revoke in this
 * process is seen at once (and closes the sockets); one in another process without Redis
 * within this time.
 */
export const TOKEN_STATE_TTL_MS = 2_000;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Personal API tokens: the plain token is returned once at creation; only its hash is kept. */
export class ApiTokenService {
  /** tokenId → until when it is known to be active (checked per WebSocket operation). */
  private readonly activeUntil = new Map<string, number>();

  constructor(
    private readonly db: DataSource,
    private readonly events?: DomainEvents,
  ) {}

  async list(user: User): Promise<ApiToken[]> {
    return this.db.getRepository(ApiToken).find({
      where: { userId: user.id },
      order: { createdAt: 'DESC' },
    });
  }

  async create(
    user: User,
    name: string,
    scope: ApiTokenScope = ApiTokenScope.USER,
  ): Promise<{ token: string; apiToken: ApiToken }> {
    const label = name.trim();
    if (label.length < 1 || label.length > 100) {
      throw new DomainError('BAD_USER_INPUT', 'name must be 1…100 characters', { field: 'name' });
    }
    const repository = this.db.getRepository(ApiToken);
    const active = await repository.count({ where: { userId: user.id, revokedAt: IsNull() } });
    if (active >= MAX_ACTIVE_TOKENS) {
      throw new DomainError('CONFLICT', `At most ${MAX_ACTIVE_TOKENS} active tokens; revoke one`);
    }
    const token = API_TOKEN_PREFIX + randomBytes(24).toString('base64url');
    const apiToken = await repository.save(
      repository.create({
        userId: user.id,
        name: label,
        tokenHash: hashToken(token),
        tokenPrefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
        scope,
      }),
    );
    return { token, apiToken };
  }

  async revoke(user: User, tokenId: string): Promise<ApiToken> {
    const repository = this.db.getRepository(ApiToken);
    const apiToken = await repository.findOne({ where: { id: tokenId, userId: user.id } });
    if (!apiToken) throw notFound('API token');
    if (!apiToken.revokedAt) {
      apiToken.revokedAt = new Date();
      await repository.save(apiToken);
      this.activeUntil.delete(apiToken.id);
      await this.events?.emit('apiTokenRevoked', { tokenId: apiToken.id, userId: user.id });
    }
    return apiToken;
  }

  /**
   * Whether a token that authenticated earlier (an open WebSocket) is still unrevoked.
   * Cheap: answered from a short-lived cache, so a busy socket costs a query per TTL.
   */
  async isActive(tokenId: string): Promise<boolean> {
    const now = Date.now();
    if ((this.activeUntil.get(tokenId) ?? 0) > now) return true;
    const active = await this.db
      .getRepository(ApiToken)
      .exists({ where: { id: tokenId, revokedAt: IsNull() } });
    if (active) {
      // Bounded: entries only for tokens in use; stale ones are dropped when refreshed.
      if (this.activeUntil.size > 10_000) this.activeUntil.clear();
      this.activeUntil.set(tokenId, now + TOKEN_STATE_TTL_MS);
    } else {
      this.activeUntil.delete(tokenId);
    }
    return active;
  }

  /** A revoked token presented again (for the audit log), or null. */
  async findRevoked(token: string): Promise<{ tokenId: string; userId: string } | null> {
    const found = await this.db.getRepository(ApiToken).findOne({
      where: { tokenHash: hashToken(token), revokedAt: Not(IsNull()) },
      select: { id: true, userId: true },
    });
    return found ? { tokenId: found.id, userId: found.userId } : null;
  }

  /** The owner of a valid, unrevoked token (and the token's id and scope), or null. */
  async authenticate(
    token: string,
  ): Promise<{ user: User; tokenId: string; scope: ApiTokenScope } | null> {
    const apiToken = await this.db
      .getRepository(ApiToken)
      .createQueryBuilder('token')
      .innerJoinAndSelect('token.user', 'user')
      .where('token.token_hash = :hash AND token.revoked_at IS NULL', { hash: hashToken(token) })
      .getOne();
    if (!apiToken) return null;
    const staleBefore = new Date(Date.now() - LAST_USED_RESOLUTION_MS);
    if (!apiToken.lastUsedAt || apiToken.lastUsedAt < staleBefore) {
      await this.db.query(
        `UPDATE api_tokens SET last_used_at = now()
          WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2)`,
        [apiToken.id, staleBefore],
      );
    }
    return { user: apiToken.user, tokenId: apiToken.id, scope: apiToken.scope };
  }
}
