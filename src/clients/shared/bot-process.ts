import type { Config } from '../../config.js';
import type { Clock, SendLimits } from './outbound/send-queue.js';

/** A started bot; `stop()` stops taking updates and finishes the sends in flight. */
export interface RunningBot {
  stop(): Promise<void>;
}

/** What a caller may set beside the config: tests pass their API, fast limits or a clock. */
export interface BotOptions {
  /** BOT_API_URL, or this process's own API, by default. */
  apiUrl?: string;
  /** The platform's published limits by default. */
  limits?: SendLimits;
  clock?: Clock;
}

/** The API the bots call: BOT_API_URL, or this process's own API. */
export const botApiUrl = (config: Config) =>
  config.BOT_API_URL ?? `http://127.0.0.1:${config.PORT}/graphql`;
