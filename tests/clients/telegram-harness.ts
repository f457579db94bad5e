import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { BotOptions, RunningBot } from '../../src/clients/shared/bot-process.js';
import { startTelegramBot } from '../../src/clients/telegram/start.js';
import { createLogger } from '../../src/logger.js';
import {
  startFakeTelegramServer,
  type BotMessage,
  type FakeTelegramServer,
  type FakeUser,
} from '../support/fake-telegram-server.js';
import { FAST_LIMITS } from '../support/fast-limits.js';
import { asBot, executeOperationOk } from '../support/graphql-client.js';
import { testConfig, type TestApp } from '../support/test-app.js';

/** The real bot (telegraf, shared core, send queue) against the fake Bot API and a real API. */
export interface TelegramHarness {
  fake: FakeTelegramServer;
  bot: RunningBot;
  restartBot(): Promise<void>;
  stop(): Promise<void>;
}

/** `limits` 'platform' runs the bot and the fake at Telegram's real limits; fast ones otherwise. */
export async function startTelegramHarness(
  app: TestApp,
  overrides: Record<string, string> = {},
  limits: 'fast' | 'platform' = 'fast',
): Promise<TelegramHarness> {
  const fast = limits === 'fast';
  const fake = await startFakeTelegramServer(fast ? { rateLimits: FAST_LIMITS } : {});
  const options: BotOptions = { apiUrl: app.graphqlUrl, limits: fast ? FAST_LIMITS : undefined };
  const config = testConfig({
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    ...overrides,
  });
  const logger = createLogger(config.LOG_LEVEL);
  const harness: TelegramHarness = {
    fake,
    bot: await startTelegramBot(config, logger, options),
    async restartBot() {
      await harness.bot.stop();
      harness.bot = await startTelegramBot(config, logger, options);
    },
    async stop() {
      await harness.bot.stop();
      await fake.close();
    },
  };
  return harness;
}

let nextUserId = 5_000_000 + Math.floor(Math.random() * 1_000_000);

export function newTelegramUser(languageCode = 'ru'): FakeUser {
  nextUserId += 1;
  return { id: nextUserId, first_name: `Tester${nextUserId}`, language_code: languageCode };
}

type InlineButton = { text: string; callback_data?: string };

export function buttonsOf(message: BotMessage): InlineButton[] {
  const keyboard = (message.reply_markup?.inline_keyboard ?? []) as InlineButton[][];
  return keyboard.flat();
}

/** Presses the button whose label matches; fails loudly when the message has none such. */
export function press(
  fake: FakeTelegramServer,
  user: FakeUser,
  message: BotMessage,
  label: RegExp,
): string {
  const button = buttonsOf(message).find((candidate) => label.test(candidate.text));
  if (!button?.callback_data) {
    throw new Error(
      `No button ${label} in: ${buttonsOf(message)
        .map((b) => b.text)
        .join(' | ')}`,
    );
  }
  return fake.pressButton(user, message.message_id, button.callback_data);
}

/** The message as it is now (after edits). */
export function current(fake: FakeTelegramServer, message: BotMessage): BotMessage {
  return fake.messages(message.chat_id).find((m) => m.message_id === message.message_id)!;
}

/** Waits until the message was edited `edits` times in all. */
export function editedTo(
  fake: FakeTelegramServer,
  message: BotMessage,
  edits: number,
): Promise<BotMessage> {
  return fake.waitFor(() => {
    const now = current(fake, message);
    return now.edits >= edits ? now : undefined;
  });
}

/** Acting as the Telegram user through the API, to check what the bot did. */
export function asTelegramUserOp(app: TestApp, user: FakeUser) {
  return <TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
  ) => executeOperationOk(app, document, variables, asBot('telegram', String(user.id)));
}
