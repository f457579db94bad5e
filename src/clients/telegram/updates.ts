import type { Context, Telegram } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import {
  parseCommand,
  type Incoming,
  type IncomingUser,
  type ShownButton,
} from '../shared/messenger.js';

/** A message's inline keyboard as the core reads buttons: label and data or url. */
function buttonsOf(message: object): ShownButton[][] {
  const markup = 'reply_markup' in message ? (message.reply_markup as InlineKeyboardMarkup) : null;
  return (markup?.inline_keyboard ?? []).map((row) =>
    row.map((button) => ({
      label: button.text,
      ...('callback_data' in button && { data: button.callback_data }),
      ...('url' in button && { url: button.url }),
    })),
  );
}

/** A Telegram update as the shared core's Incoming; null for updates the bot ignores. */
export function toIncoming(ctx: Context, telegram: Telegram): Incoming | null {
  const from = ctx.from;
  const chatId = ctx.chat?.id;
  if (!from || from.is_bot || chatId === undefined) return null;
  const user: IncomingUser = {
    id: String(from.id),
    name: [from.first_name, from.last_name].filter(Boolean).join(' '),
    languageCode: from.language_code,
  };
  const base = { chatId: String(chatId), user };

  const query = ctx.callbackQuery;
  if (query) {
    if (!('data' in query) || !query.message) return null;
    const message = query.message;
    return {
      ...base,
      kind: 'callback',
      callbackId: query.id,
      data: query.data,
      messageId: String(message.message_id),
      messageText: 'text' in message ? message.text : '',
      messageButtons: buttonsOf(message),
    };
  }

  const edited = ctx.editedMessage;
  if (edited) {
    const messageId = String(edited.message_id);
    return 'text' in edited
      ? { ...base, kind: 'edited', text: edited.text, messageId }
      : {
          ...base,
          kind: 'edited',
          text: 'caption' in edited ? (edited.caption ?? '') : '',
          messageId,
        };
  }

  const message = ctx.message;
  if (!message) return null;
  if ('text' in message) {
    const command = parseCommand(message.text);
    if (command) return { ...base, kind: 'command', ...command };
    if ('forward_origin' in message && message.forward_origin) {
      return { ...base, kind: 'text', text: message.text, forwarded: true };
    }
    const replied = message.reply_to_message;
    const replyTo = replied && {
      messageId: String(replied.message_id),
      text: 'text' in replied ? replied.text : '',
      buttons: buttonsOf(replied),
    };
    const messageId = String(message.message_id);
    return { ...base, kind: 'text', text: message.text, messageId, ...(replyTo && { replyTo }) };
  }
  if ('voice' in message) {
    const fileId = message.voice.file_id;
    return {
      ...base,
      kind: 'voice',
      download: async () => {
        const link = await telegram.getFileLink(fileId);
        const response = await fetch(link);
        if (!response.ok) throw new Error(`voice download failed: HTTP ${response.status}`);
        return { data: Buffer.from(await response.arrayBuffer()), filename: 'voice.ogg' };
      },
    };
  }
  return { ...base, kind: 'unsupported' };
}
