import type { Context, Telegram } from 'telegraf';
import { parseCommand, type Incoming, type IncomingUser } from '../shared/messenger.js';

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
    };
  }

  const message = ctx.message;
  if (!message) return null;
  if ('text' in message) {
    const command = parseCommand(message.text);
    if (command) return { ...base, kind: 'command', ...command };
    return { ...base, kind: 'text', text: message.text };
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
