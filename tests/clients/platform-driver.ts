import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { Truthy } from '../support/poll-until.js';
import type { BotMessage as MaxMessage, FakeMaxUser } from '../support/fake-max-server.js';
import type { BotMessage as TelegramMessage, FakeUser } from '../support/fake-telegram-server.js';
import type { TestApp } from '../support/test-app.js';
import * as max from './max-harness.js';
import * as telegram from './telegram-harness.js';

/** A bot message on either platform, as a person sees it now. */
export interface PlatformMessage {
  id: string;
  chatId: string;
  /** As the bot sent it, markup included. */
  text: string;
  plainText: string;
  buttons: { text: string; data?: string }[];
  edits: number;
  /** A photo message's bytes as the platform received them. */
  photo?: Uint8Array;
}

export interface PlatformUser {
  name: string;
  /** A generated operation (tests/operations/bot-checks.graphql) as this user. */
  op: <TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
  ) => Promise<TData>;
}

/**
 * One messenger's real bot (its library, adapter, shared core and send queue) against its
 * fake server and the real API, driven the same way for both platforms, so end-to-end
 * scenarios are written once.
 */
export interface PlatformDriver {
  readonly platform: 'telegram' | 'max';
  readonly textLimit: number;
  newUser(languageCode?: string): PlatformUser;
  /** The platform's way to start a chat (Telegram: /start; MAX: the Start button). */
  start(user: PlatformUser): void;
  /** Sends a text; returns the user's message id (to edit it later). */
  sendText(user: PlatformUser, text: string): string;
  /** A text replying to a bot message (the platform reports what it answers). */
  replyText(user: PlatformUser, to: PlatformMessage, text: string): void;
  /** The user edits a message they sent (Telegram edited_message, MAX message_edited). */
  editText(user: PlatformUser, messageId: string, text: string): void;
  sendVoice(user: PlatformUser): void;
  /** The oldest bot message in the user's chat not yet returned (waits for one). */
  next(user: PlatformUser, timeoutMs?: number): Promise<PlatformMessage>;
  messages(user: PlatformUser): PlatformMessage[];
  current(message: PlatformMessage): PlatformMessage;
  editedTo(message: PlatformMessage, edits: number): Promise<PlatformMessage>;
  /** Presses a button by data; `force` also one the message does not carry. Returns its id. */
  pressData(user: PlatformUser, message: PlatformMessage, data: string, force?: boolean): string;
  /** The toast a press was answered with, once answered ('' for none). */
  answerOf(pressId: string): Promise<string>;
  sawTyping(user: PlatformUser): boolean;
  /** The next send of a message is refused with 429 (Telegram: retry_after 1 s). */
  refuseNextSend(): void;
  /** Sends to the user's chat, oldest first, with their HTTP status and arrival. */
  sendAttempts(user: PlatformUser): { status: number | string; at: number }[];
  waitFor<T>(predicate: () => T, timeoutMs?: number): Promise<Truthy<T>>;
  restartBot(): Promise<void>;
  stop(): Promise<void>;
}

/** Presses the button whose label matches; fails loudly when the message has none such. */
export function press(
  driver: PlatformDriver,
  user: PlatformUser,
  message: PlatformMessage,
  label: RegExp,
): string {
  const button = message.buttons.find((candidate) => label.test(candidate.text));
  if (!button?.data) {
    throw new Error(`No button ${label} in: ${message.buttons.map((b) => b.text).join(' | ')}`);
  }
  return driver.pressData(user, message, button.data);
}

export async function telegramDriver(app: TestApp): Promise<PlatformDriver> {
  const harness = await telegram.startTelegramHarness(app);
  const fake = () => harness.fake;
  const users = new Map<PlatformUser, FakeUser>();
  const userOf = (user: PlatformUser) => users.get(user)!;
  const view = (m: TelegramMessage): PlatformMessage => ({
    id: String(m.message_id),
    chatId: String(m.chat_id),
    text: m.text,
    plainText: m.plainText,
    buttons: telegram.buttonsOf(m).map((b) => ({ text: b.text, data: b.callback_data })),
    edits: m.edits,
    ...(m.photo && { photo: m.photo }),
  });
  const byId = (message: PlatformMessage) =>
    fake()
      .messages(Number(message.chatId))
      .find((m) => String(m.message_id) === message.id)!;
  return {
    platform: 'telegram',
    textLimit: 4096,
    newUser(languageCode = 'ru') {
      const fakeUser = telegram.newTelegramUser(languageCode);
      const user = {
        name: fakeUser.first_name,
        op: telegram.asTelegramUserOp(app, fakeUser),
      };
      users.set(user, fakeUser);
      return user;
    },
    start: (user) => void fake().sendText(userOf(user), '/start'),
    sendText: (user, text) => String(fake().sendText(userOf(user), text).message_id),
    replyText: (user, to, text) =>
      void fake().sendText(userOf(user), text, { replyTo: Number(to.id) }),
    editText: (user, messageId, text) => fake().editText(userOf(user), Number(messageId), text),
    sendVoice: (user) => void fake().sendVoice(userOf(user), new Uint8Array([1, 2, 3]), 2),
    next: async (user, timeoutMs) => view(await fake().nextMessage(userOf(user).id, timeoutMs)),
    messages: (user) => fake().messages(userOf(user).id).map(view),
    current: (message) => view(byId(message)),
    editedTo: async (message, edits) => view(await telegram.editedTo(fake(), byId(message), edits)),
    pressData: (user, message, data, force) =>
      fake().pressButton(userOf(user), Number(message.id), data, { force }),
    async answerOf(pressId) {
      const answer = await fake().waitFor(() =>
        fake().callbackAnswers.find((a) => a.callback_query_id === pressId),
      );
      return answer.text ?? '';
    },
    sawTyping: (user) => fake().chatActions(userOf(user).id).includes('typing'),
    refuseNextSend: () => fake().failNext('sendMessage', { status: 429, retryAfter: 1 }),
    sendAttempts: (user) =>
      fake().calls.filter(
        (call) =>
          call.method === 'sendMessage' && String(call.payload.chat_id) === String(userOf(user).id),
      ),
    waitFor: (predicate, timeoutMs) => fake().waitFor(predicate, timeoutMs),
    restartBot: () => harness.restartBot(),
    stop: () => harness.stop(),
  };
}

export async function maxDriver(app: TestApp): Promise<PlatformDriver> {
  const harness = await max.startMaxHarness(app);
  const fake = () => harness.fake;
  const users = new Map<PlatformUser, FakeMaxUser>();
  const userOf = (user: PlatformUser) => users.get(user)!;
  const chatOf = (user: PlatformUser) => fake().chatIdOf(userOf(user));
  const view = (m: MaxMessage): PlatformMessage => ({
    id: m.mid,
    chatId: String(m.chat_id),
    text: m.text,
    plainText: m.plainText,
    buttons: max.buttonsOf(m).map((b) => ({ text: b.text, data: b.payload })),
    edits: m.edits,
    ...(m.photo && { photo: m.photo }),
  });
  const byId = (message: PlatformMessage) =>
    fake()
      .messages(Number(message.chatId))
      .find((m) => m.mid === message.id)!;
  return {
    platform: 'max',
    textLimit: 4000,
    newUser(languageCode = 'ru') {
      const fakeUser = max.newMaxUser(languageCode);
      const user = {
        name: fakeUser.first_name,
        op: max.asMaxUserOp(app, fakeUser),
      };
      users.set(user, fakeUser);
      return user;
    },
    start: (user) => fake().botStarted(userOf(user)),
    sendText: (user, text) => fake().sendText(userOf(user), text),
    replyText: (user, to, text) => void fake().sendText(userOf(user), text, { replyTo: to.id }),
    editText: (user, messageId, text) => fake().editText(userOf(user), messageId, text),
    sendVoice: (user) => fake().sendVoice(userOf(user), new Uint8Array([1, 2, 3])),
    next: async (user, timeoutMs) => view(await fake().nextMessage(chatOf(user), timeoutMs)),
    messages: (user) => fake().messages(chatOf(user)).map(view),
    current: (message) => view(byId(message)),
    editedTo: async (message, edits) => view(await max.editedTo(fake(), byId(message), edits)),
    pressData: (user, message, data, force) =>
      fake().pressButton(userOf(user), message.id, data, { force }),
    async answerOf(pressId) {
      const answer = await fake().waitFor(() =>
        fake().answers.find((a) => a.callback_id === pressId),
      );
      return answer.notification ?? '';
    },
    sawTyping: (user) => fake().actions(chatOf(user)).includes('typing_on'),
    refuseNextSend: () => fake().failNext('POST /messages', { status: 429 }),
    sendAttempts: (user) =>
      fake().calls.filter(
        (call) => call.route === 'POST /messages' && call.query.chat_id === String(chatOf(user)),
      ),
    waitFor: (predicate, timeoutMs) => fake().waitFor(predicate, timeoutMs),
    restartBot: () => harness.restartBot(),
    stop: () => harness.stop(),
  };
}
