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
  const appUrl = webAppUrl(config);
  return {
    limits: TELEGRAM_LIMITS,
    classify: classifyTelegramError,
    messenger: (queue) => new TelegramMessenger(bot.telegram, queue, appUrl),
    async init() {
      await setCommands(bot);
      if (appUrl) await setMenuButton(bot, appUrl);
    },
    async start(onUpdate) {
      bot.on(['message', 'edited_message', 'callback_query'], (ctx) => {
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

/**
 * The web client as a Telegram Mini App: only at a public https address (Telegram opens no
 * other), and only where the api serves it. Telegram passes the signed init data to /app.
 */
function webAppUrl(config: Config): string | undefined {
  const base = config.PUBLIC_URL;
  return config.WEB_APP_ENABLED && base?.startsWith('https://') ? `${base}/app` : undefined;
}

/** The chat's menu button (beside the text box) opens the mini app, in every chat. */
async function setMenuButton(bot: Telegraf, url: string): Promise<void> {
  await bot.telegram.setChatMenuButton({
    // One label for every language (Telegram has none per language here): the name.
    menuButton: { type: 'web_app', text: 'maxOn', web_app: { url } },
  });
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
