import { TelegramError, type Context, type Telegraf, type Telegram } from 'telegraf';
import type { SendFailure, SendLimits, SendQueue } from '../shared/outbound/send-queue.js';

/** Telegram's published flood limits. */
export const TELEGRAM_LIMITS: SendLimits = {
  globalPerSecond: 30,
  perChatPerSecond: 1,
  groupPerMinute: 20,
};

/** Calls that add or change a message count against the chat's limits; the rest only keep its order. */
const MESSAGE_METHOD = /^(send(?!ChatAction)|copyMessages?$|forwardMessages?$|editMessage)/;
const LIMITED = Symbol('limited by a SendQueue');

/**
 * Routes every Bot API call of this client except getUpdates through `queue`, bound to the
 * payload's `chat_id` (negative ids and @usernames are groups and channels). Returns the same
 * instance.
 */
export function limitTelegram<T extends Telegram>(telegram: T, queue: SendQueue): T {
  const target = telegram as T & { [LIMITED]?: true };
  if (target[LIMITED]) return telegram;
  const callApi = telegram.callApi.bind(telegram);
  const limited = (method: string, payload: { chat_id?: unknown }, options?: object) => {
    const call = () => callApi(method as 'getMe', payload as never, options);
    if (method === 'getUpdates') return call(); // long polling must not wait behind sends
    const chatId = payload.chat_id;
    if (chatId === undefined || chatId === null) return queue.enqueue(null, call);
    const chat = {
      id: String(chatId),
      group: typeof chatId === 'number' ? chatId < 0 : /^[-@]/.test(String(chatId)),
      exempt: !MESSAGE_METHOD.test(method),
    };
    return queue.enqueue(chat, call);
  };
  Object.assign(target, { callApi: limited, [LIMITED]: true });
  return telegram;
}

/**
 * telegraf gives each update's `ctx` a new Telegram client, so limiting `bot.telegram` is not
 * enough: this also limits those. Call it before registering other middleware.
 */
export function limitBot<C extends Context>(bot: Telegraf<C>, queue: SendQueue): void {
  limitTelegram(bot.telegram, queue);
  bot.use((ctx, next) => {
    limitTelegram(ctx.telegram, queue);
    return next();
  });
}

export function classifyTelegramError(error: unknown): SendFailure {
  if (error instanceof TelegramError) {
    if (error.code === 429) return { retryAfterMs: (error.parameters?.retry_after ?? 1) * 1000 };
    return error.code >= 500 ? 'retry' : 'fatal';
  }
  // node-fetch's FetchError: connection refused or reset, timeout. AbortError: the caller gave up.
  return error instanceof Error && error.name === 'FetchError' ? 'retry' : 'fatal';
}
