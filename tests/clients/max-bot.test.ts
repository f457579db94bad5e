import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { COMMANDS } from '../../src/clients/shared/features/registry.js';
import { textsFor } from '../../src/clients/shared/texts.js';
import { BotCheckProfileDocument } from '../gql/graphql.js';
import type { FakeMaxUser } from '../support/fake-max-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  asMaxUserOp,
  buttonsOf,
  editedTo,
  newMaxUser,
  press,
  startMaxHarness,
  type MaxHarness,
} from './max-harness.js';

// What only the MAX bot does; the scenarios both bots share are in bot-platforms.test.ts.

let app: TestApp;
let harness: MaxHarness;

beforeAll(async () => {
  app = await startTestApp();
  harness = await startMaxHarness(app);
});

afterAll(async () => {
  await harness?.stop();
  await app?.stop();
});

const fake = () => harness.fake;
const chat = (user: FakeMaxUser) => fake().chatIdOf(user);
const next = (user: FakeMaxUser, timeoutMs?: number) => fake().nextMessage(chat(user), timeoutMs);
const answerOf = (callbackId: string) => fake().answers.find((a) => a.callback_id === callbackId);

async function started(locale = 'ru') {
  const user = newMaxUser(locale);
  fake().botStarted(user);
  const greeting = await next(user); // its own message: the menu below it is the one edited
  const menu = await next(user);
  return { user, greeting, menu, op: asMaxUserOp(app, user) };
}

describe('MAX bot', () => {
  it('the Start button registers the user through the API, greets in their language and shows the menu', async () => {
    const { user, greeting, menu, op } = await started('ru');
    expect(greeting.plainText).toContain(`Привет, ${user.first_name}!`);
    expect(menu.format).toBe('html');
    expect(buttonsOf(menu).map((b) => b.text)).toEqual(
      expect.arrayContaining(['🎯 Мои цели', '📅 Календарь', '⚙️ Настройки', '❓ Помощь']),
    );
    expect(buttonsOf(menu).every((b) => b.type === 'callback')).toBe(true);
    const { me } = await op(BotCheckProfileDocument, {});
    expect(me).toEqual({ displayName: user.first_name, settings: { language: 'RU' } });

    // Typed "/start" works too (the library's command('start') would not see "/start x").
    const english = newMaxUser('en');
    fake().sendText(english, '/start from-a-link');
    expect((await next(english)).plainText).toContain(`Hi, ${english.first_name}!`);
    const englishMenu = await next(english);
    expect(buttonsOf(englishMenu).map((b) => b.text)).toContain('🎯 My goals');

    // One list for everyone on MAX: each description in Russian and English.
    const [ru, en] = [textsFor('ru'), textsFor('en')];
    expect(fake().commands()).toEqual(
      COMMANDS.map((name) => ({
        name,
        description: `${ru.commands[name]} · ${en.commands[name]}`,
      })),
    );
  });

  it('writes to the dialog chat, not to the user id', async () => {
    const { user } = await started();
    const sends = fake().calls.filter((call) => call.route === 'POST /messages');
    expect(sends.at(-1)?.query).toEqual({
      chat_id: String(chat(user)),
      disable_link_preview: 'true',
    });
    expect(chat(user)).not.toBe(user.user_id);
  });

  it('edits a message in place with PUT /messages by its mid, answering every press', async () => {
    const { user, menu } = await started();
    const goalsPress = press(fake(), user, menu, /Мои цели/);
    const goals = await editedTo(fake(), menu, 1);
    expect(goals.plainText).toContain('Целей пока нет');
    const menuPress = press(fake(), user, goals, /Меню/);
    const back = await editedTo(fake(), menu, 2);
    expect(back.plainText).toContain('Главное меню');
    expect(fake().messages(chat(user))).toHaveLength(2); // the greeting and the menu
    await fake().waitFor(() => answerOf(goalsPress) && answerOf(menuPress));
    expect(
      fake()
        .calls.filter((call) => call.route === 'PUT /messages')
        .at(-1)?.query,
    ).toEqual({
      message_id: menu.mid,
    });
  });

  it('keeps within 2 messages per second in a chat without being refused', async () => {
    // MAX's real limits, on the bot and on the fake (the other tests run both fast).
    const real = await startMaxHarness(app, {}, {}, 'platform');
    try {
      const user = newMaxUser();
      const chatId = real.fake.chatIdOf(user);
      for (let i = 0; i < 5; i++) real.fake.sendText(user, '/help');
      const sent = [];
      for (let i = 0; i < 5; i++) sent.push(await real.fake.nextMessage(chatId));
      expect(sent.every((message) => message.plainText.includes('Что я умею'))).toBe(true);
      expect(real.fake.tooManyRequests).toBe(0);
    } finally {
      await real.stop();
    }
  });

  it('survives an empty voice update and a message with text null, and keeps working', async () => {
    const { user } = await started();
    const exitCode = process.exitCode;
    fake().sendEmptyVoice(user);
    fake().sendTextNull(user);
    const polite = await next(user);
    expect(polite.plainText).toBe(textsFor('ru').unsupported);
    fake().sendText(user, '/help');
    expect((await next(user)).plainText).toContain('Что я умею');
    // The empty update names no chat: nothing was sent for it, and nothing crashed. The four:
    // the greeting, the menu, the polite line and the help.
    expect(fake().messages(chat(user))).toHaveLength(4);
    expect(process.exitCode).toBe(exitCode);
  });

  it('answers a bare voice note that names its chat as any voice note', async () => {
    const { user } = await started();
    fake().sendBareVoice(user);
    expect((await next(user)).plainText).toBe(textsFor('ru').voiceUnavailable);
  });
});
