import { timingSafeEqual, createHash } from 'node:crypto';
import { DomainError } from '../errors/domain-error.js';
import { Platform, type User } from '../entities/index.js';
import { API_TOKEN_PREFIX, type ApiTokenService } from './api-token.service.js';
import type { ChannelIdentity, UserService } from './user.service.js';

/**
 * Who is calling. `service`: one of our bots, holding the service key and acting for a
 * messenger identity (`user` is null until that identity registers). `token`: a third party
 * acting for the token's owner only. `anonymous`: no credentials.
 */
export type Caller =
  | { kind: 'service'; identity: ChannelIdentity | null; user: User | null }
  | { kind: 'token'; user: User; tokenId: string }
  | { kind: 'anonymous'; user: null };

/** What a request presents, from HTTP headers or graphql-ws connection params. */
export interface Credentials {
  authorization?: string | null;
  platform?: string | null;
  platformUserId?: string | null;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

export class AuthService {
  private readonly serviceKeyDigest: Buffer | null;

  constructor(
    serviceKey: string | undefined,
    private readonly users: UserService,
    private readonly apiTokens: ApiTokenService,
  ) {
    this.serviceKeyDigest = serviceKey ? digest(serviceKey) : null;
  }

  /** Resolves credentials to a caller; wrong credentials are an error, none is anonymous. */
  async resolveCaller(credentials: Credentials): Promise<Caller> {
    const secret = /^Bearer\s+(.+)$/i.exec(credentials.authorization?.trim() ?? '')?.[1]?.trim();
    if (!secret) return { kind: 'anonymous', user: null };
    if (this.isServiceKey(secret)) {
      const identity = parseIdentity(credentials);
      const user = identity ? await this.users.findByChannel(identity) : null;
      return { kind: 'service', identity, user };
    }
    if (secret.startsWith(API_TOKEN_PREFIX)) {
      const owner = await this.apiTokens.authenticate(secret);
      if (owner) return { kind: 'token', user: owner.user, tokenId: owner.tokenId };
    }
    throw new DomainError('UNAUTHENTICATED', 'Invalid or revoked credentials');
  }

  private isServiceKey(secret: string): boolean {
    return this.serviceKeyDigest !== null && timingSafeEqual(digest(secret), this.serviceKeyDigest);
  }
}

function parseIdentity(credentials: Credentials): ChannelIdentity | null {
  const { platform, platformUserId } = credentials;
  if (!platform && !platformUserId) return null;
  if (!Object.values(Platform).includes(platform as Platform) || !platformUserId) {
    throw new DomainError(
      'BAD_USER_INPUT',
      'Acting identity needs a known platform (telegram, max) and a platform user id',
    );
  }
  return { platform: platform as Platform, platformUserId };
}
