/**
 * A fake Telegram Bot API on 127.0.0.1 for tests and benchmarks: give `apiRoot` to telegraf
 * (`new Telegraf(fake.token, { telegram: { apiRoot: fake.apiRoot } })`). It keeps chats and
 * messages, validates where bots commonly go wrong (HTML entities, text length,
 * callback_data, edits, stale callback queries), enforces Telegram's flood limits, and plays
 * the user's side (texts, button presses, voice notes).
 *
 * Photos the bot sends (sendPhoto with an uploaded file) are kept with their bytes.
 *
 * Not modelled: other media than incoming voice notes and sent photos, inline mode, MarkdownV2 validation
 * (Markdown texts are stored as sent), webhook certificates. Updates go to a webhook only
 * when it is on this machine (http://127.0.0.1, localhost); any other webhook URL is recorded
 * and its updates wait, as if it were unreachable.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import {
  compact,
  FakeMessengerCore,
  readRawBody,
  sendJson,
  windowWait,
} from './fake-messenger-core.js';
import type { Truthy } from './poll-until.js';

export interface FakeUser {
  id: number;
  first_name: string;
  language_code?: string;
  username?: string;
}

export interface FakeRateLimits {
  /** Messages per second in one chat (Telegram: about 1). */
  perChatPerSecond: number;
  /** Messages per minute in one group (negative chat id). */
  groupPerMinute: number;
  /** Messages per second over all chats. */
  globalPerSecond: number;
}

export interface FakeTelegramOptions {
  token?: string;
  username?: string;
  /** Flood limits, on by default; `false` turns them off. */
  rateLimits?: Partial<FakeRateLimits> | false;
  /** How long a callback query can still be answered. */
  callbackQueryTtlMs?: number;
}

export type InjectedFailure =
  | { status: number; retryAfter?: number; description?: string }
  /** Destroys the socket before the request is handled. */
  | { network: true };

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  /** Date.now() when the request arrived. */
  at: number;
  /** HTTP status answered, 'network' for a destroyed socket, 0 while a long poll is held. */
  status: number | 'network';
}

export interface MessageEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
}

/** A message the bot sent, in its current state. */
export interface BotMessage {
  message_id: number;
  chat_id: number;
  /** As the bot sent it, markup included. */
  text: string;
  /** What the user sees: tags removed, HTML entities decoded, trimmed. */
  plainText: string;
  parse_mode?: string;
  entities: MessageEntity[];
  reply_markup?: Record<string, unknown>;
  reply_to_message_id?: number;
  date: number;
  edits: number;
  /** A photo message's bytes, as uploaded (its caption is `text`). */
  photo?: Uint8Array;
}

export interface CallbackAnswer {
  callback_query_id: string;
  text?: string;
  show_alert: boolean;
  url?: string;
  at: number;
}

export interface FakeTelegramServer {
  /** Give to telegraf as `telegram.apiRoot`. */
  apiRoot: string;
  token: string;
  botInfo: { id: number; is_bot: true; first_name: string; username: string };
  calls: ApiCall[];
  callbackAnswers: CallbackAnswer[];
  /** 429 answers so far (flood limits and injected ones). */
  readonly tooManyRequests: number;
  /** The bot's messages that were not deleted, oldest first. */
  messages(chatId?: number): BotMessage[];
  /** Actions from sendChatAction in this chat, oldest first. */
  chatActions(chatId: number): string[];
  /** Commands set with setMyCommands for the default scope and this language ('' = none). */
  commands(languageCode?: string): { command: string; description: string }[];
  /** The menu button set with setChatMenuButton for every chat (no chat_id), if any. */
  menuButton(): Record<string, unknown> | undefined;
  webhookUrl(): string | undefined;
  /** A text from the user (private chat unless `chatId` names a group); returns the message. */
  sendText(user: FakeUser, text: string, options?: ChatOptions): UserMessage;
  /** The user edits their own text message: an `edited_message` update with the new text. */
  editText(user: FakeUser, messageId: number, text: string, options?: ChatOptions): void;
  /** Presses an inline button the bot's message carries; returns the callback query id. */
  pressButton(user: FakeUser, messageId: number, data: string, options?: ChatOptions): string;
  /** A voice note whose bytes getFile + the file URL serve. */
  sendVoice(
    user: FakeUser,
    bytes: Uint8Array,
    duration: number,
    options?: ChatOptions,
  ): UserMessage;
  /** Every send to this user's chat fails with 403 "bot was blocked by the user". */
  block(userId: number): void;
  /** The next `times` calls of `method` ('*' = any) fail this way. */
  failNext(method: string, failure: InjectedFailure, times?: number): void;
  /** Polls `predicate` until it returns a truthy value, which it resolves with. */
  waitFor<T>(predicate: () => T, timeoutMs?: number): Promise<Truthy<T>>;
  /** The oldest bot message in the chat not yet returned by nextMessage (waits for one). */
  nextMessage(chatId: number, timeoutMs?: number): Promise<BotMessage>;
  close(): Promise<void>;
}

export interface ChatOptions {
  /** A group chat (negative id) instead of the user's private chat. */
  chatId?: number;
  title?: string;
  /** Press data the message does not (or no longer) carry: an old client or a forged press. */
  force?: boolean;
  /** A reply to this bot message (its id). */
  replyTo?: number;
}

export interface UserMessage {
  message_id: number;
  chat_id: number;
  update_id: number;
  file_id?: string;
}

type Payload = Record<string, unknown>;

const DEFAULT_LIMITS: FakeRateLimits = {
  perChatPerSecond: 1,
  groupPerMinute: 20,
  globalPerSecond: 30,
};
const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);
const LOCAL_URL = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//;
const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: Payload,
  ) {
    super(description);
  }
}
const bad = (what: string) => new ApiError(400, `Bad Request: ${what}`);

interface Chat {
  id: number;
  type: 'private' | 'group' | 'supergroup';
  title?: string;
  user?: FakeUser;
  nextMessageId: number;
  blocked: boolean;
}

interface CallbackQuery {
  id: string;
  createdAt: number;
  answered: boolean;
}

interface StoredFile {
  bytes: Uint8Array;
  file_unique_id: string;
  file_path: string;
}

type Update = { update_id: number } & Payload;

export async function startFakeTelegramServer(
  options: FakeTelegramOptions = {},
): Promise<FakeTelegramServer> {
  // Shaped like a token (digits, colon, 20+ characters) so config accepts it, plainly not one.
  const token = options.token ?? '0:not-a-real-token-fake-telegram-tests';
  const botId = Number(token.split(':')[0]) || 123456789;
  const botInfo = {
    id: botId,
    is_bot: true as const,
    first_name: 'maxOn',
    username: options.username ?? 'maxon_test_bot',
  };
  const limits =
    options.rateLimits === false ? undefined : { ...DEFAULT_LIMITS, ...options.rateLimits };
  const callbackTtlMs = options.callbackQueryTtlMs ?? 15_000;

  const core = new FakeMessengerCore<ApiCall, StoredMessage, BotMessage, InjectedFailure>(
    'telegram',
    snapshot,
    (c) => `${c.method} → ${c.status}`,
  );
  const calls = core.calls;
  const callbackAnswers: CallbackAnswer[] = [];
  const chats = new Map<number, Chat>();
  const botLog = core.log;
  const botByKey = new Map<string, (typeof botLog)[number]>();
  const userByKey = new Map<string, { deleted: boolean }>();
  const actions = new Map<number, string[]>();
  const commandSets = new Map<string, { command: string; description: string }[]>();
  let defaultMenuButton: Record<string, unknown> | undefined;
  const queries = new Map<string, CallbackQuery>();
  const files = new Map<string, StoredFile>();
  const floodTimes = { global: [] as number[], chats: new Map<number, number[]>() };
  let tooManyRequests = 0;
  let pending: Update[] = [];
  let nextUpdateId = 700_000_001;
  let allowedUpdates: Set<string> | undefined;
  let poll:
    { res: ServerResponse; call: ApiCall; limit: number; timer: NodeJS.Timeout } | undefined;
  let webhook: { url: string; secret?: string } | undefined;
  let delivering = false;
  const stopDelivery = new AbortController();
  let counter = 0;

  const key = (chatId: number, messageId: number) => `${chatId}:${messageId}`;
  const now = () => Math.floor(Date.now() / 1000);

  function chat(id: number, user?: FakeUser, title?: string): Chat {
    let found = chats.get(id);
    if (!found) {
      const type = id > 0 ? 'private' : id < -1_000_000_000_000 ? 'supergroup' : 'group';
      found = { id, type, nextMessageId: 1, blocked: false };
      chats.set(id, found);
    }
    if (user && found.type === 'private') found.user = user;
    if (title) found.title = title;
    return found;
  }

  function chatObject(c: Chat): Payload {
    if (c.type !== 'private') return { id: c.id, type: c.type, title: c.title ?? `Group ${c.id}` };
    return compact({
      id: c.id,
      type: 'private',
      first_name: c.user?.first_name ?? `User ${c.id}`,
      username: c.user?.username,
    });
  }

  function userObject(user: FakeUser): Payload {
    return compact({ is_bot: false, ...user });
  }

  function messageObject(m: BotMessage & { editDate?: number }): Payload {
    const markup = m.reply_markup && 'inline_keyboard' in m.reply_markup ? m.reply_markup : null;
    return compact({
      message_id: m.message_id,
      from: botInfo,
      chat: chatObject(chat(m.chat_id)),
      date: m.date,
      edit_date: m.editDate,
      ...(m.photo
        ? {
            photo: [{ file_id: `photo-${m.message_id}`, width: 960, height: 540 }],
            caption: m.plainText || undefined,
            caption_entities: m.entities.length ? m.entities : undefined,
          }
        : { text: m.plainText, entities: m.entities.length ? m.entities : undefined }),
      reply_markup: markup ?? undefined,
    });
  }

  // --- updates: long polling or webhook -------------------------------------------------

  function pushUpdate(body: Payload): number {
    const update_id = nextUpdateId++;
    pending.push({ update_id, ...body });
    // Answer on the next turn, so updates pushed together arrive in one batch.
    setImmediate(() => {
      if (webhook) void deliverToWebhook();
      else if (poll && deliverable(poll.limit).length) finishPoll(deliverable(poll.limit));
    });
    return update_id;
  }

  function deliverable(limit: number): Update[] {
    if (allowedUpdates) {
      const allowed = allowedUpdates;
      pending = pending.filter((u) => Object.keys(u).some((k) => allowed.has(k)));
    }
    return pending.slice(0, limit);
  }

  function finishPoll(result: Update[]): void {
    if (!poll) return;
    const { res, call, timer } = poll;
    clearTimeout(timer);
    poll = undefined;
    answer(res, call, result);
  }

  function getUpdates(p: Payload, res: ServerResponse, call: ApiCall): void {
    if (webhook) {
      throw new ApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    const offset = int(p, 'offset') ?? 0;
    const limit = Math.min(100, Math.max(1, int(p, 'limit') ?? 100));
    const timeout = Math.max(0, int(p, 'timeout') ?? 0);
    const allowed = json(p, 'allowed_updates');
    if (Array.isArray(allowed)) {
      allowedUpdates = allowed.length ? new Set(allowed.map(String)) : undefined;
    }
    if (offset > 0) pending = pending.filter((u) => u.update_id >= offset);
    else if (offset < 0) pending = pending.slice(offset);
    if (poll) {
      // Telegram ends the older request when two bot instances poll.
      const older = poll;
      clearTimeout(older.timer);
      poll = undefined;
      const conflict =
        'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running';
      fail(older.res, older.call, new ApiError(409, conflict));
    }
    const ready = deliverable(limit);
    if (ready.length || timeout === 0) return answer(res, call, ready);
    call.status = 0;
    const timer = setTimeout(() => finishPoll([]), timeout * 1000);
    poll = { res, call, limit, timer };
    res.on('close', () => {
      if (poll?.res !== res) return;
      clearTimeout(poll.timer); // the client gave up (bot stopped)
      poll = undefined;
    });
  }

  async function deliverToWebhook(): Promise<void> {
    if (delivering) return;
    delivering = true;
    try {
      while (webhook && LOCAL_URL.test(webhook.url) && pending.length && !core.closed) {
        const update = pending[0]!;
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (webhook.secret) headers['x-telegram-bot-api-secret-token'] = webhook.secret;
        try {
          const res = await fetch(webhook.url, {
            method: 'POST',
            headers,
            body: JSON.stringify(update),
            signal: stopDelivery.signal,
          });
          const body = await res.text();
          if (!res.ok) throw new Error(`webhook answered ${res.status}`);
          if (pending[0] === update) pending.shift();
          // telegraf's webhookReply: a method call in the response body.
          const reply = body.startsWith('{') ? (JSON.parse(body) as Payload) : undefined;
          if (typeof reply?.method === 'string') {
            const { method, ...payload } = reply;
            const call = record(method, payload);
            try {
              perform(method, payload);
            } catch (error) {
              if (!(error instanceof ApiError)) throw error;
              call.status = error.code;
            }
          }
        } catch {
          if (core.closed) return;
          await new Promise((resolve) => setTimeout(resolve, 200)); // Telegram retries too
        }
      }
    } finally {
      delivering = false;
    }
  }

  // --- validation -------------------------------------------------------------------------

  function chatOf(p: Payload): Chat {
    if (p.chat_id === undefined || p.chat_id === '') throw bad('chat_id is empty');
    const id = int(p, 'chat_id');
    if (id === undefined || id === 0) throw bad('chat not found');
    const found = chat(id);
    if (found.blocked) throw new ApiError(403, 'Forbidden: bot was blocked by the user');
    return found;
  }

  function textOf(
    p: Payload,
    field: 'text' | 'caption' = 'text',
  ): Pick<BotMessage, 'text' | 'plainText' | 'parse_mode' | 'entities'> {
    const text = p[field] === undefined ? '' : String(p[field]);
    const parseMode =
      p.parse_mode === undefined || p.parse_mode === '' ? undefined : String(p.parse_mode);
    let parsed: { text: string; entities: MessageEntity[] };
    if (parseMode?.toLowerCase() === 'html') {
      try {
        parsed = parseHtml(text);
      } catch (error) {
        throw bad(`can't parse entities: ${(error as Error).message}`);
      }
    } else if (parseMode === undefined || /^markdown(v2)?$/i.test(parseMode)) {
      parsed = { text, entities: (json(p, 'entities') as MessageEntity[] | undefined) ?? [] };
    } else {
      throw bad('unsupported parse_mode');
    }
    const plain = trimEntities(parsed);
    if (field === 'caption') {
      if (plain.text.length > 1024) throw bad('message caption is too long');
    } else if (!plain.text.length) throw bad('message text is empty');
    // Stricter than or equal to Telegram: counts UTF-16 code units, as entity offsets do.
    if (plain.text.length > 4096) throw bad('message is too long');
    return { text, plainText: plain.text, parse_mode: parseMode, entities: plain.entities };
  }

  function markupOf(p: Payload, inlineOnly = false): Record<string, unknown> | undefined {
    const markup = json(p, 'reply_markup');
    if (markup === undefined || markup === null) return undefined;
    if (typeof markup !== 'object' || Array.isArray(markup)) {
      throw bad("can't parse reply keyboard markup JSON object");
    }
    const m = markup as Record<string, unknown>;
    if ('inline_keyboard' in m) {
      const rows = m.inline_keyboard;
      if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
        throw bad('field "inline_keyboard" must be an Array of Arrays');
      }
      for (const button of rows.flat() as Payload[]) {
        if (typeof button?.text !== 'string' || !button.text) throw bad('BUTTON_TEXT_INVALID');
        if ('callback_data' in button) {
          const size = Buffer.byteLength(String(button.callback_data));
          if (size < 1 || size > 64) throw bad('BUTTON_DATA_INVALID');
        } else if ('url' in button) {
          if (!/^(https?|tg):\/\/\S+$/.test(String(button.url))) throw bad('BUTTON_URL_INVALID');
        } else if ('web_app' in button) {
          // Telegram opens only https mini apps.
          const app = button.web_app as Payload | undefined;
          if (!/^https:\/\/\S+$/.test(String(app?.url))) throw bad('BUTTON_URL_INVALID');
        } else if (!Object.keys(button).some((k) => k !== 'text')) {
          throw bad(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
          );
        }
      }
    } else if (inlineOnly) {
      throw bad('inline keyboard expected');
    }
    return m;
  }

  function botMessageOf(p: Payload, missing: string): (typeof botLog)[number] {
    if (p.inline_message_id !== undefined) {
      throw bad('inline messages are not supported by the fake');
    }
    const c = chatOf(p);
    const id = int(p, 'message_id');
    if (id === undefined) throw bad('message identifier is not specified');
    const found = botByKey.get(key(c.id, id));
    if (found && !found.deleted) return found;
    if (userByKey.get(key(c.id, id))?.deleted === false) throw bad("message can't be edited");
    throw bad(missing);
  }

  /** Throws 429 when a message to this chat would break a flood limit, else counts it. */
  function flood(chatId: number): void {
    if (!limits) return;
    const at = performance.now();
    const times = floodTimes.chats.get(chatId) ?? [];
    const waitMs = Math.max(
      windowWait(floodTimes.global, limits.globalPerSecond, 1000, at),
      windowWait(times, limits.perChatPerSecond, 1000, at),
      chatId < 0 ? windowWait(times, limits.groupPerMinute, 60_000, at) : 0,
    );
    if (waitMs > 0) {
      const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
      throw new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, {
        retry_after: retryAfter,
      });
    }
    floodTimes.global = [...floodTimes.global.filter((t) => t > at - 1000), at];
    floodTimes.chats.set(chatId, [...times.filter((t) => t > at - 60_000), at]);
  }

  // --- methods ----------------------------------------------------------------------------

  const methods: Record<string, (p: Payload) => unknown> = {
    getMe: () => ({
      ...botInfo,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
    }),
    setWebhook: (p) => {
      const url = p.url === undefined ? '' : String(p.url);
      if (url && !/^https?:\/\//.test(url)) {
        throw bad('bad webhook: An HTTPS URL must be provided for webhook');
      }
      webhook = url
        ? { url, secret: p.secret_token ? String(p.secret_token) : undefined }
        : undefined;
      if (bool(p, 'drop_pending_updates')) pending = [];
      if (webhook) setImmediate(() => void deliverToWebhook());
      return true;
    },
    deleteWebhook: (p) => {
      webhook = undefined;
      if (bool(p, 'drop_pending_updates')) pending = [];
      return true;
    },
    getWebhookInfo: () => ({
      url: webhook?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: pending.length,
    }),
    setMyCommands: (p) => {
      const list = json(p, 'commands');
      if (!Array.isArray(list) || list.length > 100) {
        throw bad('commands must be an Array of at most 100 commands');
      }
      const commands = list.map((item: Payload) => {
        const command = String(item?.command ?? '');
        const description = String(item?.description ?? '').trim();
        if (!/^[a-z0-9_]{1,32}$/.test(command)) throw bad('BOT_COMMAND_INVALID');
        if (!description || description.length > 256) throw bad('BOT_COMMAND_DESCRIPTION_INVALID');
        return { command, description };
      });
      commandSets.set(commandKey(p), commands);
      return true;
    },
    getMyCommands: (p) => commandSets.get(commandKey(p)) ?? [],
    setChatMenuButton: (p) => {
      const button = json(p, 'menu_button') as Payload | undefined;
      if (button?.type === 'web_app') {
        const app = button.web_app as Payload | undefined;
        if (!button.text || !/^https:\/\/\S+$/.test(String(app?.url))) {
          throw bad('Bad Request: invalid web app button (text and an https URL)');
        }
      }
      if (p.chat_id === undefined) defaultMenuButton = button;
      return true;
    },
    deleteMyCommands: (p) => {
      commandSets.delete(commandKey(p));
      return true;
    },
    sendMessage: (p) => {
      const c = chatOf(p);
      const body = textOf(p);
      const reply_markup = markupOf(p);
      const replyTo =
        int(p, 'reply_to_message_id') ?? int(json(p, 'reply_parameters') as Payload, 'message_id');
      if (
        replyTo !== undefined &&
        !botByKey.has(key(c.id, replyTo)) &&
        !userByKey.has(key(c.id, replyTo))
      ) {
        throw bad('message to be replied not found');
      }
      flood(c.id);
      const message = {
        message_id: c.nextMessageId++,
        chat_id: c.id,
        ...body,
        reply_markup,
        reply_to_message_id: replyTo,
        date: now(),
        edits: 0,
        deleted: false,
      };
      botLog.push(message);
      botByKey.set(key(c.id, message.message_id), message);
      return messageObject(message);
    },
    sendPhoto: (p) => {
      const c = chatOf(p);
      const upload = p.photo;
      if (!(upload instanceof FakeUpload)) {
        throw bad('wrong remote file identifier specified: the fake takes uploaded photos only');
      }
      if (!upload.bytes.length) throw bad('file must be non-empty');
      if (upload.bytes.length > 10 * 1024 * 1024) throw bad('PHOTO_INVALID_DIMENSIONS');
      const body = textOf(p, 'caption');
      const reply_markup = markupOf(p);
      flood(c.id);
      const message = {
        message_id: c.nextMessageId++,
        chat_id: c.id,
        ...body,
        reply_markup,
        date: now(),
        edits: 0,
        deleted: false,
        photo: upload.bytes,
      };
      botLog.push(message);
      botByKey.set(key(c.id, message.message_id), message);
      return messageObject(message);
    },
    editMessageText: (p) => {
      const message = botMessageOf(p, 'message to edit not found');
      const body = textOf(p);
      // Like Telegram, an edit without reply_markup removes the inline keyboard.
      const reply_markup = markupOf(p, true);
      if (
        body.plainText === message.plainText &&
        isDeepStrictEqual(body.entities, message.entities) &&
        isDeepStrictEqual(reply_markup, message.reply_markup)
      ) {
        throw bad(NOT_MODIFIED);
      }
      flood(message.chat_id);
      Object.assign(message, body, { reply_markup, edits: message.edits + 1, editDate: now() });
      return messageObject(message);
    },
    editMessageReplyMarkup: (p) => {
      const message = botMessageOf(p, 'message to edit not found');
      const reply_markup = markupOf(p, true);
      if (isDeepStrictEqual(reply_markup, message.reply_markup)) throw bad(NOT_MODIFIED);
      flood(message.chat_id);
      Object.assign(message, { reply_markup, edits: message.edits + 1, editDate: now() });
      return messageObject(message);
    },
    deleteMessage: (p) => {
      const c = chatOf(p);
      const id = int(p, 'message_id') ?? 0;
      const found = botByKey.get(key(c.id, id)) ?? userByKey.get(key(c.id, id));
      if (!found || found.deleted) throw bad('message to delete not found');
      found.deleted = true;
      return true;
    },
    answerCallbackQuery: (p) => {
      const id = String(p.callback_query_id ?? '');
      const query = queries.get(id);
      if (!query || query.answered || Date.now() - query.createdAt > callbackTtlMs) {
        throw bad('query is too old and response timeout expired or query ID is invalid');
      }
      query.answered = true;
      callbackAnswers.push(
        compact({
          callback_query_id: id,
          text: p.text === undefined ? undefined : String(p.text),
          show_alert: bool(p, 'show_alert'),
          url: p.url === undefined ? undefined : String(p.url),
          at: Date.now(),
        }) as unknown as CallbackAnswer,
      );
      return true;
    },
    sendChatAction: (p) => {
      const c = chatOf(p);
      const action = String(p.action ?? '');
      if (!CHAT_ACTIONS.has(action)) throw bad('wrong parameter action in request');
      actions.set(c.id, [...(actions.get(c.id) ?? []), action]);
      return true;
    },
    getFile: (p) => {
      const file_id = String(p.file_id ?? '');
      const file = files.get(file_id);
      if (!file) throw bad('invalid file_id');
      if (file.bytes.length > 20 * 1024 * 1024) throw bad('file is too big');
      const { file_unique_id, file_path } = file;
      return { file_id, file_unique_id, file_size: file.bytes.length, file_path };
    },
  };
  const methodNames = new Map(Object.keys(methods).map((name) => [name.toLowerCase(), name]));
  methodNames.set('getupdates', 'getUpdates');

  function perform(method: string, p: Payload): unknown {
    const handler = methods[method];
    if (!handler)
      throw new ApiError(404, `Not Found: method ${method} is not implemented by the fake`);
    return handler(p);
  }

  function record(method: string, payload: Payload): ApiCall {
    return core.record({ method, payload, at: Date.now(), status: 200 });
  }

  function answer(res: ServerResponse, call: ApiCall, result: unknown): void {
    call.status = 200;
    send(res, 200, { ok: true, result });
  }

  function fail(res: ServerResponse, call: ApiCall, error: ApiError): void {
    call.status = error.code;
    if (error.code === 429) tooManyRequests++;
    send(res, error.code, {
      ok: false,
      error_code: error.code,
      description: error.description,
      ...(error.parameters ? { parameters: error.parameters } : {}),
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const fileRoute = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileRoute && req.method === 'GET') {
      const file = [...files.values()].find((f) => f.file_path === fileRoute[2]);
      if (fileRoute[1] !== token || !file) {
        return send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.from(file.bytes));
      return;
    }
    const route = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!route) return send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    let body: Payload;
    try {
      body = await readBody(req);
    } catch {
      return send(res, 400, {
        ok: false,
        error_code: 400,
        description: "Bad Request: can't parse JSON",
      });
    }
    const method = methodNames.get(route[2]!.toLowerCase()) ?? route[2]!;
    const call = record(method, { ...Object.fromEntries(url.searchParams), ...body });
    if (route[1] !== token) return fail(res, call, new ApiError(401, 'Unauthorized'));
    const failure = core.takeFailure(method);
    if (failure && 'network' in failure) {
      call.status = 'network';
      req.socket.destroy();
      return;
    }
    if (failure) {
      const retryAfter = failure.retryAfter ?? 1;
      const description =
        failure.description ??
        (failure.status === 429
          ? `Too Many Requests: retry after ${retryAfter}`
          : 'Internal Server Error');
      const parameters = failure.status === 429 ? { retry_after: retryAfter } : undefined;
      return fail(res, call, new ApiError(failure.status, description, parameters));
    }
    try {
      if (method === 'getUpdates') return getUpdates(call.payload, res, call);
      answer(res, call, perform(method, call.payload));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      fail(res, call, error);
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('fake telegram: unexpected error', error);
      if (!res.headersSent)
        send(res, 500, { ok: false, error_code: 500, description: 'Internal Server Error' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  // --- the user's side --------------------------------------------------------------------

  function userMessage(user: FakeUser, options: ChatOptions, content: Payload): UserMessage {
    const c = chat(options.chatId ?? user.id, user, options.title);
    const message_id = c.nextMessageId++;
    userByKey.set(key(c.id, message_id), { deleted: false });
    const replied =
      options.replyTo === undefined ? undefined : botByKey.get(key(c.id, options.replyTo));
    const message = {
      message_id,
      from: userObject(user),
      chat: chatObject(c),
      date: now(),
      ...(replied && { reply_to_message: messageObject(replied) }),
      ...content,
    };
    return { message_id, chat_id: c.id, update_id: pushUpdate({ message }) };
  }

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    botInfo,
    calls,
    callbackAnswers,
    get tooManyRequests() {
      return tooManyRequests;
    },
    messages: (chatId) => core.messages(chatId),
    chatActions: (chatId) => [...(actions.get(chatId) ?? [])],
    menuButton: () => defaultMenuButton,
    commands: (languageCode = '') => [...(commandSets.get(`default::${languageCode}`) ?? [])],
    webhookUrl: () => webhook?.url,
    sendText(user, text, options = {}) {
      const command = /^\/[A-Za-z0-9_]+(@\w+)?/.exec(text);
      const entities = command
        ? [{ type: 'bot_command', offset: 0, length: command[0].length }]
        : undefined;
      return userMessage(user, options, compact({ text, entities }));
    },
    editText(user, messageId, text, options = {}) {
      const c = chat(options.chatId ?? user.id, user, options.title);
      if (!userByKey.has(key(c.id, messageId))) {
        throw new Error(`fake telegram: the user sent no message ${messageId} in chat ${c.id}`);
      }
      const edited_message = {
        message_id: messageId,
        from: userObject(user),
        chat: chatObject(c),
        date: now() - 60,
        edit_date: now(),
        text,
      };
      pushUpdate({ edited_message });
    },
    pressButton(user, messageId, data, options = {}) {
      const chatId = options.chatId ?? user.id;
      const message = botByKey.get(key(chatId, messageId));
      const rows = message?.reply_markup?.inline_keyboard as Payload[][] | undefined;
      const carried = rows?.flat().some((b) => b.callback_data === data);
      if (!message || message.deleted || (!carried && !options.force)) {
        throw new Error(
          `fake telegram: message ${messageId} in chat ${chatId} has no button with callback_data "${data}"`,
        );
      }
      const id = `${botId}${String(++counter).padStart(8, '0')}`;
      queries.set(id, { id, createdAt: Date.now(), answered: false });
      pushUpdate({
        callback_query: {
          id,
          from: userObject(user),
          message: messageObject(message),
          chat_instance: String(-chatId * 7919),
          data,
        },
      });
      return id;
    },
    sendVoice(user, bytes, duration, options = {}) {
      const n = ++counter;
      const file_id = `AwACAgIAAxkBAAI${n}voice`;
      const file_unique_id = `AgAD${n}`;
      files.set(file_id, { bytes, file_unique_id, file_path: `voice/file_${n}.oga` });
      const voice = {
        duration,
        mime_type: 'audio/ogg',
        file_id,
        file_unique_id,
        file_size: bytes.length,
      };
      return { ...userMessage(user, options, { voice }), file_id };
    },
    block: (userId) => void (chat(userId).blocked = true),
    failNext: (method, failure, times) => core.failNext(method, failure, times),
    waitFor: (predicate, timeoutMs) => core.waitFor(predicate, timeoutMs),
    nextMessage: (chatId, timeoutMs) => core.nextMessage(chatId, timeoutMs),
    async close() {
      core.closed = true;
      if (poll) clearTimeout(poll.timer);
      poll = undefined;
      stopDelivery.abort();
      const closing = new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      server.closeAllConnections(); // pending long polls included
      await closing;
    },
  };
}

/** A file the bot uploaded in a multipart request (sendPhoto's `photo`). */
export class FakeUpload {
  constructor(
    readonly filename: string,
    readonly bytes: Uint8Array,
  ) {}
}

type StoredMessage = BotMessage & { deleted: boolean; editDate?: number };

function snapshot(m: StoredMessage): BotMessage {
  const copy: Partial<StoredMessage> = structuredClone(compact(m));
  delete copy.deleted;
  delete copy.editDate;
  return copy as BotMessage;
}

function commandKey(p: Payload): string {
  const scope = (json(p, 'scope') as Payload | undefined) ?? {};
  return [scope.type ?? 'default', scope.chat_id ?? '', p.language_code ?? ''].join(':');
}

// --- HTML parse mode, as Telegram (TDLib's parse_html) does it ----------------------------

const TAG_ENTITY: Record<string, string> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  span: 'spoiler',
  'tg-spoiler': 'spoiler',
  a: 'text_link',
  'tg-emoji': 'custom_emoji',
  code: 'code',
  pre: 'pre',
  blockquote: 'blockquote',
};
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

/** Visible text and entities (UTF-16 offsets); throws with Telegram's message on bad markup. */
export function parseHtml(html: string): { text: string; entities: MessageEntity[] } {
  let text = '';
  const entities: MessageEntity[] = [];
  const open: { tag: string; offset: number; attrs: Record<string, string> }[] = [];
  const at = (i: number) => `at byte offset ${Buffer.byteLength(html.slice(0, i))}`;
  const space = (c: string | undefined) => c !== undefined && /\s/.test(c);
  let i = 0;
  while (i < html.length) {
    const c = html[i]!;
    if (c !== '<') {
      const entity = c === '&' ? htmlEntity(html, i) : undefined;
      text += entity?.char ?? c;
      i += entity?.length ?? 1;
      continue;
    }
    const start = i++;
    if (html[i] !== '/') {
      while (i < html.length && !space(html[i]) && html[i] !== '>') i++;
      if (i >= html.length) throw new Error(`Unclosed start tag ${at(start)}`);
      const tag = html.slice(start + 1, i).toLowerCase();
      if (!(tag in TAG_ENTITY)) throw new Error(`Unsupported start tag "${tag}" ${at(start)}`);
      const attrs: Record<string, string> = {};
      for (;;) {
        while (space(html[i])) i++;
        if (i >= html.length) throw new Error(`Unclosed start tag ${at(start)}`);
        if (html[i] === '>') break;
        const name = /^[^\s=>]+/.exec(html.slice(i))?.[0].toLowerCase();
        if (!name) throw new Error(`Empty attribute name ${at(i)}`);
        i += name.length;
        while (space(html[i])) i++;
        if (html[i] !== '=') continue;
        i++;
        while (space(html[i])) i++;
        const quote = html[i] === '"' || html[i] === "'" ? html[i]! : undefined;
        const end = quote ? html.indexOf(quote, i + 1) : html.slice(i).search(/[\s>]|$/) + i;
        if (end < 0) throw new Error(`Unclosed start tag ${at(start)}`);
        attrs[name] = decodeEntities(html.slice(quote ? i + 1 : i, end));
        i = quote ? end + 1 : end;
      }
      if (tag === 'span' && attrs.class !== 'tg-spoiler') {
        throw new Error(`Tag "span" must have class "tg-spoiler" ${at(start)}`);
      }
      if (tag === 'tg-emoji' && !/^\d+$/.test(attrs['emoji-id'] ?? '')) {
        throw new Error('Custom emoji entity must contain a valid custom emoji identifier');
      }
      open.push({ tag, offset: text.length, attrs });
      i++;
      continue;
    }
    if (!open.length) throw new Error(`Unexpected end tag ${at(start)}`);
    i++;
    const nameStart = i;
    while (i < html.length && !space(html[i]) && html[i] !== '>') i++;
    const name = html.slice(nameStart, i).toLowerCase();
    while (space(html[i])) i++;
    if (html[i] !== '>') throw new Error(`Unclosed end tag ${at(start)}`);
    i++;
    const { tag, offset, attrs } = open.pop()!;
    if (name && name !== tag) {
      throw new Error(`Unmatched end tag ${at(start)}, expected "</${tag}>", found "</${name}>"`);
    }
    const length = text.length - offset;
    if (!length || (tag === 'a' && !attrs.href)) continue;
    const entity: MessageEntity = { type: TAG_ENTITY[tag]!, offset, length };
    if (tag === 'a') entity.url = attrs.href;
    if (tag === 'tg-emoji') entity.custom_emoji_id = attrs['emoji-id'];
    if (tag === 'blockquote' && 'expandable' in attrs) entity.type = 'expandable_blockquote';
    if (tag === 'code' && open.at(-1)?.tag === 'pre' && attrs.class?.startsWith('language-')) {
      open.at(-1)!.attrs.language = attrs.class.slice('language-'.length);
      continue;
    }
    if (tag === 'pre' && attrs.language) entity.language = attrs.language;
    entities.push(entity);
  }
  if (open.length)
    throw new Error(`Can't find end tag corresponding to start tag "${open.at(-1)!.tag}"`);
  return { text, entities: entities.sort((a, b) => a.offset - b.offset || b.length - a.length) };
}

/** Only &lt; &gt; &amp; &quot; and numeric references; any other '&' is a plain character. */
function htmlEntity(html: string, i: number): { char: string; length: number } | undefined {
  const match = /^&(?:(lt|gt|amp|quot)|#(\d{1,7})|#x([0-9a-f]{1,6}));?/i.exec(
    html.slice(i, i + 12),
  );
  if (!match) return undefined;
  if (match[1]) return { char: NAMED[match[1].toLowerCase()]!, length: match[0].length };
  const code = match[2] ? Number(match[2]) : parseInt(match[3]!, 16);
  return code <= 0x10ffff
    ? { char: String.fromCodePoint(code), length: match[0].length }
    : undefined;
}

function decodeEntities(value: string): string {
  let out = '';
  for (let i = 0; i < value.length;) {
    const entity = value[i] === '&' ? htmlEntity(value, i) : undefined;
    out += entity?.char ?? value[i];
    i += entity?.length ?? 1;
  }
  return out;
}

/** Telegram trims surrounding whitespace; entities move and shrink with it. */
function trimEntities(parsed: { text: string; entities: MessageEntity[] }) {
  const lead = parsed.text.length - parsed.text.trimStart().length;
  const text = parsed.text.trim();
  const entities = parsed.entities
    .map((e) => {
      const from = Math.max(0, e.offset - lead);
      const to = Math.min(text.length, e.offset - lead + e.length);
      return { ...e, offset: from, length: to - from };
    })
    .filter((e) => e.length > 0);
  return { text, entities };
}

// --- request helpers ----------------------------------------------------------------------

function int(p: Payload | undefined, name: string): number | undefined {
  const value = p?.[name];
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) ? n : undefined;
}

function bool(p: Payload, name: string): boolean {
  return p[name] === true || p[name] === 'true';
}

/** Form-encoded requests carry objects as JSON strings; JSON bodies carry them as is. */
function json(p: Payload, name: string): unknown {
  const value = p[name];
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw bad(`can't parse ${name} JSON object`);
  }
}

const send = sendJson;

async function readBody(req: IncomingMessage): Promise<Payload> {
  const raw = await readRawBody(req);
  if (!raw.length) return {};
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    const fields: Payload = {};
    for (const [name, value] of form) {
      fields[name] =
        typeof value === 'string'
          ? value
          : new FakeUpload(value.name, new Uint8Array(await value.arrayBuffer()));
    }
    return fields;
  }
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
  }
  return JSON.parse(raw.toString('utf8')) as Payload;
}
