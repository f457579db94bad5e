import type { DataSource } from 'typeorm';
import { DomainError } from '../errors/domain-error.js';
import type { Logger } from '../logger.js';
import type { AppPubSub } from '../pubsub.js';
import type { Caller, Credentials } from '../services/auth.service.js';
import type { Services } from '../services/index.js';
import type { Context } from './context.type.js';
import { createLoaders } from './loaders.js';
import type { WebChatFeed } from './web-chat-feed.js';

export interface ContextDeps {
  db: DataSource;
  services: Services;
  pubsub: AppPubSub;
  webChat?: WebChatFeed;
}

const ANONYMOUS: Caller = { kind: 'anonymous', user: null };

/** Resolves credentials; refused ones leave an anonymous caller and the reason. */
export async function authenticate(
  deps: ContextDeps,
  credentials: Credentials,
): Promise<{ caller: Caller; authError: DomainError | null }> {
  try {
    return { caller: await deps.services.auth.resolveCaller(credentials), authError: null };
  } catch (error) {
    if (error instanceof DomainError) return { caller: ANONYMOUS, authError: error };
    throw error;
  }
}

/** The one context shape for HTTP requests and WebSocket operations, with fresh loaders. */
export function contextFor(
  deps: ContextDeps,
  caller: Caller,
  authError: DomainError | null,
  requestId: string,
  logger: Logger,
): Context {
  const user = caller.user;
  return {
    requestId,
    logger: logger.child({ userId: user?.id, caller: caller.kind }),
    caller,
    user,
    authError,
    services: deps.services,
    pubsub: deps.pubsub,
    loaders: createLoaders(deps.db, user?.id ?? null),
    webChat: deps.webChat ?? null,
  };
}
