import { TelegramError, type Telegram } from 'telegraf';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import { packCallback } from '../shared/features/registry.js';
import type { Messenger, Photo } from '../shared/messenger.js';
import type { SendQueue } from '../shared/outbound/send-queue.js';
import type { Screen } from '../shared/screen.js';
import { telegramChat } from './telegram-api.js';

export const TELEGRAM_TEXT_LIMIT = 4096;

function keyboard(screen: Screen): InlineKeyboardMarkup | undefined {
  if (!screen.buttons.length) return undefined;
  return {
    inline_keyboard: screen.buttons.map((row) =>
      row.map((button): InlineKeyboardButton =>
        'callback' in button
          ? { text: button.label, callback_data: packCallback(button.callback) }
          : 'url' in button
            ? { text: button.label, url: button.url }
            : { text: button.label, web_app: { url: button.webApp } },
      ),
    ),
  };
}

const notModified = (error: unknown) =>
  error instanceof TelegramError && /message is not modified/i.test(error.description);
const cannotEdit = (error: unknown) =>
  error instanceof TelegramError &&
  error.code === 400 &&
  /message to edit not found|message can't be edited|no text in the message to edit/i.test(
    error.description,
  );

/**
 * Shared screens as Telegram messages: HTML, inline keyboards, edits in place. Every call goes
 * through the SendQueue, bound to its chat: telegraf neither limits nor retries.
 */
export class TelegramMessenger implements Messenger {
  readonly platform = 'telegram' as const;
  readonly textLimit = TELEGRAM_TEXT_LIMIT;

  constructor(
    private readonly telegram: Telegram,
    private readonly queue: SendQueue,
    readonly webAppUrl?: string,
  ) {}

  async send(chatId: string, screen: Screen): Promise<string> {
    const message = await this.queue.enqueue(telegramChat(chatId), () =>
      this.telegram.sendMessage(chatId, screen.html, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        reply_markup: keyboard(screen),
      }),
    );
    return String(message.message_id);
  }

  /** sendPhoto with the PNG uploaded as multipart (telegraf's InputFile `source`). */
  async sendPhoto(chatId: string, photo: Photo, caption: Screen): Promise<string> {
    const message = await this.queue.enqueue(telegramChat(chatId), () =>
      this.telegram.sendPhoto(
        chatId,
        { source: photo.png, filename: photo.filename },
        { caption: caption.html, parse_mode: 'HTML', reply_markup: keyboard(caption) },
      ),
    );
    return String(message.message_id);
  }

  async edit(chatId: string, messageId: string, screen: Screen): Promise<void> {
    try {
      await this.queue.enqueue(telegramChat(chatId), () =>
        this.telegram.editMessageText(chatId, Number(messageId), undefined, screen.html, {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          reply_markup: keyboard(screen),
        }),
      );
    } catch (error) {
      if (notModified(error)) return;
      // Too old or deleted: show it as a new message instead.
      if (cannotEdit(error)) {
        await this.send(chatId, screen);
        return;
      }
      throw error;
    }
  }

  /** Telegram does not count answers against a chat: they are bound to none. */
  async answerCallback(callbackId: string, text?: string): Promise<void> {
    await this.queue.enqueue(null, () =>
      this.telegram.answerCbQuery(callbackId, text?.slice(0, 200)),
    );
  }

  /** Best effort: a message over 48 hours old or already gone stays as it is. */
  async deleteMessage(chatId: string, messageId: string): Promise<void> {
    await this.queue
      .enqueue(telegramChat(chatId), () => this.telegram.deleteMessage(chatId, Number(messageId)))
      .catch(() => undefined);
  }

  /** Kept in the chat's order, not counted against its limits. */
  async typing(chatId: string): Promise<void> {
    await this.queue.enqueue(telegramChat(chatId, true), () =>
      this.telegram.sendChatAction(chatId, 'typing'),
    );
  }
}
