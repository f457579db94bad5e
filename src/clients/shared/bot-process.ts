import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { countMessageSent, countRateLimited } from '../../metrics/messages.js';
import { ApiClient } from './api-client.js';
import { createBot, type BotAdapter } from './create-bot.js';
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

/** One messenger's bot: its name in messages, its metrics label, its token's setting. */
export interface PlatformBot {
  name: string;
  platform: 'telegram' | 'max';
  tokenSetting: 'TELEGRAM_BOT_TOKEN' | 'MAX_BOT_TOKEN';
  adapter(config: Config, token: string, log: Logger): BotAdapter;
}

/** Starts a messenger's bot on the shared core, with this process's API client and metrics. */
export async function startPlatformBot(
  bot: PlatformBot,
  config: Config,
  logger: Logger,
  options: BotOptions,
): Promise<RunningBot> {
  const token = config[bot.tokenSetting];
  if (!token || !config.SERVICE_API_KEY) {
    throw new Error(`The ${bot.name} bot needs ${bot.tokenSetting} and SERVICE_API_KEY`);
  }
  const log = logger.child({ component: bot.platform });
  return createBot(bot.adapter(config, token, log), {
    api: new ApiClient(options.apiUrl ?? botApiUrl(config), config.SERVICE_API_KEY),
    logger: log,
    limits: options.limits,
    clock: options.clock,
    onSent: () => countMessageSent(bot.platform),
    onRateLimited: () => countRateLimited(bot.platform),
  });
}
