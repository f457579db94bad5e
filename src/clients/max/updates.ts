import type { Message, Update, UpdateType, User } from '@maxhub/max-bot-api/types';
import { parseCommand, type Incoming, type IncomingUser } from '../shared/messenger.js';
import { buttonsOf } from './message-parts.js';

/** The updates the bot asks MAX for. */
export const UPDATE_TYPES: UpdateType[] = [
  'message_created',
  'message_edited',
  'message_callback',
  'bot_started',
];

const userOf = (user: User, locale: unknown): IncomingUser => ({
  id: String(user.user_id),
  name: [user.first_name, user.last_name].filter(Boolean).join(' ') || user.name || '',
  languageCode: typeof locale === 'string' ? locale : undefined,
});

/**
 * A MAX update as the shared core's Incoming; null for updates the bot ignores. Read from the
 * raw update, not the library's `command`/`hears`, which match whole texts only and break on
 * `text: null`. A `message_created` can come without any `message` (MAX's native voice notes):
 * see `bareVoice`.
 */
export function toIncoming(update: Update): Incoming | null {
  switch (update.update_type) {
    case 'bot_started':
      // The "Start" button (with a deep-link payload, if any) is the /start command.
      return {
        chatId: String(update.chat_id),
        user: userOf(update.user, update.user_locale),
        kind: 'command',
        command: 'start',
        args: update.payload ?? '',
      };
    case 'message_callback': {
      const { callback, message } = update;
      const chatId = message?.recipient?.chat_id;
      if (!message || chatId == null || callback.user.is_bot) return null;
      return {
        chatId: String(chatId),
        user: userOf(callback.user, update.user_locale),
        kind: 'callback',
        callbackId: callback.callback_id,
        data: callback.payload ?? '',
        messageId: message.body.mid,
        messageText: message.body.text ?? '',
        messageButtons: buttonsOf(message.body),
      };
    }
    case 'message_created':
      return update.message
        ? fromMessage(update.message as Message | undefined, update.user_locale)
        : bareVoice(update as unknown as Record<string, unknown>);
    case 'message_edited':
      // The library's type omits `user_locale`, which MAX sends with every message update.
      return fromEdit(update.message, (update as { user_locale?: unknown }).user_locale);
    default:
      return null;
  }
}

/** A message the user changed: its new text (empty for an attachment), by its id. */
function fromEdit(message: Message | undefined, locale: unknown): Incoming | null {
  const sender = message?.sender;
  const chatId = message?.recipient?.chat_id;
  if (!message || !sender || sender.is_bot || chatId == null || !message.body?.mid) return null;
  return {
    chatId: String(chatId),
    user: userOf(sender, locale),
    kind: 'edited',
    text: typeof message.body.text === 'string' ? message.body.text : '',
    messageId: message.body.mid,
  };
}

function fromMessage(message: Message | undefined, locale: unknown): Incoming | null {
  const sender = message?.sender;
  const chatId = message?.recipient?.chat_id;
  if (!message || !sender || sender.is_bot || chatId == null) return null;
  const base = { chatId: String(chatId), user: userOf(sender, locale) };
  const text = typeof message.body?.text === 'string' ? message.body.text.trim() : '';
  if (text) {
    const command = parseCommand(text);
    if (command) return { ...base, kind: 'command', ...command };
    const link = message.link;
    if (link?.type === 'forward') return { ...base, kind: 'text', text, forwarded: true };
    const replyTo = link?.type === 'reply' && {
      messageId: link.message.mid,
      text: link.message.text ?? '',
      buttons: buttonsOf(link.message),
    };
    const messageId = message.body?.mid;
    return {
      ...base,
      kind: 'text',
      text,
      ...(messageId && { messageId }),
      ...(replyTo && { replyTo }),
    };
  }
  const audio = message.body?.attachments?.find((attachment) => attachment.type === 'audio');
  if (audio?.type === 'audio' && audio.payload?.url) {
    const url = audio.payload.url;
    return { ...base, kind: 'voice', download: () => downloadVoice(url) };
  }
  return { ...base, kind: 'unsupported' };
}

/**
 * MAX's native voice note: `message_created` without a `message`. When the update still names
 * the chat and the user (top-level `chat_id` and `user`), it gets the answer any voice note
 * gets; without them there is no chat to answer in.
 */
function bareVoice(update: Record<string, unknown>): Incoming | null {
  const chatId = update.chat_id;
  const user = update.user as User | undefined;
  if ((typeof chatId !== 'number' && typeof chatId !== 'string') || !user?.user_id) return null;
  if (user.is_bot) return null;
  return {
    chatId: String(chatId),
    user: userOf(user, update.user_locale),
    kind: 'voice',
    download: null,
  };
}

const EXTENSIONS: Record<string, string> = {
  'audio/ogg': 'ogg',
  'audio/opus': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/aac': 'm4a',
  'audio/wav': 'wav',
};

async function downloadVoice(url: string): Promise<{ data: Buffer; filename: string }> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`voice download failed: HTTP ${response.status}`);
  const type = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
  return {
    data: Buffer.from(await response.arrayBuffer()),
    filename: `voice.${EXTENSIONS[type] ?? 'ogg'}`,
  };
}
