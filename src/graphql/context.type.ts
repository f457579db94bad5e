import type { User } from '../entities/index.js';
import type { Logger } from '../logger.js';
import type { Caller } from '../services/auth.service.js';
import type { Services } from '../services/index.js';
import type { DomainError } from '../errors/domain-error.js';
import type { AppPubSub } from '../pubsub.js';
import type { Loaders } from './loaders.js';
import type { WebChatFeed } from './web-chat-feed.js';

/** What every resolver receives, for HTTP and WebSocket alike. */
export interface Context {
  requestId: string;
  logger: Logger;
  caller: Caller;
  /** The user the caller acts for, or null (anonymous, or a bot's not yet registered user). */
  user: User | null;
  /** Why the presented credentials were refused, reported by the first field that needs a user. */
  authError: DomainError | null;
  services: Services;
  pubsub: AppPubSub;
  loaders: Loaders;
  /** The web client's chats when this process serves it (the api role with WEB_APP_ENABLED). */
  webChat: WebChatFeed | null;
}
