import { Bot } from '@maxhub/max-bot-api';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { startPlatformBot, type BotOptions, type RunningBot } from '../shared/bot-process.js';
import type { BotAdapter } from '../shared/create-bot.js';
import { COMMANDS } from '../shared/features/registry.js';
import { textsFor } from '../shared/texts.js';
import { classifyMaxError, MAX_LIMITS } from './max-api.js';
import { MaxMessenger } from './max-messenger.js';
import { toIncoming, UPDATE_TYPES } from './updates.js';
import { serveMaxWebhook } from './webhook.js';

/**
 * The MAX bot: long polling by default, a webhook when MAX_WEBHOOK_URL is set (MAX's secret
 * header checked).
 */
export function startMaxBot(
  config: Config,
  logger: Logger,
  options: BotOptions = {},
): Promise<RunningBot> {
  return startPlatformBot(
    { name: 'MAX', platform: 'max', tokenSetting: 'MAX_BOT_TOKEN', adapter: maxAdapter },
    config,
    logger,
    options,
  );
}

function maxAdapter(config: Config, token: string, log: Logger): BotAdapter {
  const bot = new Bot(token, { clientOptions: { baseUrl: config.MAX_API_URL } });
  let messenger: MaxMessenger | undefined;
  let webhook: { close(): Promise<void> } | null = null;
  return {
    limits: MAX_LIMITS,
    classify: classifyMaxError,
    messenger: (queue) => (messenger = new MaxMessenger(bot.api, queue)),
    async init() {
      bot.botInfo = await bot.api.getMyInfo(); // a wrong token fails here, at start
      await setCommands(bot, log);
    },
    async start(onUpdate) {
      // Not awaited: the library handles a batch of updates concurrently and waits for all.
      bot.use((ctx) => {
        const incoming = toIncoming(ctx.update);
        if (!incoming) {
          if (ctx.update.update_type === 'message_created' && !ctx.update.message) {
            log.warn(
              { update: ctx.update },
              'MAX sent a message_created without a message (voice?)',
            );
          }
          return;
        }
        if (incoming.kind === 'callback') messenger?.pressed(incoming.callbackId, incoming.chatId);
        void onUpdate(incoming);
      });
      // The library's default handler rethrows and sets a failing exit code.
      bot.catch((error) => log.error({ err: error }, 'max update failed'));
      webhook = config.MAX_WEBHOOK_URL
        ? await serveMaxWebhook(bot, {
            url: config.MAX_WEBHOOK_URL,
            secret: config.MAX_WEBHOOK_SECRET!,
            host: config.HOST,
            port: config.MAX_WEBHOOK_PORT,
            path: config.MAX_WEBHOOK_PATH,
          })
        : null;
      if (!webhook) await startPolling(bot, log);
      log.info({ mode: webhook ? 'webhook' : 'polling' }, 'MAX bot started');
    },
    async stop() {
      if (webhook) await webhook.close();
      else bot.stopPolling();
    },
  };
}

/** MAX delivers nothing to a poller while a webhook is subscribed: that subscription goes. */
async function startPolling(bot: Bot, log: Logger): Promise<void> {
  const subscriptions = await bot.api.getSubscriptions();
  for (const { url } of subscriptions) {
    log.warn(
      { url },
      'long polling: removing the webhook subscription (set MAX_WEBHOOK_URL to keep it)',
    );
    await bot.api.unsubscribe(url);
  }
  void bot.startPolling({ allowedUpdates: UPDATE_TYPES });
}

/**
 * MAX keeps one command list for everyone (no per-language lists as Telegram has), so each
 * description says it in both languages: an English user is not left with Russian only.
 */
async function setCommands(bot: Bot, log: Logger): Promise<void> {
  const [ru, en] = [textsFor('ru'), textsFor('en')];
  const describe = (name: (typeof COMMANDS)[number]) =>
    ru.commands[name] === en.commands[name]
      ? ru.commands[name]
      : `${ru.commands[name]} · ${en.commands[name]}`;
  await bot.api
    .setMyCommands(COMMANDS.map((name) => ({ name, description: describe(name) })))
    .catch((error: unknown) => log.warn({ err: error }, 'could not set the MAX command list'));
}
