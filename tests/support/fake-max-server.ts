/**
 * A fake MAX Bot API on 127.0.0.1 for tests: give `baseUrl` to the library
 * (`new Bot(token, { clientOptions: { baseUrl: fake.baseUrl } })`). It serves under a path
 * prefix, so a base URL without its trailing "/" loses the prefix and fails, as a real one
 * with a path would. It keeps dialogs and messages, validates where bots go wrong (HTML,
 * text length, keyboard limits, callback ids), enforces MAX's rate limits, long-polls with a
 * marker or posts to a subscribed webhook with its secret, and plays the user's side (texts,
 * button presses, the Start button, voice notes, MAX's odd updates).
 *
 * Image uploads are modelled as the library does them: POST /uploads?type=image names an
 * upload URL on this fake, the multipart file posted there answers `photos` tokens, and a
 * message's image attachment must name a token uploaded so (its bytes are kept).
 *
 * Not modelled: other uploads, media other than incoming audio and sent images, group chats, channels,
 * markdown validation (markdown texts are stored as sent).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  compact,
  FakeMessengerCore,
  readRawBody,
  sendJson,
  windowWait,
} from './fake-messenger-core.js';
import type { Truthy } from './poll-until.js';

export interface FakeMaxUser {
  user_id: number;
  first_name: string;
  last_name?: string;
  /** Sent as the update's user_locale ("ru", "en"). */
  locale?: string;
}

export interface FakeMaxOptions {
  token?: string;
  /** Rate limits, on by default; `false` turns them off. */
  rateLimits?: Partial<FakeMaxRateLimits> | false;
  /** How long a held GET /updates waits when the request names no timeout (MAX: 30 s). */
  pollTimeoutSeconds?: number;
  /** How long a button press can still be answered. */
  callbackTtlMs?: number;
}

export interface FakeMaxRateLimits {
  /** Messages, edits and callback answers per second in one chat (MAX: 2). */
  perChatPerSecond: number;
  /** Requests per second in all, long polling aside (MAX: about 30). */
  globalPerSecond: number;
}

export type InjectedFailure =
  | { status: number; code?: string; message?: string }
  /** Destroys the socket before the request is handled. */
  | { network: true };

export interface ApiCall {
  /** "POST /messages", "GET /updates", … */
  route: string;
  query: Record<string, string>;
  body: Payload;
  /** Date.now() when the request arrived. */
  at: number;
  /** HTTP status answered, 'network' for a destroyed socket, 0 while a long poll is held. */
  status: number | 'network';
}

export type FakeButton = { type: string; text: string; payload?: string; url?: string };

export interface MarkupElement {
  type: string;
  from: number;
  length: number;
  url?: string;
}

/** A message the bot sent, in its current state. */
export interface BotMessage {
  mid: string;
  chat_id: number;
  /** As the bot sent it, markup included. */
  text: string;
  /** What the user sees: tags removed, HTML entities decoded, trimmed. */
  plainText: string;
  format?: string;
  markup: MarkupElement[];
  /** The inline keyboard's rows ([] without one). */
  buttons: FakeButton[][];
  timestamp: number;
  edits: number;
  /** The bytes of an image attachment the bot uploaded and sent. */
  photo?: Uint8Array;
}

export interface CallbackAnswer {
  callback_id: string;
  notification?: string;
  /** Whether the answer carried a new message body. */
  withMessage: boolean;
  at: number;
}

export interface Subscription {
  url: string;
  secret?: string;
  update_types: string[];
  time: number;
}

export interface FakeMaxServer {
  /** Give to the library as `clientOptions.baseUrl` (ends with "/"). */
  baseUrl: string;
  token: string;
  botInfo: { user_id: number; first_name: string; name: string; username: string; is_bot: true };
  calls: ApiCall[];
  answers: CallbackAnswer[];
  /** 429 answers so far (rate limits and injected ones). */
  readonly tooManyRequests: number;
  /** The dialog's chat_id with this user (MAX chat ids are not user ids). */
  chatIdOf(user: FakeMaxUser): number;
  /** The bot's messages that were not deleted, oldest first. */
  messages(chatId?: number): BotMessage[];
  /** Sender actions ("typing_on") in this chat, oldest first. */
  actions(chatId: number): string[];
  /** The command list set with PATCH /me/commands (or PATCH /me). */
  commands(): { name: string; description?: string }[];
  subscriptions(): Subscription[];
  /** Webhook POSTs so far, with the status the bot answered. */
  webhookDeliveries: { url: string; status: number }[];
  /** A text from the user in their dialog with the bot (a reply to `replyTo`); returns its mid. */
  sendText(user: FakeMaxUser, text: string, options?: { replyTo?: string }): string;
  /** The user edits their own message: a `message_edited` update with the new text. */
  editText(user: FakeMaxUser, mid: string, text: string): void;
  /** A message whose body has `text: null` (a sticker): the library's command/hears break on it. */
  sendTextNull(user: FakeMaxUser): void;
  /** What MAX sends for a native voice note: `message_created` with no `message` at all. */
  sendEmptyVoice(user: FakeMaxUser): void;
  /** The same, but naming the chat and the user at the top level of the update. */
  sendBareVoice(user: FakeMaxUser): void;
  /** A voice note as an audio attachment whose URL this fake serves. */
  sendVoice(user: FakeMaxUser, bytes: Uint8Array): void;
  /** The user pressed "Start" (bot_started), optionally through a deep link's payload. */
  botStarted(user: FakeMaxUser, payload?: string): void;
  /** Presses a button the bot's message carries; returns the callback_id. */
  pressButton(
    user: FakeMaxUser,
    mid: string,
    payload: string,
    options?: { force?: boolean },
  ): string;
  /** The next `times` requests of `route` ("POST /messages", '*' = any) fail this way. */
  failNext(route: string, failure: InjectedFailure, times?: number): void;
  /** Polls `predicate` until it returns a truthy value, which it resolves with. */
  waitFor<T>(predicate: () => T, timeoutMs?: number): Promise<Truthy<T>>;
  /** The oldest bot message in the chat not yet returned by nextMessage (waits for one). */
  nextMessage(chatId: number, timeoutMs?: number): Promise<BotMessage>;
  close(): Promise<void>;
}

type Payload = Record<string, unknown>;
type Update = { update_type: string; timestamp: number } & Payload;

const PREFIX = '/bot-api/';
const DEFAULT_LIMITS: FakeMaxRateLimits = { perChatPerSecond: 2, globalPerSecond: 30 };
const TEXT_LIMIT = 4000;
const KEYBOARD = { rows: 30, perRow: 7, buttons: 210, textMax: 128, payloadMax: 1024 };
const BUTTON_TYPES = new Set([
  'callback',
  'link',
  'request_contact',
  'request_geo_location',
  'open_app',
  'message',
  'clipboard',
]);
const SENDER_ACTIONS = new Set([
  'typing_on',
  'sending_photo',
  'sending_video',
  'sending_audio',
  'sending_file',
  'mark_seen',
]);
const CHAT_BASE = 70_000_000_000;

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
const bad = (message: string, code = 'bad.request') => new ApiError(400, code, message);

interface StoredMessage extends BotMessage {
  deleted: boolean;
}

interface Press {
  chatId: number;
  mid: string;
  createdAt: number;
  answered: boolean;
}

export async function startFakeMaxServer(options: FakeMaxOptions = {}): Promise<FakeMaxServer> {
  const token = options.token ?? 'fake-max-token-0123456789abcdefABCDEF';
  const botInfo = {
    user_id: 900_001,
    first_name: 'maxOn',
    name: 'maxOn',
    username: 'maxon_test_bot',
    is_bot: true as const,
  };
  const limits =
    options.rateLimits === false ? undefined : { ...DEFAULT_LIMITS, ...options.rateLimits };
  const pollTimeoutSeconds = options.pollTimeoutSeconds ?? 30;
  const callbackTtlMs = options.callbackTtlMs ?? 30_000;

  const core = new FakeMessengerCore<ApiCall, StoredMessage, BotMessage, InjectedFailure>(
    'max',
    snapshot,
    (c) => `${c.route} → ${c.status}`,
  );
  const calls = core.calls;
  const answers: CallbackAnswer[] = [];
  const webhookDeliveries: { url: string; status: number }[] = [];
  const log = core.log;
  const byMid = new Map<string, StoredMessage>();
  /** The users' own messages: mid → sender. */
  const userMids = new Map<string, number>();
  const users = new Map<number, FakeMaxUser>();
  const actionLog = new Map<number, string[]>();
  const presses = new Map<string, Press>();
  const files = new Map<string, Uint8Array>();
  /** Upload URL id → bytes once posted; photo token → bytes. */
  const uploads = new Map<string, Uint8Array | null>();
  const photoTokens = new Map<string, Uint8Array>();
  const rateTimes = { global: [] as number[], chats: new Map<number, number[]>() };
  let subscriptions: Subscription[] = [];
  let commands: { name: string; description?: string }[] = [];
  let pending: { seq: number; update: Update }[] = [];
  let nextSeq = 1;
  let tooManyRequests = 0;
  let poll:
    { res: ServerResponse; call: ApiCall; limit: number; timer: NodeJS.Timeout } | undefined;
  let delivering = false;
  const stopDelivery = new AbortController();
  let counter = 0;

  const chatIdOf = (user: FakeMaxUser) => CHAT_BASE + user.user_id;
  const userOfChat = (chatId: number) => users.get(chatId - CHAT_BASE);

  function userObject(user: FakeMaxUser): Payload {
    const name = [user.first_name, user.last_name].filter(Boolean).join(' ');
    return compact({
      user_id: user.user_id,
      first_name: user.first_name,
      last_name: user.last_name,
      name,
      username: null,
      is_bot: false,
      last_activity_time: Date.now(),
    });
  }

  function messageObject(m: StoredMessage): Payload {
    const attachments: Payload[] = m.photo
      ? [{ type: 'image', payload: { photo_id: 1, token: 'sent', url: `${origin}/files/photo` } }]
      : [];
    if (m.buttons.length) {
      attachments.push({ type: 'inline_keyboard', payload: { buttons: m.buttons } });
    }
    return {
      sender: { ...botInfo, last_activity_time: Date.now() },
      recipient: {
        chat_id: m.chat_id,
        chat_type: 'dialog',
        user_id: userOfChat(m.chat_id)?.user_id,
      },
      timestamp: m.timestamp,
      body: {
        mid: m.mid,
        seq: Number(m.mid.split('.')[1]),
        text: m.plainText,
        attachments,
        markup: m.markup,
      },
    };
  }

  // --- updates: long polling or webhook -------------------------------------------------

  function pushUpdate(update: Update): void {
    pending.push({ seq: nextSeq++, update });
    // On the next turn, so updates pushed together arrive in one batch.
    setImmediate(() => {
      if (subscriptions.length) void deliverToWebhook();
      else if (poll && deliverable(poll.limit).length) finishPoll(poll.limit);
    });
  }

  function deliverable(limit: number) {
    return pending.slice(0, limit);
  }

  function finishPoll(limit: number): void {
    if (!poll) return;
    const { res, call, timer } = poll;
    clearTimeout(timer);
    poll = undefined;
    const batch = deliverable(limit);
    const marker = batch.at(-1)?.seq ?? nextSeq - 1;
    answer(res, call, { updates: batch.map((entry) => entry.update), marker });
  }

  function getUpdates(query: Record<string, string>, res: ServerResponse, call: ApiCall): void {
    if (subscriptions.length) {
      throw new ApiError(
        409,
        'conflict',
        'Long polling is not available while the bot has a webhook subscription',
      );
    }
    const marker = query.marker === undefined ? undefined : Number(query.marker);
    const limit = Math.min(1000, Math.max(1, Number(query.limit ?? 100) || 100));
    const timeout = Math.min(90, Math.max(0, Number(query.timeout ?? pollTimeoutSeconds)));
    const types = query.types ? new Set(query.types.split(',')) : undefined;
    // The marker acknowledges everything up to it.
    if (marker !== undefined && Number.isFinite(marker)) {
      pending = pending.filter((entry) => entry.seq > marker);
    }
    if (types) pending = pending.filter((entry) => types.has(entry.update.update_type));
    if (poll) {
      // A second poller: the older request ends empty.
      const older = poll;
      clearTimeout(older.timer);
      poll = undefined;
      answer(older.res, older.call, { updates: [], marker: nextSeq - 1 });
    }
    poll = { res, call, limit, timer: setTimeout(() => finishPoll(limit), timeout * 1000) };
    call.status = 0;
    res.on('close', () => {
      if (poll?.res !== res) return;
      clearTimeout(poll.timer); // the client gave up (bot stopped): nothing was delivered
      poll = undefined;
    });
    if (deliverable(limit).length || timeout === 0) finishPoll(limit);
  }

  async function deliverToWebhook(): Promise<void> {
    if (delivering) return;
    delivering = true;
    try {
      while (subscriptions.length && pending.length && !core.closed) {
        const entry = pending[0]!;
        const subscription = subscriptions[0]!;
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (subscription.secret) headers['x-max-bot-api-secret'] = subscription.secret;
        try {
          const res = await fetch(subscription.url, {
            method: 'POST',
            headers,
            body: JSON.stringify(entry.update),
            signal: stopDelivery.signal,
          });
          await res.text();
          webhookDeliveries.push({ url: subscription.url, status: res.status });
          if (!res.ok) throw new Error(`webhook answered ${res.status}`);
          if (pending[0] === entry) pending.shift();
        } catch {
          if (core.closed) return;
          await new Promise((resolve) => setTimeout(resolve, 200)); // MAX retries too
        }
      }
    } finally {
      delivering = false;
    }
  }

  // --- validation -------------------------------------------------------------------------

  function chatOf(query: Record<string, string>): number {
    if (query.chat_id) {
      const id = Number(query.chat_id);
      if (!userOfChat(id))
        throw new ApiError(404, 'chat.not.found', `Chat ${query.chat_id} not found`);
      return id;
    }
    if (query.user_id) {
      const user = users.get(Number(query.user_id));
      if (!user) throw new ApiError(404, 'user.not.found', `User ${query.user_id} not found`);
      return chatIdOf(user);
    }
    throw bad('chat_id or user_id is required');
  }

  function bodyOf(
    body: Payload,
    current?: StoredMessage,
  ): Pick<BotMessage, 'text' | 'plainText' | 'format' | 'markup' | 'buttons' | 'photo'> {
    const format = body.format == null ? undefined : String(body.format);
    if (format !== undefined && format !== 'html' && format !== 'markdown') {
      throw bad(`format: unknown value "${format}"`);
    }
    const keepText = current && body.text === undefined;
    const text = keepText ? current.text : body.text == null ? '' : String(body.text);
    let parsed: { text: string; markup: MarkupElement[] };
    if (keepText) parsed = { text: current.plainText, markup: current.markup };
    else if (format === 'html') {
      try {
        parsed = parseHtml(text);
      } catch (error) {
        throw bad(`text: invalid html: ${(error as Error).message}`);
      }
    } else parsed = { text, markup: [] };
    const plainText = parsed.text.trim();
    if (plainText.length > TEXT_LIMIT) {
      throw bad(`text: size must be between 0 and ${TEXT_LIMIT}`, 'text.too.long');
    }
    const { photo, others } = imageOf(body.attachments);
    const buttons = keyboardOf(others, current?.buttons);
    if (!plainText && !buttons.length && !photo) {
      throw bad('text: message must have text or attachments');
    }
    return { text, plainText, format, markup: parsed.markup, buttons, ...(photo && { photo }) };
  }

  /** The bytes of an image attachment (by a token uploaded here), and the other attachments. */
  function imageOf(attachments: unknown): { photo?: Uint8Array; others: unknown } {
    if (!Array.isArray(attachments)) return { others: attachments };
    const images = attachments.filter((a: Payload) => a?.type === 'image');
    if (images.length > 1) throw bad('attachments: the fake takes one image');
    const others = attachments.filter((a: Payload) => a?.type !== 'image');
    if (!images.length) return { others };
    const payload = (images[0] as { payload?: Payload }).payload ?? {};
    const photos = (payload.photos ?? {}) as Record<string, { token?: string }>;
    const token = String(payload.token ?? Object.values(photos)[0]?.token ?? '');
    const photo = photoTokens.get(token);
    if (!photo) throw bad(`attachment: unknown image token "${token}"`, 'attachment.invalid');
    return { photo, others };
  }

  /** null/absent keeps the current keyboard (edits), [] removes it. */
  function keyboardOf(attachments: unknown, current: FakeButton[][] = []): FakeButton[][] {
    if (attachments == null) return current;
    if (!Array.isArray(attachments)) throw bad('attachments: must be an array');
    const keyboards = attachments.filter((a: Payload) => a?.type === 'inline_keyboard');
    if (attachments.length !== keyboards.length)
      throw bad('attachments: only inline_keyboard is supported by the fake');
    if (keyboards.length > 1) throw bad('attachments: only one inline keyboard is allowed');
    if (!keyboards.length) return [];
    const rows = (keyboards[0] as { payload?: { buttons?: unknown } }).payload?.buttons;
    if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
      throw bad('inline_keyboard: buttons must be an array of arrays');
    }
    if (rows.length > KEYBOARD.rows) throw bad(`inline_keyboard: at most ${KEYBOARD.rows} rows`);
    if (rows.some((row) => row.length === 0 || row.length > KEYBOARD.perRow)) {
      throw bad(`inline_keyboard: 1 to ${KEYBOARD.perRow} buttons in a row`);
    }
    const all = rows.flat() as Payload[];
    if (all.length > KEYBOARD.buttons)
      throw bad(`inline_keyboard: at most ${KEYBOARD.buttons} buttons`);
    for (const button of all) {
      const type = String(button?.type ?? '');
      const text = typeof button?.text === 'string' ? button.text : '';
      if (!BUTTON_TYPES.has(type)) throw bad(`button: unknown type "${type}"`);
      if (!text || text.length > KEYBOARD.textMax)
        throw bad('button: text must be 1–128 characters');
      if (type === 'callback') {
        const payload = typeof button.payload === 'string' ? button.payload : '';
        if (!payload || payload.length > KEYBOARD.payloadMax)
          throw bad('button: payload must be 1–1024 characters');
      }
      if (type === 'link' && !/^https?:\/\/\S+$/.test(String(button.url ?? ''))) {
        throw bad('button: url must be an http(s) URL');
      }
    }
    return structuredClone(rows) as FakeButton[][];
  }

  function messageOf(query: Record<string, string>): StoredMessage {
    const mid = query.message_id;
    if (!mid) throw bad('message_id is required');
    const found = byMid.get(mid);
    if (!found || found.deleted) throw new ApiError(404, 'not.found', `Message ${mid} not found`);
    return found;
  }

  /** Throws 429 when a request would break a limit, else counts it. */
  function rateLimit(chatId: number | undefined): void {
    if (!limits) return;
    const at = performance.now();
    const times = chatId === undefined ? [] : (rateTimes.chats.get(chatId) ?? []);
    const over =
      windowWait(rateTimes.global, limits.globalPerSecond, 1000, at) > 0 ||
      (chatId !== undefined && windowWait(times, limits.perChatPerSecond, 1000, at) > 0);
    if (over) throw new ApiError(429, 'too.many.requests', 'Too many requests');
    rateTimes.global = [...rateTimes.global.filter((t) => t > at - 1000), at];
    if (chatId !== undefined)
      rateTimes.chats.set(chatId, [...times.filter((t) => t > at - 1000), at]);
  }

  // --- methods ----------------------------------------------------------------------------

  function setCommands(body: Payload) {
    const list = body.commands;
    if (!Array.isArray(list) || list.length > 32) throw bad('commands: at most 32 commands');
    commands = list.map((item: Payload) => {
      const name = String(item?.name ?? '');
      if (!/^[a-z0-9_]{1,64}$/i.test(name)) throw bad(`commands: invalid name "${name}"`);
      const description = item?.description == null ? undefined : String(item.description);
      if (description !== undefined && description.length > 128)
        throw bad('commands: description too long');
      return compact({ name, description });
    });
    return { ...botInfo, commands };
  }

  function perform(route: string, query: Record<string, string>, body: Payload): unknown {
    const action = /^POST \/chats\/(-?\d+)\/actions$/.exec(route);
    if (action) {
      const chatId = Number(action[1]);
      if (!userOfChat(chatId)) throw new ApiError(404, 'chat.not.found', 'Chat not found');
      const name = String(body.action ?? '');
      if (!SENDER_ACTIONS.has(name)) throw bad(`action: unknown value "${name}"`);
      rateLimit(undefined);
      actionLog.set(chatId, [...(actionLog.get(chatId) ?? []), name]);
      return { success: true };
    }
    switch (route) {
      case 'GET /me':
        rateLimit(undefined);
        return { ...botInfo, commands };
      case 'PATCH /me':
      case 'PATCH /me/commands':
        rateLimit(undefined);
        return setCommands(body);
      case 'GET /subscriptions':
        rateLimit(undefined);
        return {
          subscriptions: subscriptions.map(({ url, time, update_types }) => ({
            url,
            time,
            update_types,
          })),
        };
      case 'POST /subscriptions': {
        const url = String(body.url ?? '');
        if (!/^https?:\/\/\S+$/.test(url)) throw bad('url: must be a URL');
        const secret = body.secret == null ? undefined : String(body.secret);
        if (secret !== undefined && !/^[A-Za-z0-9_-]{5,256}$/.test(secret)) {
          throw bad('secret: 5–256 characters of A-Z, a-z, 0-9, _ and -');
        }
        rateLimit(undefined);
        const update_types = Array.isArray(body.update_types) ? body.update_types.map(String) : [];
        subscriptions = [
          ...subscriptions.filter((s) => s.url !== url),
          { url, secret, update_types, time: Date.now() },
        ];
        if (poll) finishPoll(poll.limit);
        setImmediate(() => void deliverToWebhook());
        return { success: true };
      }
      case 'DELETE /subscriptions': {
        rateLimit(undefined);
        subscriptions = subscriptions.filter((s) => s.url !== query.url);
        return { success: true };
      }
      case 'POST /uploads': {
        if (query.type !== 'image') throw bad(`uploads: the fake takes type=image only`);
        rateLimit(undefined);
        const id = `up${++counter}`;
        uploads.set(id, null);
        return { url: `${origin}/upload/${id}` };
      }
      case 'POST /messages': {
        const chatId = chatOf(query);
        const content = bodyOf(body);
        rateLimit(chatId);
        const message: StoredMessage = {
          mid: `mid.${String(++counter).padStart(8, '0')}`,
          chat_id: chatId,
          ...content,
          timestamp: Date.now(),
          edits: 0,
          deleted: false,
        };
        log.push(message);
        byMid.set(message.mid, message);
        return { message: messageObject(message) };
      }
      case 'PUT /messages': {
        const message = messageOf(query);
        const content = bodyOf(body, message);
        rateLimit(message.chat_id);
        Object.assign(message, content, { edits: message.edits + 1 });
        return { success: true };
      }
      case 'DELETE /messages': {
        const message = messageOf(query);
        rateLimit(undefined);
        message.deleted = true;
        return { success: true };
      }
      case 'POST /answers': {
        const id = query.callback_id ?? '';
        const press = presses.get(id);
        if (!press || press.answered || Date.now() - press.createdAt > callbackTtlMs) {
          throw bad(`callback_id: unknown or expired callback "${id}"`);
        }
        const notification = body.notification == null ? undefined : String(body.notification);
        const newBody = body.message == null ? undefined : (body.message as Payload);
        rateLimit(press.chatId);
        if (newBody) {
          const target = byMid.get(press.mid);
          if (target) Object.assign(target, bodyOf(newBody, target), { edits: target.edits + 1 });
        }
        press.answered = true;
        answers.push(
          compact({ callback_id: id, notification, withMessage: !!newBody, at: Date.now() }),
        );
        return { success: true };
      }
      default:
        throw new ApiError(404, 'not.found', `${route} is not implemented by the fake`);
    }
  }

  function record(route: string, query: Record<string, string>, body: Payload): ApiCall {
    return core.record({ route, query, body, at: Date.now(), status: 200 });
  }

  function answer(res: ServerResponse, call: ApiCall, result: unknown): void {
    call.status = 200;
    send(res, 200, result);
  }

  function fail(res: ServerResponse, call: ApiCall, error: ApiError): void {
    call.status = error.status;
    if (error.status === 429) tooManyRequests++;
    send(res, error.status, { code: error.code, message: error.message });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const file = /^\/files\/([\w-]+)$/.exec(url.pathname);
    if (file && req.method === 'GET') {
      const bytes = files.get(file[1]!);
      if (!bytes) return send(res, 404, { code: 'not.found', message: 'No such file' });
      res.writeHead(200, { 'content-type': 'audio/ogg' });
      res.end(Buffer.from(bytes));
      return;
    }
    const upload = /^\/upload\/(\w+)$/.exec(url.pathname);
    if (upload && req.method === 'POST') return receiveUpload(upload[1]!, req, res);
    if (!url.pathname.startsWith(PREFIX)) {
      return send(res, 404, { code: 'not.found', message: `Path ${url.pathname} not found` });
    }
    const route = `${req.method} /${url.pathname.slice(PREFIX.length).replace(/\/$/, '')}`;
    let body: Payload;
    try {
      body = await readBody(req);
    } catch {
      return send(res, 400, { code: 'bad.request', message: 'Invalid JSON' });
    }
    const call = record(route, Object.fromEntries(url.searchParams), body);
    if (req.headers.authorization !== token) {
      return fail(res, call, new ApiError(401, 'verify.token', 'Invalid access_token'));
    }
    if (url.searchParams.has('access_token')) {
      return fail(res, call, bad('access_token in the query is no longer supported'));
    }
    const failure = core.takeFailure(route);
    if (failure && 'network' in failure) {
      call.status = 'network';
      req.socket.destroy();
      return;
    }
    if (failure) {
      const code =
        failure.code ?? (failure.status === 429 ? 'too.many.requests' : 'internal.error');
      return fail(res, call, new ApiError(failure.status, code, failure.message ?? code));
    }
    try {
      if (route === 'GET /updates') return getUpdates(call.query, res, call);
      answer(res, call, perform(route, call.query, body));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      fail(res, call, error);
    }
  }

  /** The upload server's side: the multipart `data` file, answered with a photo token. */
  async function receiveUpload(id: string, req: IncomingMessage, res: ServerResponse) {
    const type = req.headers['content-type'] ?? '';
    const raw = await readRawBody(req);
    if (uploads.get(id) !== null || !type.startsWith('multipart/form-data')) {
      return send(res, 400, { code: 'upload.invalid', message: 'Unknown upload or not multipart' });
    }
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    const data = form.get('data');
    if (!data || typeof data === 'string' || !data.size) {
      return send(res, 400, { code: 'upload.invalid', message: 'No file in "data"' });
    }
    const bytes = new Uint8Array(await data.arrayBuffer());
    uploads.set(id, bytes);
    const token = `photo-${id}`;
    photoTokens.set(token, bytes);
    send(res, 200, { photos: { [`${id}-key`]: { token } } });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('fake max: unexpected error', error);
      send(res, 500, { code: 'internal.error', message: 'Internal Server Error' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  // --- the user's side --------------------------------------------------------------------

  function know(user: FakeMaxUser): number {
    users.set(user.user_id, user);
    return chatIdOf(user);
  }

  function userMessage(user: FakeMaxUser, body: Payload, link?: Payload): string {
    const chatId = know(user);
    const mid = `mid.u${String(++counter).padStart(8, '0')}`;
    pushUpdate({
      update_type: 'message_created',
      timestamp: Date.now(),
      message: {
        sender: userObject(user),
        recipient: { chat_id: chatId, chat_type: 'dialog', user_id: botInfo.user_id },
        timestamp: Date.now(),
        body: { mid, seq: counter, ...body },
        ...(link && { link }),
      },
      user_locale: user.locale ?? 'ru',
    });
    userMids.set(mid, user.user_id);
    return mid;
  }

  return {
    baseUrl: `${origin}${PREFIX}`,
    token,
    botInfo,
    calls,
    answers,
    webhookDeliveries,
    get tooManyRequests() {
      return tooManyRequests;
    },
    chatIdOf,
    messages: (chatId) => core.messages(chatId),
    actions: (chatId) => [...(actionLog.get(chatId) ?? [])],
    commands: () => structuredClone(commands),
    subscriptions: () => structuredClone(subscriptions),
    sendText(user, text, options = {}) {
      const replied = options.replyTo ? byMid.get(options.replyTo) : undefined;
      if (options.replyTo && !replied)
        throw new Error(`fake max: no bot message ${options.replyTo}`);
      const link = replied && {
        type: 'reply',
        sender: { ...botInfo },
        chat_id: replied.chat_id,
        message: messageObject(replied).body,
      };
      return userMessage(user, { text }, link);
    },
    editText(user, mid, text) {
      if (userMids.get(mid) !== user.user_id) {
        throw new Error(`fake max: ${user.user_id} sent no message ${mid}`);
      }
      const chatId = know(user);
      pushUpdate({
        update_type: 'message_edited',
        timestamp: Date.now(),
        message: {
          sender: userObject(user),
          recipient: { chat_id: chatId, chat_type: 'dialog', user_id: botInfo.user_id },
          timestamp: Date.now() - 60_000,
          body: { mid, seq: Number(mid.slice(5)), text },
        },
        user_locale: user.locale ?? 'ru',
      });
    },
    sendTextNull: (user) =>
      userMessage(user, {
        text: null,
        attachments: [
          {
            type: 'sticker',
            payload: { url: `${origin}/files/sticker`, code: 'smile' },
            width: 128,
            height: 128,
          },
        ],
      }),
    sendEmptyVoice(user) {
      know(user);
      pushUpdate({
        update_type: 'message_created',
        timestamp: Date.now(),
        user_locale: user.locale ?? 'ru',
      });
    },
    sendBareVoice(user) {
      know(user);
      pushUpdate({
        update_type: 'message_created',
        timestamp: Date.now(),
        chat_id: chatIdOf(user),
        user: userObject(user),
        user_locale: user.locale ?? 'ru',
      });
    },
    sendVoice(user, bytes) {
      const id = `voice-${++counter}`;
      files.set(id, bytes);
      userMessage(user, {
        text: '',
        attachments: [{ type: 'audio', payload: { url: `${origin}/files/${id}`, token: id } }],
      });
    },
    botStarted(user, payload) {
      const chatId = know(user);
      pushUpdate(
        compact({
          update_type: 'bot_started',
          timestamp: Date.now(),
          chat_id: chatId,
          user: userObject(user),
          payload,
          user_locale: user.locale ?? 'ru',
        }) as Update,
      );
    },
    pressButton(user, mid, payload, pressOptions = {}) {
      const message = byMid.get(mid);
      const carried = message?.buttons
        .flat()
        .some((b) => b.type === 'callback' && b.payload === payload);
      if (!message || message.deleted || (!carried && !pressOptions.force)) {
        throw new Error(`fake max: message ${mid} has no button with payload "${payload}"`);
      }
      know(user);
      const callback_id = `cb.${String(++counter).padStart(8, '0')}`;
      presses.set(callback_id, {
        chatId: message.chat_id,
        mid,
        createdAt: Date.now(),
        answered: false,
      });
      pushUpdate({
        update_type: 'message_callback',
        timestamp: Date.now(),
        callback: { timestamp: Date.now(), callback_id, payload, user: userObject(user) },
        message: messageObject(message),
        user_locale: user.locale ?? 'ru',
      });
      return callback_id;
    },
    failNext: (route, failure, times) => core.failNext(route, failure, times),
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

function snapshot(m: StoredMessage): BotMessage {
  const copy: Partial<StoredMessage> = structuredClone(m);
  delete copy.deleted;
  return copy as BotMessage;
}

// --- HTML as MAX's format 'html' reads it --------------------------------------------------

const TAG_MARKUP: Record<string, string> = {
  b: 'strong',
  strong: 'strong',
  i: 'emphasized',
  em: 'emphasized',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  del: 'strikethrough',
  code: 'monospaced',
  pre: 'monospaced',
  a: 'link',
};
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Visible text and markup; throws on unknown, unclosed or mismatched tags and stray '<'. */
export function parseHtml(html: string): { text: string; markup: MarkupElement[] } {
  let text = '';
  const markup: MarkupElement[] = [];
  const open: { tag: string; from: number; href?: string }[] = [];
  let i = 0;
  while (i < html.length) {
    const c = html[i]!;
    if (c === '&') {
      const entity = /^&(?:([a-z]+)|#(\d{1,7})|#x([0-9a-f]{1,6}));/i.exec(html.slice(i, i + 12));
      if (entity?.[1] && NAMED[entity[1].toLowerCase()]) text += NAMED[entity[1].toLowerCase()];
      else if (entity?.[2] || entity?.[3]) {
        text += String.fromCodePoint(entity[2] ? Number(entity[2]) : parseInt(entity[3]!, 16));
      } else {
        text += c;
        i++;
        continue;
      }
      i += entity[0].length;
      continue;
    }
    if (c !== '<') {
      text += c;
      i++;
      continue;
    }
    const tag = /^<(\/?)([a-z]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*>/i.exec(html.slice(i));
    if (!tag) throw new Error(`stray "<" at ${i}`);
    const [whole, closing, rawName, attrs] = tag;
    const name = rawName!.toLowerCase();
    if (!(name in TAG_MARKUP)) throw new Error(`unsupported tag <${name}> at ${i}`);
    if (closing) {
      const top = open.pop();
      if (!top || top.tag !== name) throw new Error(`unexpected </${name}> at ${i}`);
      if (text.length > top.from) {
        markup.push(
          compact({
            type: TAG_MARKUP[name]!,
            from: top.from,
            length: text.length - top.from,
            url: top.href,
          }),
        );
      }
    } else {
      const href = /href="([^"]*)"/.exec(attrs ?? '')?.[1];
      if (name === 'a' && !href) throw new Error(`<a> without href at ${i}`);
      open.push({ tag: name, from: text.length, href });
    }
    i += whole.length;
  }
  if (open.length) throw new Error(`unclosed <${open.at(-1)!.tag}>`);
  const lead = text.length - text.trimStart().length;
  return {
    text,
    markup: markup
      .map((m) => ({ ...m, from: Math.max(0, m.from - lead) }))
      .sort((a, b) => a.from - b.from),
  };
}

// --- request helpers ----------------------------------------------------------------------

const send = sendJson;

async function readBody(req: IncomingMessage): Promise<Payload> {
  const raw = await readRawBody(req);
  if (!raw.length) return {};
  return JSON.parse(raw.toString('utf8')) as Payload;
}
