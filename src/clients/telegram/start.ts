import { Telegraf } from 'telegraf';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { startPlatformBot, type BotOptions, type RunningBot } from '../shared/bot-process.js';
import type { BotAdapter } from '../shared/create-bot.js';
import { COMMANDS } from '../shared/features/registry.js';
import { textsFor } from '../shared/texts.js';
import { classifyTelegramError, TELEGRAM_LIMITS } from './telegram-api.js';
import { TelegramMessenger } from './telegram-messenger.js';
import { toIncoming } from './updates.js';

/**
 * The Telegram bot: long polling by default, a webhook when TELEGRAM_WEBHOOK_DOMAIN is set
 * (Telegram's secret token header checked).
 */
export function startTelegramBot(
  config: Config,
  logger: Logger,
  options: BotOptions = {},
): Promise<RunningBot> {
  return startPlatformBot(
    {
      name: 'Telegram',
      platform: 'telegram',
      tokenSetting: 'TELEGRAM_BOT_TOKEN',
      adapter: telegramAdapter,
    },
    config,
    logger,
    options,
  );
}

function telegramAdapter(config: Config, token: string, log: Logger): BotAdapter {
  const bot = new Telegraf(token, {
    telegram: { apiRoot: config.TELEGRAM_API_ROOT, webhookReply: false },
  });
  const webhook = config.TELEGRAM_WEBHOOK_DOMAIN;
  return {
    limits: TELEGRAM_LIMITS,
    classify: classifyTelegramError,
    messenger: (queue) => new TelegramMessenger(bot.telegram, queue),
    init: () => setCommands(bot),
    async start(onUpdate) {
      bot.on(['message', 'callback_query'], (ctx) => {
        const incoming = toIncoming(ctx, bot.telegram);
        if (incoming) void onUpdate(incoming);
      });
      bot.catch((error) => log.error({ err: error }, 'telegram update failed'));
      const launched = bot.launch(
        webhook
          ? {
              webhook: {
                domain: webhook,
                path: config.TELEGRAM_WEBHOOK_PATH,
                port: config.TELEGRAM_WEBHOOK_PORT,
                secretToken: config.TELEGRAM_WEBHOOK_SECRET,
              },
            }
          : {},
      );
      launched.catch((error: unknown) => log.error({ err: error }, 'telegram bot stopped polling'));
      log.info({ mode: webhook ? 'webhook' : 'polling' }, 'Telegram bot started');
    },
    async stop() {
      try {
        bot.stop('shutdown');
      } catch {
        // Not running yet (launch still connecting): nothing to stop.
      }
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
