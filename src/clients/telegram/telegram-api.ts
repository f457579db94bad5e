import { TelegramError } from 'telegraf';
import type { SendChat, SendFailure, SendLimits } from '../shared/outbound/send-queue.js';

/** Telegram's published flood limits. */
export const TELEGRAM_LIMITS: SendLimits = {
  globalPerSecond: 30,
  perChatPerSecond: 1,
  groupPerMinute: 20,
};

/** A chat as the SendQueue sees it: negative ids are groups and channels (a minute's limit). */
export const telegramChat = (chatId: string, exempt = false): SendChat => ({
  id: chatId,
  group: chatId.startsWith('-'),
  exempt,
});

export function classifyTelegramError(error: unknown): SendFailure {
  if (error instanceof TelegramError) {
    if (error.code === 429) return { retryAfterMs: (error.parameters?.retry_after ?? 1) * 1000 };
    return error.code >= 500 ? 'retry' : 'fatal';
  }
  // node-fetch's FetchError: connection refused or reset, timeout. AbortError: the caller gave up.
  return error instanceof Error && error.name === 'FetchError' ? 'retry' : 'fatal';
}
