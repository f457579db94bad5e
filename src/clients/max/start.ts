import { Bot } from '@maxhub/max-bot-api';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { countMessageSent, countRateLimited } from '../../metrics/messages.js';
import { ApiClient } from '../shared/api-client.js';
import { BotCore } from '../shared/bot-core.js';
import { COMMANDS } from '../shared/features/registry.js';
import { NotificationRelay } from '../shared/notification-relay.js';
import { SendQueue } from '../shared/outbound/send-queue.js';
import { textsFor } from '../shared/texts.js';
import { botApiUrl, type RunningBot } from '../shared/bot-process.js';
import { classifyMaxError, MAX_LIMITS } from './max-api.js';
import { MaxMessenger } from './max-messenger.js';
import { toIncoming, UPDATE_TYPES } from './updates.js';
import { serveMaxWebhook } from './webhook.js';

/**
 * The MAX bot: long polling by default, a webhook when MAX_WEBHOOK_URL is set (MAX's secret
 * header checked). Every send goes through one SendQueue.
 */
export async function startMaxBot(
  config: Config,
  logger: Logger,
  apiUrl = botApiUrl(config),
): Promise<RunningBot> {
  if (!config.MAX_BOT_TOKEN || !config.SERVICE_API_KEY) {
    throw new Error('The MAX bot needs MAX_BOT_TOKEN and SERVICE_API_KEY');
  }
  const log = logger.child({ component: 'max' });
  const queue = new SendQueue({
    limits: MAX_LIMITS,
    classify: classifyMaxError,
    onSent: () => countMessageSent('max'),
    onRateLimited: () => countRateLimited('max'),
    logger: log,
  });
  const bot = new Bot(config.MAX_BOT_TOKEN, { clientOptions: { baseUrl: config.MAX_API_URL } });
  const api = new ApiClient(apiUrl, config.SERVICE_API_KEY);
  const messenger = new MaxMessenger(bot.api, queue);
  const core = new BotCore(api, messenger, log);
  const relay = new NotificationRelay(api, messenger, log);

  // Not awaited: the library handles a batch of updates concurrently and waits for all of them;
  // the core keeps each chat's order.
  bot.use((ctx) => {
    const incoming = toIncoming(ctx.update);
    if (!incoming) {
      if (ctx.update.update_type === 'message_created' && !ctx.update.message) {
        log.warn({ update: ctx.update }, 'MAX sent a message_created without a message (voice?)');
      }
      return;
    }
    if (incoming.kind === 'callback') messenger.pressed(incoming.callbackId, incoming.chatId);
    void core.handle(incoming);
  });
  // The library's default handler rethrows and sets a failing exit code.
  bot.catch((error) => log.error({ err: error }, 'max update failed'));

  bot.botInfo = await bot.api.getMyInfo(); // a wrong token fails here, at start
  await setCommands(bot, log);
  await relay.start();
  const webhook = config.MAX_WEBHOOK_URL
    ? await serveMaxWebhook(bot, {
        url: config.MAX_WEBHOOK_URL,
        secret: config.MAX_WEBHOOK_SECRET!,
        host: config.HOST,
        port: config.MAX_WEBHOOK_PORT,
        path: config.MAX_WEBHOOK_PATH,
      })
    : null;
  if (!webhook) {
    // MAX delivers nothing to a poller while a webhook is subscribed.
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
  log.info({ mode: webhook ? 'webhook' : 'polling' }, 'MAX bot started');

  return {
    async stop() {
      if (webhook) await webhook.close();
      else bot.stopPolling();
      await relay.stop();
      await core.idle();
      await queue.stop(5_000);
      await api.close();
    },
  };
}

/** MAX keeps one command list for everyone: the Russian descriptions. */
async function setCommands(bot: Bot, log: Logger): Promise<void> {
  const t = textsFor('ru');
  await bot.api
    .setMyCommands(COMMANDS.map((name) => ({ name, description: t.commands[name] })))
    .catch((error: unknown) => log.warn({ err: error }, 'could not set the MAX command list'));
}
