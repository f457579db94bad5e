import { splitHtml, visibleLength } from './html.js';
import type { Screen } from './screen.js';

/** What a platform adapter does for the shared core; every call goes through its SendQueue. */
export interface Messenger {
  readonly platform: 'telegram' | 'max' | 'web';
  /**
   * Where a button opens the web client as the platform's mini app (Telegram's `web_app`, an
   * https URL); unset where it cannot, and menus send a sign-in link instead.
   */
  readonly webAppUrl?: string;
  /** Longest message text the platform accepts (Telegram 4096, MAX 4000). */
  readonly textLimit: number;
  /** Sends one message (text within textLimit) and returns its id. */
  send(chatId: string, screen: Screen): Promise<string>;
  /** Sends a picture with a short caption (HTML) and the screen's buttons under it. */
  sendPhoto(chatId: string, photo: Photo, caption: Screen): Promise<string>;
  /** Replaces a message's text and buttons; "not modified" is not an error. */
  edit(chatId: string, messageId: string, screen: Screen): Promise<void>;
  /** Answers a button press (every press must be answered), optionally with a short toast. */
  answerCallback(callbackId: string, text?: string): Promise<void>;
  /** "typing…" in the chat. */
  typing(chatId: string): Promise<void>;
  /** Deletes a user's message (one with a secret in it), where the platform allows; best effort. */
  deleteMessage?(chatId: string, messageId: string): Promise<void>;
}

/** A PNG to send as a photo (the API renders pictures; the bot downloads and uploads them). */
export interface Photo {
  png: Buffer;
  filename: string;
}

const PLATFORM_ENUM = { telegram: 'TELEGRAM', max: 'MAX', web: 'WEB' } as const;

/** The API's `Platform` value of a messenger. */
export const platformEnum = <P extends Messenger['platform']>(platform: P) =>
  PLATFORM_ENUM[platform];

export interface IncomingUser {
  id: string;
  name: string;
  /** The messenger's language code ("ru", "en-US"), used when registering. */
  languageCode?: string;
}

/** A button of a message already in the chat, as the platform reports it. */
export interface ShownButton {
  label: string;
  data?: string;
  url?: string;
}

/** The message a text answers (a reply), when the platform says so. */
export interface RepliedMessage {
  messageId: string;
  text: string;
  buttons: ShownButton[][];
}

/** An update, as both adapters hand it to the core. */
export type Incoming = { chatId: string; user: IncomingUser } & (
  | { kind: 'command'; command: string; args: string }
  | {
      kind: 'text';
      text: string;
      replyTo?: RepliedMessage;
      forwarded?: boolean;
      /** The text message's own id, where the platform reports it (to delete a secret). */
      messageId?: string;
    }
  | {
      kind: 'callback';
      callbackId: string;
      data: string;
      messageId: string;
      /** The pressed message's text, to keep it when a notification is handled. */
      messageText: string;
      /** The pressed message's buttons (data as sent), when the platform reports them. */
      messageButtons?: ShownButton[][];
    }
  /**
   * The user changed a message sent earlier (Telegram `edited_message`, MAX `message_edited`):
   * its new text and id. Never re-read as a new request by itself (edit-replies.ts asks).
   */
  | { kind: 'edited'; text: string; messageId: string }
  /** `download` null: a voice note whose audio did not come with the update (MAX). */
  | { kind: 'voice'; download: (() => Promise<{ data: Buffer; filename: string }>) | null }
  | { kind: 'unsupported' }
);

/** Sends a screen of any length: split at line breaks, the buttons under the last part. */
export async function sendScreen(
  messenger: Messenger,
  chatId: string,
  screen: Screen,
): Promise<string> {
  const parts = splitHtml(screen.html, messenger.textLimit);
  let lastId = '';
  for (const [index, part] of parts.entries()) {
    const last = index === parts.length - 1;
    lastId = await messenger.send(chatId, { html: part, buttons: last ? screen.buttons : [] });
  }
  return lastId;
}

/** An edit must fit one message: a too long screen keeps its first part and its buttons. */
export function fitForEdit(messenger: Messenger, screen: Screen): Screen {
  if (visibleLength(screen.html) <= messenger.textLimit) return screen;
  return { html: splitHtml(screen.html, messenger.textLimit)[0] ?? '', buttons: screen.buttons };
}

/** "/goals", "/start@maxon_bot payload" → the command and its arguments; null for plain text. */
export function parseCommand(text: string): { command: string; args: string } | null {
  const match = /^\/([a-z0-9_]+)(?:@\S+)?(?:\s+([\s\S]*))?$/i.exec(text.trim());
  return match ? { command: match[1]!.toLowerCase(), args: match[2]?.trim() ?? '' } : null;
}
