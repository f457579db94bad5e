import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { newTelegramUser, startTelegramHarness, type TelegramHarness } from './telegram-harness.js';

const SECRET = 'webhook-secret-0123456789';
let app: TestApp;
let harness: TelegramHarness;
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
  harness = await startTelegramHarness(app, {
    TELEGRAM_WEBHOOK_DOMAIN: 'bot.example.com',
    TELEGRAM_WEBHOOK_PORT: String(port),
    TELEGRAM_WEBHOOK_SECRET: SECRET,
  });
});

afterAll(async () => {
  await harness?.stop();
  await app?.stop();
});

function post(update: object, secret?: string) {
  return fetch(`http://127.0.0.1:${port}/telegram`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(secret && { 'x-telegram-bot-api-secret-token': secret }),
    },
    body: JSON.stringify(update),
  });
}

it('registers the webhook with its secret and handles only updates that carry it', async () => {
  const fake = harness.fake;
  await fake.waitFor(() => fake.webhookUrl());
  expect(fake.webhookUrl()).toBe('https://bot.example.com/telegram');
  const setWebhook = fake.calls.find((call) => call.method === 'setWebhook');
  expect(setWebhook?.payload.secret_token).toBe(SECRET);

  const user = newTelegramUser();
  const update = (updateId: number) => ({
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: user.id, type: 'private', first_name: user.first_name },
      from: { ...user, is_bot: false },
      text: '/help',
      entities: [{ type: 'bot_command', offset: 0, length: 5 }],
    },
  });

  expect((await post(update(1))).status).toBe(403);
  expect((await post(update(2), 'wrong-secret-0123456789')).status).toBe(403);
  expect((await post(update(3), SECRET)).status).toBe(200);
  const help = await fake.nextMessage(user.id);
  expect(help.plainText).toContain('Что я умею');
  expect(fake.messages(user.id)).toHaveLength(1);
  expect(fake.calls.some((call) => call.method === 'getUpdates')).toBe(false);
});
