import type { ApiClient } from './api-client.js';
import { BackgroundTasks } from './background.js';
import { BotCore } from './bot-core.js';
import type { RunningBot } from './bot-process.js';
import type { Incoming, Messenger } from './messenger.js';
import { NotificationRelay } from './notification-relay.js';
import { SendQueue, type Clock, type SendFailure, type SendLimits } from './outbound/send-queue.js';
import type { BotLogger } from './turn.js';

/** What a messenger platform brings to a bot; everything else is shared. */
export interface BotAdapter {
  /** The platform's published send limits (what production uses). */
  readonly limits: SendLimits;
  /** 429 → { retryAfterMs }, 5xx / network → 'retry', other errors → 'fatal'. */
  classify(error: unknown): SendFailure;
  /** The platform's Messenger, every call of which goes through `queue`. */
  messenger(queue: SendQueue): Messenger;
  /** Checks the token and publishes the command list, before any update is taken. */
  init(): Promise<void>;
  /**
   * Starts taking updates (polling or webhook); each is handed to `onUpdate`, which resolves
   * once it is handled. Adapters do not wait for it: a slow chat must not hold up the others
   * (the core keeps each chat's order).
   */
  start(onUpdate: (incoming: Incoming) => Promise<void>): Promise<void>;
  /** Stops taking updates. */
  stop(): Promise<void>;
}

export interface BotDeps {
  api: ApiClient;
  logger: BotLogger;
  /** The adapter's (the platform's) limits by default; tests pass fast ones. */
  limits?: SendLimits;
  /** The system clock by default. */
  clock?: Clock;
  /** How often a broadcast's progress message is refreshed (3 s: within the edit limits). */
  progressEveryMs?: number;
  onSent?(): void;
  onRateLimited?(): void;
}

/**
 * One bot for any messenger: the shared core answers updates, the relay delivers the
 * notification outbox, and every outbound call goes through one SendQueue. `stop()` stops
 * taking updates, then finishes what is in flight.
 */
export async function createBot(adapter: BotAdapter, deps: BotDeps): Promise<RunningBot> {
  const { api, logger } = deps;
  const queue = new SendQueue({
    limits: deps.limits ?? adapter.limits,
    classify: (error) => adapter.classify(error),
    onSent: deps.onSent,
    onRateLimited: deps.onRateLimited,
    logger,
    clock: deps.clock,
  });
  const messenger = adapter.messenger(queue);
  const background = new BackgroundTasks(logger, deps.progressEveryMs ?? 3_000);
  const core = new BotCore(api, messenger, logger, background);
  const relay = new NotificationRelay(api, messenger, logger);

  await adapter.init();
  await relay.start();
  await adapter.start((incoming) => core.handle(incoming));

  return {
    async stop() {
      await adapter.stop();
      await relay.stop();
      await core.idle();
      await background.stop();
      await queue.stop(5_000);
      await api.close();
    },
  };
}
