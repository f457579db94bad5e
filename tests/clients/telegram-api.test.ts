import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Markup, Telegraf, Telegram, TelegramError } from 'telegraf';
import { SendQueue, type SendQueueOptions } from '../../src/clients/shared/outbound/send-queue.js';
import { screen } from '../../src/clients/shared/screen.js';
import { TELEGRAM_LIMITS, classifyTelegramError } from '../../src/clients/telegram/telegram-api.js';
import { TelegramMessenger } from '../../src/clients/telegram/telegram-messenger.js';
import { FAST_LIMITS } from '../support/fast-limits.js';
import {
  startFakeTelegramServer,
  type ApiCall,
  type FakeTelegramServer,
} from '../support/fake-telegram-server.js';

let fake: FakeTelegramServer;
/** For tests whose subject is not the limits: bot and fake both at fast limits. */
let fastFake: FakeTelegramServer;
const queues: SendQueue[] = [];

beforeAll(async () => {
  fake = await startFakeTelegramServer();
  fastFake = await startFakeTelegramServer({ rateLimits: FAST_LIMITS });
});

afterAll(async () => {
  await Promise.all(queues.map((queue) => queue.stop(1000)));
  await Promise.all([fake.close(), fastFake.close()]);
});

/** A fresh chat id per test, so flood windows of earlier tests do not interfere. */
let lastChat = 5000;
const newChat = () => ++lastChat;

/** The bot's Telegram messenger with its SendQueue, at Telegram's real limits unless `fast`. */
function limitedClient(options: Partial<SendQueueOptions> = {}, fast = false) {
  const server = fast ? fastFake : fake;
  const queue = new SendQueue({
    limits: fast ? FAST_LIMITS : TELEGRAM_LIMITS,
    classify: classifyTelegramError,
    backoffBaseMs: 100,
    ...options,
  });
  queues.push(queue);
  const telegram = new Telegram(server.token, { apiRoot: server.apiRoot });
  return { queue, telegram, server, messenger: new TelegramMessenger(telegram, queue) };
}

const callsTo = (method: string, chatId: number, server = fake): ApiCall[] =>
  server.calls.filter(
    (call) => call.method === method && String(call.payload.chat_id) === String(chatId),
  );

describe('TelegramMessenger with its SendQueue', () => {
  it('waits out a 429 for retry_after, then sends', async () => {
    const { messenger } = limitedClient();
    const chat = newChat();
    fake.failNext('sendMessage', { status: 429, retryAfter: 1 });

    await messenger.send(String(chat), screen('after the flood'));

    expect(fake.messages(chat).map((m) => m.text)).toEqual(['after the flood']);
    const [limited, accepted] = callsTo('sendMessage', chat);
    expect([limited?.status, accepted?.status]).toEqual([429, 200]);
    expect(accepted!.at - limited!.at).toBeGreaterThanOrEqual(1000);
  });

  it('retries 500s and network failures', async () => {
    const { messenger, server } = limitedClient({ backoffBaseMs: 100 }, true);
    const chat = newChat();
    server.failNext('sendMessage', { status: 500 }, 2);
    server.failNext('sendMessage', { network: true });

    await messenger.send(String(chat), screen('eventually'));

    const statuses = callsTo('sendMessage', chat, server).map((call) => call.status);
    expect(statuses).toEqual([500, 500, 'network', 200]);
    expect(server.messages(chat).map((m) => m.text)).toEqual(['eventually']);
  });

  it('backs off exponentially between retries of a call bound to no chat', async () => {
    // A chat-less call, so only the back-off (not the chat's 1 s spacing) separates tries.
    const { queue, telegram } = limitedClient({ backoffBaseMs: 100 });
    const start = fake.calls.length;
    fake.failNext('getMe', { status: 500 }, 3);

    await queue.enqueue(null, () => telegram.getMe());

    const calls = fake.calls.slice(start).filter((call) => call.method === 'getMe');
    expect(calls.map((call) => call.status)).toEqual([500, 500, 500, 200]);
    // Back-off n waits between half and all of 100 ms × 2^(n-1).
    const gaps = calls.slice(1).map((call, n) => call.at - calls[n]!.at);
    expect(gaps[0]).toBeGreaterThanOrEqual(50);
    expect(gaps[1]).toBeGreaterThanOrEqual(100);
    expect(gaps[2]).toBeGreaterThanOrEqual(200);
  });

  it('gives up after maxAttempts failures', async () => {
    const { messenger, server } = limitedClient({ maxAttempts: 3, backoffBaseMs: 10 }, true);
    const chat = newChat();
    server.failNext('sendMessage', { status: 502 }, 3);

    await expect(messenger.send(String(chat), screen('never'))).rejects.toMatchObject({
      code: 502,
    });
    expect(callsTo('sendMessage', chat, server)).toHaveLength(3);
  });

  it('does not retry a 400', async () => {
    const { messenger } = limitedClient();
    const chat = newChat();

    const error = await messenger
      .send(String(chat), screen('<b>unclosed'))
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TelegramError);
    expect((error as TelegramError).description).toMatch(/^Bad Request: can't parse entities/);
    expect(callsTo('sendMessage', chat)).toHaveLength(1);
  });

  it('delivers many messages to one chat in order, without a single 429', async () => {
    const { messenger } = limitedClient();
    const chat = newChat();
    const before = fake.tooManyRequests;

    const texts = ['one', 'two', 'three', 'four'];
    await Promise.all(texts.map((text) => messenger.send(String(chat), screen(text))));

    expect(fake.messages(chat).map((m) => m.text)).toEqual(texts);
    expect(fake.tooManyRequests).toBe(before);
  });

  it('is needed: the same burst without it is refused by the fake', async () => {
    const telegram = new Telegram(fake.token, { apiRoot: fake.apiRoot });
    const chat = newChat();

    const results = await Promise.allSettled(
      ['one', 'two', 'three'].map((text) => telegram.sendMessage(chat, text)),
    );

    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({
      code: 429,
      parameters: { retry_after: 1 },
    });
  });

  it("keeps a chat's order across a retry; typing does not use up the chat's slot", async () => {
    const { messenger } = limitedClient({ backoffBaseMs: 50 });
    const chat = newChat();
    fake.failNext('sendMessage', { status: 500 });

    await Promise.all([
      messenger.typing(String(chat)),
      messenger.send(String(chat), screen('first')),
      messenger.send(String(chat), screen('second')),
    ]);

    expect(fake.messages(chat).map((m) => m.text)).toEqual(['first', 'second']);
    expect(fake.chatActions(chat)).toEqual(['typing']);
    const [action, failed] = fake.calls.filter((c) => String(c.payload.chat_id) === String(chat));
    expect([action?.method, failed?.status]).toEqual(['sendChatAction', 500]);
  });

  it('edits in place, takes "not modified" as done, and sends anew when the message is gone', async () => {
    const { messenger, server } = limitedClient({}, true);
    const chat = newChat();
    const first = await messenger.send(String(chat), screen('<b>v1</b>'));

    await messenger.edit(String(chat), first, screen('<b>v2</b>'));
    await messenger.edit(String(chat), first, screen('<b>v2</b>'));
    await messenger.edit(String(chat), '999999', screen('fresh'));

    expect(server.messages(chat).map((m) => [m.plainText, m.edits])).toEqual([
      ['v2', 1],
      ['fresh', 0],
    ]);
  });
});

describe('the fake Telegram server', () => {
  let telegram: Telegram;
  beforeAll(() => {
    telegram = new Telegram(fake.token, { apiRoot: fake.apiRoot });
  });
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => 'accepted',
      (e: TelegramError) => e.description,
    );

  it('validates HTML like Telegram and counts only the visible text', async () => {
    const chat = newChat();
    const html = { parse_mode: 'HTML' as const };
    await expect(refusal(telegram.sendMessage(chat, '<b>bold', html))).resolves.toMatch(
      /can't parse entities: Can't find end tag corresponding to start tag "b"/,
    );
    await expect(refusal(telegram.sendMessage(chat, '<h1>x</h1>', html))).resolves.toMatch(
      /Unsupported start tag "h1"/,
    );
    await expect(refusal(telegram.sendMessage(chat, '2 < 3', html))).resolves.toMatch(
      /can't parse entities/,
    );
    await expect(refusal(telegram.sendMessage(chat, '<b>x</i>', html))).resolves.toMatch(
      /Unmatched end tag/,
    );

    const visible = `<b>${'a'.repeat(4090)}</b> &lt;&amp;&gt;`; // 4094 characters shown
    const sent = await telegram.sendMessage(chat, visible, html);
    expect(sent.text).toHaveLength(4094);
    expect(sent.entities).toEqual([{ type: 'bold', offset: 0, length: 4090 }]);
    const tooLong = `<i>${'a'.repeat(4097)}</i>`;
    await expect(refusal(telegram.sendMessage(chat, tooLong, html))).resolves.toBe(
      'Bad Request: message is too long',
    );
    await expect(refusal(telegram.sendMessage(chat, ' <b> </b> ', html))).resolves.toBe(
      'Bad Request: message text is empty',
    );
  });

  it('refuses callback_data over 64 bytes', async () => {
    const chat = newChat();
    const keyboard = (data: string) => Markup.inlineKeyboard([Markup.button.callback('Go', data)]);
    await expect(
      refusal(telegram.sendMessage(chat, 'x', keyboard('я'.repeat(33)))), // 66 bytes
    ).resolves.toBe('Bad Request: BUTTON_DATA_INVALID');
    await expect(refusal(telegram.sendMessage(chat, 'x', keyboard('я'.repeat(32))))).resolves.toBe(
      'accepted',
    );
  });

  it('edits like Telegram: missing message, no change, keyboard dropped without reply_markup', async () => {
    const chat = newChat();
    const keyboard = Markup.inlineKeyboard([Markup.button.callback('Done', 'done')]);
    const sent = await telegram.sendMessage(chat, 'Step 1', keyboard);

    await expect(refusal(telegram.editMessageText(chat, 999, undefined, 'x'))).resolves.toBe(
      'Bad Request: message to edit not found',
    );
    await expect(
      refusal(telegram.editMessageText(chat, sent.message_id, undefined, 'Step 1', keyboard)),
    ).resolves.toMatch(/^Bad Request: message is not modified/);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the chat's flood window
    await telegram.editMessageText(chat, sent.message_id, undefined, 'Step 1 ✓');

    const [message] = fake.messages(chat);
    expect(message).toMatchObject({ text: 'Step 1 ✓', edits: 1 });
    expect(message?.reply_markup).toBeUndefined();
  });

  it('delivers button presses to a bot and refuses a second answer', async () => {
    const bot = new Telegraf(fake.token, { telegram: { apiRoot: fake.apiRoot } });
    const answered: string[] = [];
    bot.action('done', async (ctx) => {
      await ctx.answerCbQuery('Saved');
      answered.push(ctx.callbackQuery.id);
    });
    const running = bot.launch();
    const user = { id: newChat(), first_name: 'Bob' };
    const menu = await telegram.sendMessage(
      user.id,
      'Menu',
      Markup.inlineKeyboard([Markup.button.callback('Done', 'done')]),
    );
    expect(() => fake.pressButton(user, menu.message_id, 'other')).toThrow(/no button/);

    const queryId = fake.pressButton(user, menu.message_id, 'done');
    await fake.waitFor(() => answered.includes(queryId));

    expect(fake.callbackAnswers.find((a) => a.callback_query_id === queryId)).toMatchObject({
      text: 'Saved',
      show_alert: false,
    });
    await expect(refusal(telegram.answerCbQuery(queryId))).resolves.toMatch(/query is too old/);
    bot.stop();
    await running;
  });

  it('serves a voice note the user sent', async () => {
    const bytes = new Uint8Array([79, 103, 103, 83, 0, 1, 2, 3]);
    const bot = new Telegraf(fake.token, { telegram: { apiRoot: fake.apiRoot } });
    const heard: Buffer[] = [];
    bot.on('voice', async (ctx) => {
      const link = await ctx.telegram.getFileLink(ctx.message.voice.file_id);
      heard.push(Buffer.from(await (await fetch(link)).arrayBuffer()));
    });
    const running = bot.launch();

    fake.sendVoice({ id: newChat(), first_name: 'Cy' }, bytes, 3);
    const [audio] = await fake.waitFor(() => heard.length && heard);

    expect([...audio!]).toEqual([...bytes]);
    bot.stop();
    await running;
  });

  it('keeps commands per language, records chat actions, and answers nextMessage in order', async () => {
    await telegram.setMyCommands([{ command: 'start', description: 'Start' }], {
      language_code: 'ru',
    });
    expect(fake.commands('ru')).toEqual([{ command: 'start', description: 'Start' }]);
    await expect(telegram.getMyCommands({ language_code: 'ru' })).resolves.toHaveLength(1);
    await expect(telegram.getMyCommands()).resolves.toEqual([]);
    await expect(
      refusal(telegram.setMyCommands([{ command: 'Bad-Name', description: 'x' }])),
    ).resolves.toBe('Bad Request: BOT_COMMAND_INVALID');

    const chat = newChat();
    await telegram.sendChatAction(chat, 'typing');
    expect(fake.chatActions(chat)).toEqual(['typing']);
    const next = fake.nextMessage(chat);
    await telegram.sendMessage(chat, 'first');
    await expect(next).resolves.toMatchObject({ text: 'first' });
  });

  it('posts updates to a local webhook with its secret and runs a method from the reply', async () => {
    const received: { secret?: string; update: any }[] = [];
    const hook = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const update = JSON.parse(body);
        const secret = req.headers['x-telegram-bot-api-secret-token'] as string | undefined;
        received.push({ secret, update });
        res.setHeader('content-type', 'application/json');
        // telegraf's webhookReply: the answer is a Bot API call.
        const chat_id = update.message.chat.id;
        res.end(JSON.stringify({ method: 'sendMessage', chat_id, text: 'via webhook' }));
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
    const user = { id: newChat(), first_name: 'Dee' };
    try {
      await telegram.setWebhook(url, { secret_token: 's3cret' });
      await expect(refusal(telegram.getUpdates(0, 100, 0, []))).resolves.toMatch(/^Conflict/);

      fake.sendText(user, '/start');
      const reply = await fake.nextMessage(user.id);

      expect(reply.text).toBe('via webhook');
      expect(received[0]).toMatchObject({
        secret: 's3cret',
        update: { message: { text: '/start', entities: [{ type: 'bot_command', length: 6 }] } },
      });
    } finally {
      await telegram.deleteWebhook();
      await new Promise((resolve) => hook.close(resolve));
    }
  });

  it('answers 429 with retry_after when over 30 messages a second', async () => {
    const chats = Array.from({ length: 35 }, newChat);
    const before = fake.tooManyRequests;

    const results = await Promise.allSettled(chats.map((chat) => telegram.sendMessage(chat, 'x')));

    const refused = results.filter((r) => r.status === 'rejected').length;
    expect(refused).toBeGreaterThanOrEqual(5);
    expect(fake.tooManyRequests - before).toBe(refused);
  });
});
