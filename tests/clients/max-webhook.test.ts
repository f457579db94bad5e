import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import { startMaxBot } from '../../src/clients/max/start.js';
import { createLogger } from '../../src/logger.js';
import { startTestApp, testConfig, type TestApp } from '../support/test-app.js';
import { newMaxUser, startMaxHarness, type MaxHarness } from './max-harness.js';

const SECRET = 'max-webhook-secret-0123456789';
let app: TestApp;
let harness: MaxHarness;
let port: number;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  app = await startTestApp();
  port = await freePort();
  harness = await startMaxHarness(app, {
    MAX_WEBHOOK_URL: `http://127.0.0.1:${port}/max`,
    MAX_WEBHOOK_PORT: String(port),
    MAX_WEBHOOK_SECRET: SECRET,
  });
});

afterAll(async () => {
  await harness?.stop();
  await app?.stop();
});

function post(update: object, secret?: string) {
  return fetch(`http://127.0.0.1:${port}/max`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(secret && { 'x-max-bot-api-secret': secret }),
    },
    body: JSON.stringify(update),
  });
}

it('subscribes the webhook with its secret and handles only updates that carry it', async () => {
  const fake = harness.fake;
  expect(fake.subscriptions()).toEqual([
    expect.objectContaining({ url: `http://127.0.0.1:${port}/max`, secret: SECRET }),
  ]);
  expect(fake.subscriptions()[0]!.update_types).toEqual(
    expect.arrayContaining(['message_created', 'message_callback', 'bot_started']),
  );

  // Updates MAX delivers (with the secret) are handled.
  const user = newMaxUser();
  fake.botStarted(user);
  const greeting = await fake.nextMessage(fake.chatIdOf(user));
  expect(greeting.plainText).toContain('Я maxOn');
  const menu = await fake.nextMessage(fake.chatIdOf(user));
  expect(menu.plainText).toContain('Главное меню');
  expect(fake.webhookDeliveries.every((delivery) => delivery.status === 200)).toBe(true);

  // Forged ones are refused and not handled.
  const intruder = newMaxUser();
  const chatId = 555_000_000 + intruder.user_id;
  const update = {
    update_type: 'bot_started',
    timestamp: Date.now(),
    chat_id: chatId,
    user: { user_id: intruder.user_id, first_name: 'Intruder', name: 'Intruder', is_bot: false },
  };
  expect((await post(update)).status).toBe(401);
  expect((await post(update, 'wrong-secret-0123456789')).status).toBe(403);
  fake.sendText(user, '/help');
  expect((await fake.nextMessage(fake.chatIdOf(user))).plainText).toContain('Что я умею');
  expect(fake.calls.some((call) => call.query.chat_id === String(chatId))).toBe(false);
  expect(fake.calls.some((call) => call.route === 'GET /updates')).toBe(false);
  expect(fake.calls.some((call) => call.route === 'DELETE /subscriptions')).toBe(false);
});

it('keeps the subscription when stopped, and long polling removes it', async () => {
  const fake = harness.fake;
  await harness.bot.stop();
  expect(fake.subscriptions()).toHaveLength(1);
  // The same bot without MAX_WEBHOOK_URL: long polling, which needs the subscription gone.
  const polling = testConfig({ MAX_BOT_TOKEN: fake.token, MAX_API_URL: fake.baseUrl });
  harness.bot = await startMaxBot(polling, createLogger(polling.LOG_LEVEL), {
    apiUrl: app.graphqlUrl,
  });
  expect(fake.subscriptions()).toEqual([]);
  const user = newMaxUser();
  fake.sendText(user, '/help');
  expect((await fake.nextMessage(fake.chatIdOf(user))).plainText).toContain('Что я умею');
  expect(fake.calls.some((call) => call.route === 'GET /updates')).toBe(true);
});
