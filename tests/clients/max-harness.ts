import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { startMaxBot } from '../../src/clients/max/start.js';
import type { BotOptions, RunningBot } from '../../src/clients/shared/bot-process.js';
import { createLogger } from '../../src/logger.js';
import {
  startFakeMaxServer,
  type BotMessage,
  type FakeButton,
  type FakeMaxOptions,
  type FakeMaxServer,
  type FakeMaxUser,
} from '../support/fake-max-server.js';
import { FAST_LIMITS } from '../support/fast-limits.js';
import { asBot, executeOperationOk } from '../support/graphql-client.js';
import { testConfig, type TestApp } from '../support/test-app.js';

/** The real MAX bot (@maxhub/max-bot-api, shared core, send queue) against the fake MAX API and a real API. */
export interface MaxHarness {
  fake: FakeMaxServer;
  bot: RunningBot;
  restartBot(): Promise<void>;
  stop(): Promise<void>;
}

/** `limits` 'platform' runs the bot and the fake at MAX's real limits; fast ones otherwise. */
export async function startMaxHarness(
  app: TestApp,
  overrides: Record<string, string> = {},
  fakeOptions: FakeMaxOptions = {},
  limits: 'fast' | 'platform' = 'fast',
): Promise<MaxHarness> {
  const fast = limits === 'fast';
  const fake = await startFakeMaxServer({
    ...(fast && { rateLimits: FAST_LIMITS }),
    ...fakeOptions,
  });
  const options: BotOptions = { apiUrl: app.graphqlUrl, limits: fast ? FAST_LIMITS : undefined };
  const config = testConfig({
    MAX_BOT_TOKEN: fake.token,
    // Without its trailing "/": the config adds it, or every call would miss the fake's prefix.
    MAX_API_URL: fake.baseUrl.replace(/\/$/, ''),
    ...overrides,
  });
  const logger = createLogger(config.LOG_LEVEL);
  const harness: MaxHarness = {
    fake,
    bot: await startMaxBot(config, logger, options),
    async restartBot() {
      await harness.bot.stop();
      harness.bot = await startMaxBot(config, logger, options);
    },
    async stop() {
      await harness.bot.stop();
      await fake.close();
    },
  };
  return harness;
}

let nextUserId = 7_000_000 + Math.floor(Math.random() * 1_000_000);

export function newMaxUser(locale = 'ru'): FakeMaxUser {
  nextUserId += 1;
  return { user_id: nextUserId, first_name: `Tester${nextUserId}`, locale };
}

export function buttonsOf(message: BotMessage): FakeButton[] {
  return message.buttons.flat();
}

/** Presses the button whose label matches; fails loudly when the message has none such. */
export function press(
  fake: FakeMaxServer,
  user: FakeMaxUser,
  message: BotMessage,
  label: RegExp,
): string {
  const button = buttonsOf(message).find((candidate) => label.test(candidate.text));
  if (!button?.payload) {
    throw new Error(
      `No button ${label} in: ${buttonsOf(message)
        .map((b) => b.text)
        .join(' | ')}`,
    );
  }
  return fake.pressButton(user, message.mid, button.payload);
}

/** The message as it is now (after edits). */
export function current(fake: FakeMaxServer, message: BotMessage): BotMessage {
  return fake.messages(message.chat_id).find((m) => m.mid === message.mid)!;
}

/** Waits until the message was edited `edits` times in all. */
export function editedTo(
  fake: FakeMaxServer,
  message: BotMessage,
  edits: number,
): Promise<BotMessage> {
  return fake.waitFor(() => {
    const now = current(fake, message);
    return now.edits >= edits ? now : undefined;
  });
}

/** Acting as the MAX user through the API, to check what the bot did. */
export function asMaxUserOp(app: TestApp, user: FakeMaxUser) {
  return <TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
  ) => executeOperationOk(app, document, variables, asBot('max', String(user.user_id)));
}
