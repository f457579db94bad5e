import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { COMMANDS } from '../../src/clients/shared/features/registry.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { BotCheckCreateHabitDocument, BotCheckHabitDoneDocument } from '../gql/graphql.js';
import {
  asTelegramUserOp,
  buttonsOf,
  editedTo,
  newTelegramUser,
  press,
  startTelegramHarness,
  type TelegramHarness,
} from './telegram-harness.js';

// What only the Telegram bot does; the scenarios both bots share are in bot-platforms.test.ts.

let app: TestApp;
let harness: TelegramHarness;

beforeAll(async () => {
  app = await startTestApp();
  harness = await startTelegramHarness(app);
});

afterAll(async () => {
  await harness?.stop();
  await app?.stop();
});

const fake = () => harness.fake;

describe('Telegram bot', () => {
  it('publishes its commands in Russian by default and in English for English users', () => {
    expect(
      fake()
        .commands()
        .map((c) => c.command),
    ).toEqual([...COMMANDS]);
    expect(
      fake()
        .commands()
        .find((c) => c.command === 'goals')?.description,
    ).toBe('Мои цели');
    expect(
      fake()
        .commands('en')
        .find((c) => c.command === 'goals')?.description,
    ).toBe('My goals');
  });

  it('takes a command addressed to the bot by name, with arguments', async () => {
    const user = newTelegramUser('ru');
    fake().sendText(user, `/start@${fake().botInfo.username} from-a-link`);
    expect((await fake().nextMessage(user.id)).plainText).toContain(`Привет, ${user.first_name}!`);
    expect((await fake().nextMessage(user.id)).plainText).toContain('Главное меню');
    fake().sendText(user, `/help@${fake().botInfo.username}`);
    const help = await fake().nextMessage(user.id);
    expect(help.plainText).toContain('Что я умею');
    expect(help.parse_mode).toBe('HTML');
  });

  it('has a web button in the menu that sends a one-time sign-in link when no https address is set', async () => {
    expect(fake().menuButton()).toBeUndefined();
    const user = newTelegramUser('ru');
    fake().sendText(user, '/menu');
    const menu = await fake().nextMessage(user.id);
    press(fake(), user, menu, /Веб-версия/);
    const link = await editedTo(fake(), menu, 1);
    expect(link.plainText).toContain('Ссылка для входа в maxOn');
    expect(buttonsOf(link)).toEqual([
      { text: '🌐 Открыть maxOn', url: expect.stringMatching(/\/app#signin=[\w-]{20,}$/) },
    ]);
  });

  it('opens the web client as a Mini App from the menu and the chat menu button at a public https address', async () => {
    const withApp = await startTelegramHarness(app, { PUBLIC_URL: 'https://maxon.example.com' });
    try {
      expect(withApp.fake.menuButton()).toEqual({
        type: 'web_app',
        text: 'maxOn',
        web_app: { url: 'https://maxon.example.com/app' },
      });
      const user = newTelegramUser('en');
      withApp.fake.sendText(user, '/menu');
      const menu = await withApp.fake.nextMessage(user.id);
      expect(buttonsOf(menu)).toContainEqual({
        text: '🌐 Web app',
        web_app: { url: 'https://maxon.example.com/app' },
      });
    } finally {
      await withApp.stop();
    }
  });

  it('shows /today with a habit checked in by a tap, the message edited in place', async () => {
    const user = newTelegramUser('ru');
    fake().sendText(user, '/start');
    await fake().nextMessage(user.id);
    await fake().nextMessage(user.id);
    const { createHabit } = await asTelegramUserOp(app, user)(BotCheckCreateHabitDocument, {
      input: { title: 'Вода <2 л>', schedule: { kind: 'DAILY' } },
    });
    fake().sendText(user, '/today');
    const day = await fake().nextMessage(user.id);
    expect(day.parse_mode).toBe('HTML');
    expect(day.text).toContain('⬜ Вода &lt;2 л&gt; · 🔥0');
    const stale = buttonsOf(day).find((b) => b.text.startsWith('⬜ Вода'))!.callback_data!;
    const first = press(fake(), user, day, /⬜ Вода/);
    const checked = await editedTo(fake(), day, 1);
    expect(checked.plainText).toContain('✅ Вода <2 л> · 🔥1');
    const answerOf = (id: string) =>
      fake().waitFor(() => fake().callbackAnswers.find((a) => a.callback_query_id === id));
    expect((await answerOf(first)).text).toBe('✅ Отмечено · 🔥 1');
    // A double tap: the old keyboard's button arrives again (forced: the fake already shows the
    // new keyboard). Answered, nothing checked in twice.
    const second = fake().pressButton(user, day.message_id, stale, { force: true });
    expect((await answerOf(second)).text).toBe('✅ Уже отмечено');
    const { habit } = await asTelegramUserOp(app, user)(BotCheckHabitDoneDocument, {
      id: createHabit.id,
    });
    expect(habit?.doneCount).toBe(1);
  });
});
