import { Telegraf } from 'telegraf';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { countMessageSent, countRateLimited } from '../../metrics/messages.js';
import { ApiClient } from '../shared/api-client.js';
import { BotCore } from '../shared/bot-core.js';
import { COMMANDS } from '../shared/features/registry.js';
import { botApiUrl, type RunningBot } from '../shared/bot-process.js';
import { NotificationRelay } from '../shared/notification-relay.js';
import { SendQueue } from '../shared/outbound/send-queue.js';
import { textsFor } from '../shared/texts.js';
import { classifyTelegramError, limitTelegram, TELEGRAM_LIMITS } from './telegram-api.js';
import { TelegramMessenger } from './telegram-messenger.js';
import { toIncoming } from './updates.js';

/**
 * The Telegram bot: long polling by default, a webhook when TELEGRAM_WEBHOOK_DOMAIN is set
 * (Telegram's secret token header checked). Every send goes through one SendQueue.
 */
export async function startTelegramBot(
  config: Config,
  logger: Logger,
  apiUrl = botApiUrl(config),
): Promise<RunningBot> {
  if (!config.TELEGRAM_BOT_TOKEN || !config.SERVICE_API_KEY) {
    throw new Error('The Telegram bot needs TELEGRAM_BOT_TOKEN and SERVICE_API_KEY');
  }
  const log = logger.child({ component: 'telegram' });
  const queue = new SendQueue({
    limits: TELEGRAM_LIMITS,
    classify: classifyTelegramError,
    onSent: () => countMessageSent('telegram'),
    onRateLimited: () => countRateLimited('telegram'),
    logger: log,
  });
  const bot = new Telegraf(config.TELEGRAM_BOT_TOKEN, {
    telegram: { apiRoot: config.TELEGRAM_API_ROOT, webhookReply: false },
  });
  limitTelegram(bot.telegram, queue);
  const api = new ApiClient(apiUrl, config.SERVICE_API_KEY);
  const messenger = new TelegramMessenger(bot.telegram);
  const core = new BotCore(api, messenger, log);
  const relay = new NotificationRelay(api, messenger, log);

  // Not awaited: a slow chat must not hold up the polling loop; the core keeps each chat's order.
  bot.on(['message', 'callback_query'], (ctx) => {
    const incoming = toIncoming(ctx, bot.telegram);
    if (incoming) void core.handle(incoming);
  });
  bot.catch((error) => log.error({ err: error }, 'telegram update failed'));

  await setCommands(bot);
  await relay.start();
  const launched = bot.launch(
    config.TELEGRAM_WEBHOOK_DOMAIN
      ? {
          webhook: {
            domain: config.TELEGRAM_WEBHOOK_DOMAIN,
            path: config.TELEGRAM_WEBHOOK_PATH,
            port: config.TELEGRAM_WEBHOOK_PORT,
            secretToken: config.TELEGRAM_WEBHOOK_SECRET,
          },
        }
      : {},
  );
  launched.catch((error: unknown) => log.error({ err: error }, 'telegram bot stopped polling'));
  log.info(
    { mode: config.TELEGRAM_WEBHOOK_DOMAIN ? 'webhook' : 'polling' },
    'Telegram bot started',
  );

  return {
    async stop() {
      try {
        bot.stop('shutdown');
      } catch {
        // Not running yet (launch still connecting): nothing to stop.
      }
      await relay.stop();
      await core.idle();
      await queue.stop(5_000);
      await api.close();
    },
  };
}

async function setCommands(bot: Telegraf): Promise<void> {
  for (const [lang, languageCode] of [
    ['ru', undefined],
    ['en', 'en'],
  ] as const) {
    const t = textsFor(lang);
    await bot.telegram.setMyCommands(
      COMMANDS.map((command) => ({ command, description: t.commands[command] })),
      languageCode ? { language_code: languageCode } : {},
    );
  }
}
