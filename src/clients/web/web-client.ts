import type { ApiClient } from '../shared/api-client.js';
import type { RunningBot } from '../shared/bot-process.js';
import { createBot } from '../shared/create-bot.js';
import { parseCommand, type Incoming, type IncomingUser } from '../shared/messenger.js';
import type { SendLimits } from '../shared/outbound/send-queue.js';
import type { BotLogger } from '../shared/turn.js';
import type { WebHub } from './web-hub.js';
import { NoOpenPageError, WebMessenger } from './web-messenger.js';
import type { WebInput } from './web-protocol.js';

/** A page is one person: no platform limit to respect, only a guard against a runaway loop. */
const WEB_LIMITS: SendLimits = { globalPerSecond: 1000, perChatPerSecond: 50, groupPerMinute: 600 };

export interface WebClient {
  /** Hands what a person did on the page to the shared core; resolves once it is handled. */
  handle(user: IncomingUser, input: WebInput): Promise<void>;
  stop(): Promise<void>;
}

const plainText = (html: string) => html.replace(/<[^>]+>/g, '');

/**
 * The third client on the shared core: the same BotCore, features and NotificationRelay as the
 * Telegram and MAX bots, with a Messenger that shows screens in the pages open on a chat. So
 * every feature of the shared core is in the web client without web-specific code.
 * `user.id` is the web account's platform user id, which is also its chat id.
 */
export async function startWebClient(
  api: ApiClient,
  hub: WebHub,
  logger: BotLogger,
): Promise<WebClient> {
  let onUpdate: ((incoming: Incoming) => Promise<void>) | null = null;
  let nextCallback = 1;
  const bot: RunningBot = await createBot(
    {
      limits: WEB_LIMITS,
      classify: () => 'fatal',
      messenger: (queue) => new WebMessenger(hub, queue),
      init: async () => {},
      start: async (handler) => {
        onUpdate = handler;
      },
      stop: async () => {
        onUpdate = null;
      },
    },
    { api, logger },
  );

  return {
    async handle(user, input) {
      if (!onUpdate) throw new Error('the web client is stopped');
      const chatId = user.id;
      if (input.kind === 'text') {
        const command = parseCommand(input.text);
        return onUpdate(
          command
            ? { chatId, user, kind: 'command', ...command }
            : { chatId, user, kind: 'text', text: input.text },
        );
      }
      const pressed = hub.find(chatId, input.messageId);
      return onUpdate({
        chatId,
        user,
        kind: 'callback',
        callbackId: `${chatId}:${nextCallback++}`,
        data: input.data,
        messageId: input.messageId,
        messageText: pressed ? plainText(pressed.html) : '',
      });
    },
    stop: () => bot.stop(),
  };
}

export { NoOpenPageError };
