import {
  BotCheckCreateGoalDocument,
  BotCheckCreateReminderDocument,
  BotCheckDeleteGoalDocument,
  BotCheckGoalIdsDocument,
  BotCheckGoalProgressDocument,
  BotCheckGoalStepsDocument,
  BotCheckGoalTitlesDocument,
  BotCheckNotificationHistoryDocument,
  BotCheckProfileDocument,
} from '../gql/graphql.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { useOwnDatabase } from '../support/own-database.js';
import type { TestApp } from '../support/test-app.js';
import { eventsTomorrow } from './events-tomorrow.js';
import {
  maxDriver,
  press,
  telegramDriver,
  type PlatformDriver,
  type PlatformUser,
} from './platform-driver.js';
import { startWorkerApp } from '../jobs/job-helpers.js';

// The scenarios both messengers share, end to end: the real bot (library, adapter, core, send
// queue at fast limits) against the platform's fake server and the real API. Each feature's
// logic is covered in bot-core.test.ts; these check what goes through the adapters: commands,
// texts and buttons in and out, edits in place, press answers, typing, HTML, length limits,
// 429s, restarts and notification delivery. Platform-only behaviour: telegram-bot.test.ts and
// max-bot.test.ts.

// The bots' notifications come from a worker sweeping the whole database.
await useOwnDatabase();

let app: TestApp;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

beforeAll(async () => {
  app = await startWorkerApp();
});

afterAll(async () => {
  await app?.stop();
});

describe.each([
  ['Telegram', telegramDriver],
  ['MAX', maxDriver],
] as const)('%s bot', (_name, startDriver) => {
  let bot: PlatformDriver;

  beforeAll(async () => {
    bot = await startDriver(app);
  });

  afterAll(async () => {
    await bot?.stop();
  });

  async function started(languageCode = 'ru') {
    const user = bot.newUser(languageCode);
    bot.start(user);
    const greeting = await bot.next(user); // its own message: the menu below it is edited
    const menu = await bot.next(user);
    return { user, greeting, menu };
  }

  async function withGoal(user: PlatformUser, title: string) {
    bot.sendText(user, '/newgoal');
    expect((await bot.next(user)).plainText).toContain('Как назовём цель?');
    bot.sendText(user, title);
    // A new goal opens with the coach's review; its card is one tap away (edit 1).
    const review = await bot.next(user);
    expect(review.plainText).toMatch(/SMART: \d+\/100/u);
    press(bot, user, review, /Открыть цель/);
    return bot.editedTo(review, 1);
  }

  it('sends a goal progress chart as a PNG photo (Telegram sendPhoto, MAX image upload)', async () => {
    const { user } = await started();
    const card = await withGoal(user, 'Выучить испанский');
    const pressId = press(bot, user, card, /График прогресса/);
    await bot.answerOf(pressId);
    const photo = await bot.next(user);
    expect(Buffer.from(photo.photo!.subarray(0, 8))).toEqual(PNG_SIGNATURE);
    expect(photo.photo!.length).toBeGreaterThan(1000);
    expect(photo.plainText).toBe('📈 «Выучить испанский»: шаги сделано и по плану');
  });

  it('registers the user at start, greets in their language and shows the menu', async () => {
    const { user, greeting, menu } = await started('ru');
    expect(greeting.plainText).toContain(`Привет, ${user.name}!`);
    expect(menu.buttons.map((b) => b.text)).toEqual(
      expect.arrayContaining(['🎯 Мои цели', '📅 Календарь', '⚙️ Настройки', '❓ Помощь']),
    );
    const { me } = await user.op(BotCheckProfileDocument, {});
    expect(me).toEqual({ displayName: user.name, settings: { language: 'RU' } });

    const english = await started('en');
    expect(english.greeting.plainText).toContain(`Hi, ${english.user.name}!`);
    expect(english.menu.buttons.map((b) => b.text)).toContain('🎯 My goals');
  });

  it('navigates by buttons, editing the one message in place and answering every press', async () => {
    const { user, menu } = await started();
    const goalsPress = press(bot, user, menu, /Мои цели/);
    const goals = await bot.editedTo(menu, 1);
    expect(goals.plainText).toContain('Целей пока нет');
    const menuPress = press(bot, user, goals, /Меню/);
    const back = await bot.editedTo(menu, 2);
    expect(back.plainText).toContain('Главное меню');
    expect(bot.messages(user)).toHaveLength(2); // the greeting and the menu
    expect(await bot.answerOf(goalsPress)).toBe('');
    expect(await bot.answerOf(menuPress)).toBe('');
  });

  it('creates a goal, adds a step through a dialog and completes it with a button', async () => {
    const user = (await started()).user;
    const card = await withGoal(user, 'Выучить испанский');
    expect(card.plainText).toContain('🎯 Выучить испанский');
    expect(card.text).toContain('<b>Выучить испанский</b>');

    press(bot, user, card, /Изменить/);
    const editMenu = await bot.editedTo(card, 2);
    press(bot, user, editMenu, /Шаг/);
    expect((await bot.next(user)).plainText).toContain('Напишите шаг');
    bot.sendText(user, 'Купить учебник');
    const withStep = await bot.next(user);
    expect(withStep.plainText).toContain('⬜ 1. Купить учебник');

    const stepPress = press(bot, user, withStep, /⬜ 1\. Купить учебник/);
    const done = await bot.editedTo(withStep, 1);
    expect(done.plainText).toContain('✅ 1. Купить учебник');
    expect(done.plainText).toContain('100%');
    expect(await bot.answerOf(stepPress)).toBe('✅ Шаг выполнен');
    const { goals } = await user.op(BotCheckGoalProgressDocument, {});
    expect(goals.items).toEqual([
      { title: 'Выучить испанский', progress: 100, status: 'COMPLETED' },
    ]);
  });

  it('makes a plan in one edited message, then accepts it into the goal', async () => {
    const user = (await started()).user;
    const card = await withGoal(user, 'Пробежать 10 км к маю');
    press(bot, user, card, /План/);
    const proposal = await bot.waitFor(() => {
      const now = bot.current(card);
      return now.plainText.includes('Предлагаю такие шаги') && now;
    }, 10_000);
    expect(bot.messages(user).at(-1)?.id).toBe(card.id);
    press(bot, user, proposal, /Принять план/);
    const accepted = await bot.waitFor(() => {
      const now = bot.current(card);
      return now.plainText.includes('План принят') && now;
    });
    const { goals } = await user.op(BotCheckGoalStepsDocument, {});
    const steps = goals.items[0].steps;
    expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(accepted.plainText).toContain(`${steps.length} шагов`);
    expect(accepted.buttons.map((b) => b.text)).toContain('📆 В календарь');
  });

  it('sends free text to the assistant (offline engine) with a typing indicator', async () => {
    const { user } = await started();
    bot.sendText(user, 'встреча с Олей завтра в 15:00');
    const reply = await bot.next(user);
    expect(bot.sawTyping(user)).toBe(true);
    expect(reply.buttons.map((b) => b.text)).toContain('📅 Открыть событие');
    const events = await eventsTomorrow(user.op);
    expect(events).toHaveLength(1);
    expect(events[0].startLocal).toContain('T15:00');
    expect(reply.plainText).toContain(events[0].event.title);
  });

  it('keeps a multi-step edit across a bot restart', async () => {
    const { user } = await started();
    const card = await withGoal(user, 'Старое название');
    press(bot, user, card, /Изменить/);
    const editMenu = await bot.editedTo(card, 2);
    press(bot, user, editMenu, /Название/);
    expect((await bot.next(user)).plainText).toContain('новое название');

    await bot.restartBot();
    bot.sendText(user, 'Новое название');
    expect((await bot.next(user)).plainText).toContain('🎯 Новое название');
    const { goals, dialogState } = await user.op(BotCheckGoalTitlesDocument, {});
    expect(goals.items).toEqual([{ title: 'Новое название' }]);
    expect(dialogState?.dialog).toBeUndefined();
  });

  it('delivers a notification with buttons, acknowledges it, and snoozes once per press', async () => {
    const { user } = await started();
    await user.op(BotCheckCreateReminderDocument, {
      input: {
        type: 'ONE_TIME',
        text: 'Позвонить маме',
        triggerAt: new Date(Date.now() + 1000).toISOString(),
      },
    });
    const notification = await bot.next(user, 15_000);
    expect(notification.plainText).toContain('Позвонить маме');
    expect(notification.buttons.map((b) => b.text)).toEqual(
      expect.arrayContaining(['Готово', '💤 Через 10 мин', '💤 Через час']),
    );
    const history = async () =>
      (await user.op(BotCheckNotificationHistoryDocument, {})).notificationHistory.items;
    await bot.waitFor(async () => (await history())[0]?.status === 'DELIVERED', 8000);

    const snooze = notification.buttons.find((b) => b.text === '💤 Через 10 мин')!;
    bot.pressData(user, notification, snooze.data!);
    const snoozed = await bot.editedTo(notification, 1);
    expect(snoozed.plainText).toContain('Позвонить маме');
    expect(snoozed.plainText).toContain('Отложено');
    expect(snoozed.buttons).toEqual([]);

    // The same button again, from an old copy of the message: harmless.
    const again = bot.pressData(user, notification, snooze.data!, true);
    await bot.answerOf(again);
    const pending = (await history()).filter((row: { status: string }) => row.status === 'PENDING');
    expect(pending).toHaveLength(1);
    expect(Date.parse(pending[0].availableAt) - Date.now()).toBeGreaterThan(8 * 60_000);
  }, 30_000);

  it('waits after a 429 and then sends', async () => {
    const { user } = await started();
    bot.refuseNextSend();
    bot.sendText(user, '/help');
    expect((await bot.next(user)).plainText).toContain('Что я умею');
    const attempts = bot.sendAttempts(user);
    const refused = attempts.findIndex((call) => call.status === 429);
    expect(refused).toBeGreaterThanOrEqual(0);
    const retried = attempts[refused + 1]!;
    expect(retried.status).toBe(200);
    expect(retried.at - attempts[refused]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('escapes hostile titles and keeps long screens within the text limit', async () => {
    const { user } = await started();
    const hostile = '<script>alert("x")</script> & Co <b>';
    const card = await withGoal(user, hostile);
    expect(card.plainText).toContain(`🎯 ${hostile}`);
    expect(card.text).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; Co &lt;b&gt;');

    const long = (n: number) => `Шаг ${n} ${'очень длинное описание '.repeat(9)}`.slice(0, 200);
    await user.op(BotCheckCreateGoalDocument, {
      input: {
        title: 'Длинная',
        steps: Array.from({ length: 30 }, (_, i) => ({ title: long(i) })),
      },
    });
    bot.sendText(user, '/goals');
    const list = await bot.next(user);
    press(bot, user, list, /Длинная/);
    const edited = await bot.editedTo(list, 1);
    expect(edited.plainText.length).toBeLessThanOrEqual(bot.textLimit);
    expect(edited.plainText).toContain('🎯 Длинная');

    press(bot, user, edited, /Изменить/);
    const editMenu = await bot.editedTo(list, 2);
    press(bot, user, editMenu, /Шаг/);
    await bot.next(user);
    bot.sendText(user, 'Последний шаг');
    const first = await bot.next(user);
    const second = await bot.next(user);
    expect(first.plainText.length).toBeLessThanOrEqual(bot.textLimit);
    expect(first.plainText.length).toBeGreaterThan(3000);
    expect(second.plainText.length).toBeLessThanOrEqual(bot.textLimit);
    expect(first.buttons).toEqual([]);
    expect(second.plainText).toContain('31. Последний шаг');
    expect(second.buttons.length).toBeGreaterThan(0);
  });

  it('answers outdated, forged and stale buttons politely and keeps working', async () => {
    const { user, menu } = await started();
    const forged = bot.pressData(user, menu, 'zz:nonsense', true);
    expect(await bot.answerOf(forged)).toBe('Эта кнопка устарела.');
    expect((await bot.next(user)).plainText).toContain('Вот меню');

    const card = await withGoal(user, 'Скоро исчезнет');
    const { goals } = await user.op(BotCheckGoalIdsDocument, {});
    await user.op(BotCheckDeleteGoalDocument, { id: goals.items[0].id });
    const stale = press(bot, user, card, /Изменить/);
    // The card is the review's message after its first edit: the notice is the second.
    const refreshed = await bot.editedTo(card, 2);
    expect(refreshed.plainText).toContain('Цель удалена');
    expect(await bot.answerOf(stale)).toBe('Цель удалена');

    bot.sendVoice(user);
    expect((await bot.next(user)).plainText).toContain('Голосовые сообщения');
  });
});
