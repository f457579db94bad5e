import { createHash, randomBytes } from 'node:crypto';
import { IsNull, type DataSource } from 'typeorm';
import { DomainError, notFound } from '../errors/domain-error.js';
import { ApiToken, type User } from '../entities/index.js';

export const API_TOKEN_PREFIX = 'mxn_';
const MAX_ACTIVE_TOKENS = 20;
/** lastUsedAt is refreshed at most this often, so reads do not turn into writes. */
const LAST_USED_RESOLUTION_MS = 60_000;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Personal API tokens: the plain token is returned once at creation; only its hash is kept. */
export class ApiTokenService {
  constructor(private readonly db: DataSource) {}

  async list(user: User): Promise<ApiToken[]> {
    return this.db.getRepository(ApiToken).find({
      where: { userId: user.id },
      order: { createdAt: 'DESC' },
    });
  }

  async create(user: User, name: string): Promise<{ token: string; apiToken: ApiToken }> {
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
    }
    return apiToken;
  }

  /** The owner of a valid, unrevoked token, or null. */
  async authenticate(token: string): Promise<User | null> {
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
    return apiToken.user;
  }
}
