import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import {
  BotCheckCreateEventDocument,
  BotCheckGoalStepsDocument,
  BotCheckNotificationSettingsDocument,
  BotCheckTimeSettingsDocument,
  JourneyGoalsDocument,
  JourneySettingsDocument,
} from '../gql/graphql.js';
import { notificationScreen } from '../../src/clients/shared/features/notifications/notifications.views.js';
import { unpackCallback } from '../../src/clients/shared/features/registry.js';
import type { NotificationFieldsFragment } from '../../src/clients/shared/gql/graphql.js';
import { textsFor } from '../../src/clients/shared/texts.js';
import { Language } from '../../src/entities/index.js';
import { doneAndSnoozeActions } from '../../src/services/notifications/texts.js';
import { labels, type BotUser } from '../support/bot-user.js';
import { journeySteps } from '../support/bot-journey.js';
import { FAST_WORKER } from '../jobs/job-helpers.js';
import { MemoryBot } from '../support/memory-bot.js';
import { useOwnDatabase } from '../support/own-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 18, "Failures": each item reproduced in the shared core (in-memory messenger, real API).
// No answer here may be the generic apology.

await useOwnDatabase();

let app: TestApp;
let bot: MemoryBot;

beforeAll(async () => {
  app = await startTestApp(FAST_WORKER);
  bot = new MemoryBot(app);
  await bot.start();
  steps = journeySteps(app, bot);
});

afterAll(async () => {
  await bot?.stop();
  await app?.stop();
});

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
let steps: ReturnType<typeof journeySteps>;
const started = (languageCode?: string) => steps.started(languageCode);
const expectNoApology = (user: BotUser) => steps.expectNoApology(user);
const withGoal = (user: BotUser, title: string) => steps.withGoal(user, title);

async function proposalOn(user: BotUser, card: { id: string }) {
  return bot.waitFor(() => {
    const now = user.now(card as never);
    return now.text.includes('Предлагаю такие шаги') && now;
  });
}

describe('1: quick replies after a new goal are actions', () => {
  it('both buttons of the reply work, in any order, and add no step named after them', async () => {
    const { user } = await started();
    const reply = await user.say('хочу выучить испанский к лету');
    expect(labels(reply)).toEqual(
      expect.arrayContaining(['Проверить по SMART', 'Разбить на шаги']),
    );
    // The reply turns into the review when pressed: the other button is pressed as a
    // double tap on the reply as it was.
    const plan = user.dataOf(reply, /Разбить на шаги/);
    expect((await user.press(reply, /Проверить по SMART/)) ?? '').not.toMatch(/устарела/);
    const smart = user.last();
    expect(smart.text).toMatch(/SMART/);
    expect(smart.text).not.toMatch(/Не понял/);

    expect((await user.pressData(reply, plan)) ?? '').not.toMatch(/устарела/);
    await proposalOn(user, reply);
    const { goals } = await user.op(BotCheckGoalStepsDocument, {});
    expect(goals.items[0].steps.map((step: { title: string }) => step.title)).not.toContain(
      'Разбить',
    );
    expectNoApology(user);
  });
});

describe('2: cancel during plan generation cancels', () => {
  it('a cancel pressed while the plan is made is final', async () => {
    const { user } = await started();
    const card = await withGoal(user, 'Пробежать 10 км к маю');
    const plan = user.dataOf(card, /План/);
    const planPress = user.pressData(card, plan);
    // The progress screen's cancel button, pressed as soon as it is there.
    const progress = await bot.waitFor(() => user.now(card).text.includes('Составляю план'));
    expect(progress).toBe(true);
    const cancel = user.dataOf(card, /Отменить/);
    await Promise.all([planPress, user.pressData(card, cancel)]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(user.now(card).text).toContain('Составление плана отменено');
    expect(user.now(card).text).not.toContain('Предлагаю такие шаги');
    expectNoApology(user);
  });
});

describe('3: accepting a plan twice', () => {
  it('says the plan is accepted already and shows the goal', async () => {
    const { user } = await started();
    const card = await withGoal(user, 'Выучить испанский');
    await user.press(card, /План/);
    const proposal = await proposalOn(user, card);
    const accept = user.dataOf(proposal, /Принять план/);
    await user.pressData(proposal, accept);
    expect(await user.pressData(proposal, accept)).toBe('План уже принят');
    expect(user.now(card).text).toContain('🎯 Выучить испанский');
    const { goals } = await user.op(BotCheckGoalStepsDocument, {});
    const titles = goals.items[0].steps.map((step: { title: string }) => step.title);
    expect(new Set(titles).size).toBe(titles.length);
    expectNoApology(user);
  });
});

describe('4: a dialog whose object is gone, and a new request inside a dialog', () => {
  async function eventWithTimeDialog() {
    const { user } = await started();
    const start = DateTime.now().setZone('Europe/Moscow').plus({ days: 2 }).set({ hour: 11 });
    await user.op(BotCheckCreateEventDocument, {
      input: { title: 'Стоматолог', start: start.set({ minute: 0 }).toISO()! },
    });
    const week = await user.say('/events');
    await user.press(week, /Стоматолог/);
    const card = user.now(week);
    await user.press(card, /Время/);
    return { user, card };
  }

  it('a clear new request leaves the dialog and is answered', async () => {
    const { user, card } = await eventWithTimeDialog();
    await user.press(card, /Удалить/);
    await user.press(card, /Да, удалить/);
    const reply = await user.say('что у меня завтра?');
    expect(reply.text).not.toMatch(/Не понял время/);
    expect((await user.say('что у меня завтра?')).text).not.toMatch(/Не понял время/);
    const { dialogState } = await user.op(BotCheckTimeSettingsDocument, {});
    expect(dialogState?.dialog).toBeUndefined();
    expectNoApology(user);
  });

  it('an answer to a dialog whose event is gone ends it with one line', async () => {
    const { user, card } = await eventWithTimeDialog();
    await user.press(card, /Удалить/);
    await user.press(card, /Да, удалить/);
    const reply = await user.say('16:30');
    expect(reply.text).toMatch(/Событие удалено/);
    expect(labels(reply)).toContain('🏠 Меню');
    const { dialogState } = await user.op(BotCheckTimeSettingsDocument, {});
    expect(dialogState?.dialog).toBeUndefined();
    expectNoApology(user);
  });

  it('a command leaves a dialog', async () => {
    const { user } = await eventWithTimeDialog();
    expect((await user.say('/goals')).text).toContain('Целей пока нет');
    const { dialogState } = await user.op(BotCheckTimeSettingsDocument, {});
    expect(dialogState?.dialog).toBeUndefined();
  });
});

describe('5: too long a message', () => {
  it('says the limit, to the assistant and in a dialog', async () => {
    const { user } = await started();
    const long = 'очень длинное сообщение '.repeat(210);
    expect((await user.say(long)).text).toMatch(/2000/);
    await user.say('/newgoal');
    expect((await user.say('цель '.repeat(100))).text).toMatch(/200/);
    expect((await user.say('Короткая цель')).text).toContain('Короткая цель');
    expectNoApology(user);
  });
});

describe('6: stale buttons say what happened', () => {
  it('a deleted goal or event says so and offers the menu; an old format too', async () => {
    const { user } = await started();
    const card = await withGoal(user, 'Скоро исчезнет');
    const edit = user.dataOf(card, /Изменить/);
    await user.press(card, /Удалить/);
    await user.press(card, /Да, удалить/);
    expect(await user.pressData(card, edit)).toBe('Цель удалена');
    expect(user.now(card).text).toContain('Цель удалена');
    expect(labels(user.now(card))).toContain('🏠 Меню');

    const start = DateTime.now().setZone('Europe/Moscow').plus({ days: 1 }).set({ hour: 9 });
    const { createEvent } = await user.op(BotCheckCreateEventDocument, {
      input: { title: 'Исчезнет', start: start.toISO()! },
    });
    const week = await user.say('/events');
    const open = user.dataOf(week, /Исчезнет/);
    await user.press(week, /Исчезнет/);
    await user.press(week, /Удалить/);
    await user.press(week, /Да, удалить/);
    expect(createEvent.id).toBeTruthy();
    expect(await user.pressData(week, open)).toBe('Событие удалено');
    expect(user.now(week).text).toContain('Событие удалено');

    const old = await user.say('/menu');
    expect(await user.pressData(old, 'zz:from-an-old-version')).toMatch(/устарела/);
    expect(user.last().text).toMatch(/устарела/);
    expect(labels(user.last())).toContain('🎯 Мои цели');
    expectNoApology(user);
  });
});

describe('7: settings', () => {
  it('with all notifications off no kind reads as on', async () => {
    const { user } = await started();
    const settings = await user.say('/settings');
    await user.press(settings, /Все уведомления/);
    const kinds = labels(user.now(settings)).filter((label) =>
      /Утренний дайджест|Напоминания о событиях|Дедлайны/.test(label),
    );
    expect(kinds).toHaveLength(3);
    for (const label of kinds) expect(label).not.toContain('✅');
  });

  it('takes a city or a UTC offset for the timezone and suggests zones for a typo', async () => {
    const { user } = await started();
    const settings = await user.say('/settings');
    const timezone = async () =>
      (await user.op(BotCheckTimeSettingsDocument, {})).me.settings.timezone;
    await user.press(settings, /Часовой пояс/);
    expect((await user.say('London')).text).toContain('Europe/London');
    expect(await timezone()).toBe('Europe/London');
    await user.press(settings, /Часовой пояс/);
    expect((await user.say('Казань')).text).toContain('Europe/Moscow');
    await user.press(settings, /Часовой пояс/);
    expect((await user.say('Новосибирск')).text).toContain('Asia/Novosibirsk');
    await user.press(settings, /Часовой пояс/);
    await user.say('UTC+5');
    expect(await timezone()).toBe('Asia/Yekaterinburg');
    await user.press(settings, /Часовой пояс/);
    const typo = await user.say('Londn');
    expect(typo.text).not.toMatch(/validation|Argument/);
    expect(labels(typo)).toContain('Europe/London');
    await user.press(typo, /Europe\/London/);
    expect(await timezone()).toBe('Europe/London');
    expectNoApology(user);
  });

  it('takes quiet hours as people write them', async () => {
    const { user } = await started();
    const settings = await user.say('/settings');
    await user.press(settings, /Тихие часы/);
    expect((await user.say('23-7')).text).toContain('Тихие часы: 23:00–07:00');
    await user.press(settings, /Тихие часы/);
    expect((await user.say('с 22 до 8')).text).toContain('Тихие часы: 22:00–08:00');
    const { me } = await user.op(BotCheckTimeSettingsDocument, {});
    expect(me.settings).toMatchObject({ quietHoursStart: '22:00', quietHoursEnd: '08:00' });
    const { me: flags } = await user.op(BotCheckNotificationSettingsDocument, {});
    expect(flags.settings.language).toBe('RU');
  });
});

describe('8: reminders', () => {
  const remindNow = (user: BotUser, text: string) => steps.remindNow(user, text);

  it('a snooze keeps the text as it was and puts the status on its own line', async () => {
    const { user } = await started();
    const notification = await remindNow(user, 'Позвонить маме\nи папе');
    expect(notification.text).not.toMatch(/^(\p{Extended_Pictographic})\s*\1/u);
    await bot.waitFor(() => true);
    await user.press(notification, /Через 10 мин/);
    const shown = user.now(notification).text;
    expect(shown).toContain('Позвонить маме\nи папе');
    expect(shown).toMatch(/\n\n⏰ Отложено: 10 мин/);
  }, 30_000);

  const notification = (fields: Partial<NotificationFieldsFragment>) =>
    ({
      id: ID,
      kind: 'REMINDER',
      target: null,
      text: '',
      attempts: 1,
      refs: {},
      actions: [],
      ...fields,
    }) as NotificationFieldsFragment;

  it('an event reminder opens with one icon', () => {
    const shown = notificationScreen(
      notification({ kind: 'EVENT_REMINDER', text: '⏰ Через 15 мин: Встреча (15:00)' }),
      textsFor('ru'),
    );
    expect(shown.html).toBe('⏰ Через 15 мин: Встреча (15:00)');
  });

  it('a deadline warning offers snoozes and its goal', async () => {
    const { user } = await started();
    const card = await withGoal(user, 'Сдать отчёт');
    const goalId = unpackCallback(user.dataOf(card, /Изменить/)) as { goalId: string };
    const labelsOf = (language: Language) =>
      doneAndSnoozeActions(language).map((action) => ({
        // As the API sends them: the enums' GraphQL names.
        kind: action.kind.toUpperCase(),
        label: action.label,
        snooze: action.snooze?.toUpperCase() ?? null,
        stepId: null,
        habitId: null,
      }));
    const warning = notification({
      kind: 'DEADLINE_WARNING',
      text: '🎯 Сдать отчёт: до дедлайна 3 дня',
      refs: { goalId: goalId.goalId, daysLeft: 3 },
      actions: labelsOf(Language.RU) as unknown as NotificationFieldsFragment['actions'],
    });
    const message = bot.chats.show(user.id, notificationScreen(warning, textsFor('ru')));
    expect(labels(message)).toEqual(
      expect.arrayContaining(['Готово', '💤 Через час', '🎯 Открыть цель']),
    );
    await user.press(message, /Открыть цель/);
    expect(user.now(message).text).toContain('🎯 Сдать отчёт');
  });

  it('the evening nudge drops a done step and keeps the others', async () => {
    const { user } = await started();
    const card = await withGoal(user, 'Ремонт');
    await user.press(card, /Изменить/);
    await user.press(card, /Шаг/);
    await user.say('Купить краску');
    const { goals } = await user.op(JourneyGoalsDocument, {});
    const [step] = goals.items[0]!.steps;
    const nudge = notification({
      kind: 'OVERDUE_STEPS',
      text: '📌 Просрочены шаги:\n• Купить краску',
      actions: [
        { kind: 'COMPLETE_STEP', label: '✅ Купить краску', stepId: step.id },
        { kind: 'DONE', label: 'Готово' },
      ] as NotificationFieldsFragment['actions'],
    });
    const message = bot.chats.show(user.id, notificationScreen(nudge, textsFor('ru')));
    expect(await user.press(message, /Купить краску/)).toBe('✅ Шаг выполнен');
    expect(labels(user.now(message))).toEqual(['Готово']);
    expect(user.now(message).text).toContain('• Купить краску\n\n✅ Шаг выполнен: Купить краску');
  });
});

describe('onboarding, menu and screens that say what they are', () => {
  it('/start asks the timezone and language, offers examples, and keeps the greeting', async () => {
    const { user, menu } = await started('en');
    const greeting = user.messages()[0]!;
    expect(greeting.id).not.toBe(menu.id);
    expect(greeting.text).toContain('Timezone: UTC');
    expect(labels(greeting)).toEqual(expect.arrayContaining(['Europe/London', '🌐 Русский']));
    await user.press(greeting, /Europe\/London/);
    expect(user.now(greeting).text).toContain('Timezone: Europe/London');
    const { me } = await user.op(JourneySettingsDocument, {});
    expect(me.settings.timezone).toBe('Europe/London');

    await user.press(greeting, /What do I have this week/);
    expect(user.last().id).not.toBe(greeting.id);
    await user.press(menu, /My goals/);
    expect(user.now(greeting).text).toContain('Timezone: Europe/London');

    await user.press(greeting, /Русский/);
    expect(user.now(greeting).text).toContain('Часовой пояс: Europe/London');

    const russian = await started('ru');
    expect(russian.user.messages()[0]!.text).toContain('Часовой пояс: Europe/Moscow');
    expect(labels(russian.menu)).toEqual([
      '🎯 Мои цели',
      '📅 Календарь',
      '➕ Новая цель',
      '➕ Событие',
      '☀️ Сегодня',
      '🔁 Привычки',
      '⚙️ Настройки',
      '❓ Помощь',
      '🌐 Веб-версия',
    ]);
    expectNoApology(user);
  });

  it('"not understood" comes with ways on', async () => {
    const { user } = await started();
    const reply = await user.say('абвгд ёжз');
    expect(labels(reply)).toEqual(expect.arrayContaining(['🏠 Меню', '❓ Помощь']));
    expect(labels(reply)).toContain('➕ Событие');
    await user.press(reply, /➕ Событие/);
    expect(user.last().text).toContain('Что и когда?');
    const made = await user.say('Встреча с Олей завтра в 15:00');
    expect(labels(made)).toContain('📅 Открыть событие');
    expectNoApology(user);
  });

  it('a week has a title with its dates, an empty one too', async () => {
    const { user } = await started();
    const week = await user.say('/events');
    const monday = DateTime.now().setZone('Europe/Moscow').startOf('week');
    const sunday = monday.plus({ days: 6 });
    expect(week.text.split('\n')[0]).toContain(
      `📅 Неделя ${monday.setLocale('ru').toFormat(monday.month === sunday.month ? 'd' : 'd MMMM')}–${sunday.setLocale('ru').toFormat('d MMMM')}`,
    );
    expect(week.text).toContain('Событий нет.');
  });

  it('the goal card offers SMART and its step buttons do not look done', async () => {
    const { user } = await started();
    const card = await withGoal(user, 'Ремонт кухни');
    await user.press(card, /Изменить/);
    await user.press(card, /Шаг/);
    const withStep = await user.say('Купить краску');
    expect(labels(withStep)).toEqual(expect.arrayContaining(['⬜ 1. Купить краску', '✅ SMART']));
    await user.press(withStep, /SMART/);
    expect(user.last().text).toMatch(/SMART: \d+\/100/);
    expect(user.last().text).toContain('«Ремонт кухни»');
    const list = await user.say('/goals');
    expect(list.text).toContain('шагов: 0/1');
    expectNoApology(user);
  });
});
