import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { habitReminderJob } from '../../src/jobs/habit-reminder.job.js';
import { overdueStepsJob } from '../../src/jobs/overdue-steps.job.js';
import {
  BotCheckCreateEventDocument,
  BotCheckCreateGoalDocument,
  BotCheckCreateHabitDocument,
  BotCheckCreateReminderDocument,
  BotCheckDefaultRemindersDocument,
  BotCheckDeleteGoalDocument,
  BotCheckEventRemindersDocument,
  BotCheckGoalDeadlinesDocument,
  BotCheckGoalIdsDocument,
  BotCheckGoalProgressDocument,
  BotCheckGoalStepsDocument,
  BotCheckGoalTitlesDocument,
  BotCheckHabitDoneDocument,
  BotCheckHabitsDocument,
  BotCheckMeIdDocument,
  BotCheckNotificationHistoryDocument,
  BotCheckNotificationSettingsDocument,
  BotCheckProfileDocument,
  BotCheckTimeSettingsDocument,
} from '../gql/graphql.js';
import { FAST_WORKER } from '../jobs/job-helpers.js';
import { MemoryBot } from '../support/memory-bot.js';
import { useOwnDatabase } from '../support/own-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { labels, newBotUser, type BotUser } from '../support/bot-user.js';
import { eventsTomorrow } from './events-tomorrow.js';

// Every feature of the shared bot once, through createBot with an in-memory messenger against
// the real API: no messenger library, no HTTP fake, no send limits to wait for. What each
// adapter owns (formats, keyboards, limits, webhooks) is tested in the platform suites.

// Notifications come from a worker sweeping the whole database.
await useOwnDatabase();

let app: TestApp;
let bot: MemoryBot;

beforeAll(async () => {
  app = await startTestApp(FAST_WORKER);
  bot = new MemoryBot(app);
  await bot.start();
});

afterAll(async () => {
  await bot?.stop();
  await app?.stop();
});

async function started(languageCode = 'ru') {
  const user = newBotUser(app, bot, languageCode);
  const menu = await user.say('/start');
  return { user, menu };
}

async function withGoal(title: string) {
  const { user, menu } = await started();
  await user.say('/newgoal');
  // A new goal opens with the coach's review; its card is one tap away.
  const review = await user.say(title);
  await user.press(review, /Открыть цель/);
  const card = user.now(review);
  return { user, menu, card };
}

describe('menu', () => {
  it('/start registers the user, greets in their language and shows the menu', async () => {
    const { user, menu } = await started('ru');
    expect(user.messages()[0]!.text).toContain(`Привет, ${user.name}!`);
    expect(menu.text).toBe('Главное меню');
    expect(labels(menu)).toEqual(
      expect.arrayContaining([
        '🎯 Мои цели',
        '📅 Календарь',
        '➕ Событие',
        '⚙️ Настройки',
        '❓ Помощь',
      ]),
    );
    const { me } = await user.op(BotCheckProfileDocument, {});
    expect(me).toEqual({ displayName: user.name, settings: { language: 'RU' } });

    const english = await started('en-US');
    expect(english.user.messages()[0]!.text).toContain(`Hi, ${english.user.name}!`);
    expect(labels(english.menu)).toContain('🎯 My goals');
  });

  it('navigates by buttons in one edited message; help and unknown commands show help', async () => {
    const { user, menu } = await started();
    await user.press(menu, /Помощь/);
    expect(user.now(menu).text).toContain('Что я умею');
    await user.press(menu, /Меню/);
    expect(user.now(menu)).toMatchObject({ edits: 2, text: 'Главное меню' });
    expect(user.messages()).toHaveLength(2); // the greeting stays above the menu
    expect((await user.say('/nosuchcommand')).text).toContain('Что я умею');
    expect((await user.say('/menu')).text).toBe('Главное меню');
  });

  it('/cancel leaves a dialog, and says so when there is none', async () => {
    const { user } = await started();
    expect((await user.say('/cancel')).text).toBe('Нечего отменять.');
    expect((await user.say('/newgoal')).text).toContain('Как назовём цель?');
    expect((await user.say('/cancel')).text).toContain('Отменено');
    const reply = await user.say('просто текст');
    expect(reply.text).not.toContain('🎯 просто текст');
    const { goals, dialogState } = await user.op(BotCheckGoalIdsDocument, {});
    expect(goals.items).toEqual([]);
    expect(dialogState?.dialog).toBeUndefined();
  });

  it('answers what it cannot read, and a voice note while voice is off', async () => {
    const { user } = await started();
    await user.update({ kind: 'unsupported' });
    expect(user.last().text).toBe('Я понимаю текст и кнопки. Напишите, что нужно сделать.');
    await user.update({
      kind: 'voice',
      download: async () => ({ data: Buffer.from([1, 2, 3]), filename: 'voice.ogg' }),
    });
    expect(user.last().text).toContain('Голосовые сообщения');
  });
});

describe('goals', () => {
  it('creates a goal, adds a step through a dialog and completes it with a button', async () => {
    const { user, card } = await withGoal('Выучить испанский');
    expect(card.text).toContain('🎯 Выучить испанский');
    expect(card.html).toContain('<b>Выучить испанский</b>');

    await user.press(card, /Изменить/);
    await user.press(card, /Шаг/);
    expect(user.last().text).toContain('Напишите шаг');
    const withStep = await user.say('Купить учебник');
    expect(withStep.text).toContain('⬜ 1. Купить учебник');

    expect(await user.press(withStep, /⬜ 1\. Купить учебник/)).toBe('✅ Шаг выполнен');
    expect(user.now(withStep).text).toContain('✅ 1. Купить учебник');
    expect(user.now(withStep).text).toContain('100%');
    const { goals } = await user.op(BotCheckGoalProgressDocument, {});
    expect(goals.items).toEqual([
      { title: 'Выучить испанский', progress: 100, status: 'COMPLETED' },
    ]);
  });

  it('renames a goal and sets its deadline, asking again for a date it cannot read', async () => {
    const { user, card } = await withGoal('Старое название');
    await user.press(card, /Изменить/);
    await user.press(card, /Название/);
    const renamed = await user.say('Новое название');
    expect(renamed.text).toContain('🎯 Новое название');

    await user.press(renamed, /Изменить/);
    await user.press(renamed, /Дедлайн/);
    expect(user.last().text).toContain('Напишите дедлайн');
    expect((await user.say('абракадабра')).text).toContain('Не понял дату');
    expect((await user.say('31.12.2099')).text).toContain('Дедлайн: 31.12.2099');
    const { goals } = await user.op(BotCheckGoalDeadlinesDocument, {});
    expect(goals.items).toEqual([{ title: 'Новое название', targetDate: '2099-12-31' }]);
  });

  it('pages the goal list and deletes a goal after asking', async () => {
    const { user } = await started();
    for (let n = 1; n <= 9; n++) {
      await user.op(BotCheckCreateGoalDocument, {
        input: { title: `Цель ${n}` },
      });
    }
    const list = await user.say('/goals');
    expect(list.text.match(/🎯/g)).toHaveLength(8);
    await user.press(list, /▶️/);
    expect(user.now(list).text.match(/🎯/g)).toHaveLength(1);
    await user.press(list, /◀️/);
    const title = labels(user.now(list))[0]!.match(/Цель \d/)![0];
    await user.press(list, new RegExp(title));
    await user.press(list, /Удалить/);
    expect(user.now(list).text).toContain(`Удалить цель «${title}» со всеми шагами?`);
    expect(await user.press(list, /Да, удалить/)).toBe('Цель удалена.');
    expect(labels(user.now(list)).join()).not.toContain(title);
    const { goals } = await user.op(BotCheckGoalTitlesDocument, { limit: 20 });
    expect(goals.items).toHaveLength(8);
  });

  it('schedules the steps of a goal into the calendar', async () => {
    const { user, card } = await withGoal('Марафон');
    await user.press(card, /Изменить/);
    await user.press(card, /Шаг/);
    const withStep = await user.say('Пробежать 5 км');
    await user.press(withStep, /В календарь/);
    expect(user.messages().some((m) => m.text.startsWith('📆'))).toBe(true);
  });
});

describe('plan', () => {
  it('makes a plan in one edited message, then accepts it into the goal', async () => {
    const { user, card } = await withGoal('Пробежать 10 км к маю');
    await user.press(card, /План/);
    const proposal = await bot.waitFor(() => {
      const now = user.now(card);
      return now.text.includes('Предлагаю такие шаги') && now;
    });
    expect(user.last().id).toBe(card.id);
    await user.press(proposal, /Принять план/);
    const { goals } = await user.op(BotCheckGoalStepsDocument, {});
    const steps = goals.items[0].steps;
    expect(steps.length).toBeGreaterThanOrEqual(3);
    // Accepting says what was added and offers the calendar next; the card is one tap away.
    expect(user.now(card).text).toContain(`План принят: ${steps.length} шагов`);
    expect(labels(user.now(card))).toContain('📆 В календарь');
    await user.press(card, /Открыть цель/);
    expect(user.now(card).text).toContain(`⬜ 1. ${steps[0].title}`);
  });

  it('schedules an accepted plan, lists the days and times, and offers repeated practice as a habit', async () => {
    const { user, card } = await withGoal('Выучить испанский');
    await user.press(card, /План/);
    const proposal = await bot.waitFor(() => {
      const now = user.now(card);
      return now.text.includes('Предлагаю такие шаги') && now;
    });
    await user.press(proposal, /Принять план/);
    await user.press(card, /В календарь/);
    const scheduled = user.now(card);
    expect(scheduled.text).toContain('Расставил шаги в календаре');
    const lines = scheduled.text.split('\n').filter((line) => line.startsWith('• '));
    const { goals } = await user.op(BotCheckGoalStepsDocument, {});
    expect(lines).toHaveLength(goals.items[0].steps.length);
    // Every line says the day, the time and why; not every step lands on the same day.
    for (const line of lines)
      expect(line).toMatch(/^• (Пн|Вт|Ср|Чт|Пт|Сб|Вс) \d\d\.\d\d \d\d:\d\d–\d\d:\d\d: «.+» — ./u);
    expect(new Set(lines.map((line) => line.slice(2, 11))).size).toBeGreaterThan(1);
    expect(lines.some((line) => /повторяется/u.test(line))).toBe(true);
    expect(await user.press(scheduled, /Сделать привычкой/)).toBe('Привычка создана');
    const { habits } = await user.op(BotCheckHabitsDocument, {});
    expect(habits.items.map((habit) => habit.title)).toContain(
      'Учить 15 новых слов на испанском каждый день',
    );
  });
});

describe('calendar', () => {
  it('shows a day, moves between days and weeks, and edits and deletes an event', async () => {
    const { user } = await started();
    const today = DateTime.now().setZone('Europe/Moscow');
    await user.op(BotCheckCreateEventDocument, {
      input: {
        title: 'Встреча',
        start: today.set({ hour: 15, minute: 0, second: 0, millisecond: 0 }).toISO()!,
        durationMinutes: 120,
      },
    });
    const day = await user.say('/today');
    await user.press(day, /День в календаре/);
    expect(user.now(day).text).toContain(`, ${today.toFormat('dd.MM')} ━━━`);
    expect(user.now(day).text).toContain('⏰ 15:00 Встреча (2ч)');

    await user.press(day, /▶️/);
    expect(user.now(day).text).toContain(today.plus({ days: 1 }).toFormat('dd.MM'));
    expect(user.now(day).text).not.toContain('Встреча');
    await user.press(day, /Сегодня/);
    await user.press(day, /Неделя/);
    expect(user.now(day).text).toContain('Встреча');

    await user.press(day, /Встреча/);
    expect(labels(user.now(day))).toEqual(expect.arrayContaining(['📅 Дата', '⏰ Время']));
    await user.press(day, /Время/);
    expect((await user.say('25:99')).text).toContain('Не понял время');
    expect((await user.say('16:30')).text).toContain('⏰ 16:30');
    const card = user.last();
    await user.press(card, /Удалить/);
    expect(user.now(card).text).toContain('Удалить событие «Встреча»?');
    expect(await user.press(card, /Да, удалить/)).toBe('Событие удалено.');
    expect(user.now(card).text).toContain('Событий нет.');
  });
});

describe('habits', () => {
  it('creates a habit, checks it in from the list and the card, edits and deletes it', async () => {
    const { user, menu } = await started();
    await user.press(menu, /Привычки/);
    expect(user.now(menu).text).toContain('Привычек пока нет');
    await user.press(menu, /Новая привычка/);
    expect(user.last().text).toContain('Как назовём привычку?');
    const choice = await user.say('Зарядка 10 минут');
    expect(choice.text).toContain('Как часто «Зарядка 10 минут»?');
    await user.press(choice, /Каждый день/);
    const card = user.now(choice);
    expect(card.text).toContain('🔁 Зарядка 10 минут');
    expect(card.text).toContain('🔥 0 дней подряд');

    expect(await user.press(card, /Сделано/)).toBe('✅ Отмечено · 🔥 1');
    expect(user.now(card).text).toContain('🔥 1 день подряд');
    expect(labels(user.now(card))).toContain('↩️ Отменить отметку');
    expect(await user.press(card, /Отменить отметку/)).toBe('↩️ Отметка снята');
    expect(user.now(card).text).toContain('🔥 0 дней подряд');

    await user.press(card, /Время/);
    expect((await user.say('в семь')).text).toContain('Не понял время');
    expect((await user.say('07:30')).text).toContain('⏰ Напоминание: 07:30');
    const edited = user.last();
    await user.press(edited, /Пауза/);
    expect(user.now(edited).text).toContain('⏸ На паузе');
    await user.press(edited, /Продолжить/);
    expect(user.now(edited).text).not.toContain('⏸ На паузе');

    await user.press(edited, /Назад/);
    const list = user.now(edited);
    expect(list.text).toContain('🔁 Привычки');
    expect(labels(list)).toEqual(expect.arrayContaining(['⬜ Зарядка 10 минут · 🔥0', '✅']));
    expect(await user.press(list, /^✅$/)).toBe('✅ Отмечено · 🔥 1');
    expect(labels(user.now(list))).toContain('✅ Зарядка 10 минут · 🔥1');
    const { habits } = await user.op(BotCheckHabitsDocument, {});
    expect(habits.items).toMatchObject([{ currentStreak: 1, reminderTimes: ['07:30'] }]);

    await user.press(list, /Зарядка/);
    await user.press(list, /Удалить/);
    expect(user.now(list).text).toContain('Удалить привычку «Зарядка 10 минут»');
    expect(await user.press(list, /Да, удалить/)).toBe('Привычка удалена.');
    expect(user.now(list).text).toContain('Привычек пока нет');
  });
});

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('habit and goal pictures', () => {
  it('sends the habit heatmap and the goal progress chart as PNG photos', async () => {
    const { user } = await started();
    const { createHabit } = await user.op(BotCheckCreateHabitDocument, {
      input: { title: 'Чтение', schedule: { kind: 'DAILY' } },
    });
    const list = await user.say('/habits');
    await user.press(list, /Чтение/);
    const card = user.now(list);
    expect(await user.press(card, /Картинка/)).toBeUndefined();
    const photo = user.last();
    expect(photo.id).not.toBe(card.id);
    expect(photo.photo!.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(photo.photo!.length).toBeGreaterThan(1000);
    expect(photo.text).toBe('📊 «Чтение»: последние 12 недель');
    expect(createHabit.id).toBeTruthy();

    const { user: planner, card: goalCard } = await withGoal('Выучить испанский');
    await planner.press(goalCard, /График прогресса/);
    const chart = planner.last();
    expect(chart.photo!.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(chart.text).toBe('📈 «Выучить испанский»: шаги сделано и по плану');
  });

  it("answers another user's habit picture with a toast, not a photo", async () => {
    const { user: owner } = await started();
    const { createHabit } = await owner.op(BotCheckCreateHabitDocument, {
      input: { title: 'Чужая', schedule: { kind: 'DAILY' } },
    });
    const { user: other } = await started();
    const menu = other.last();
    const toast = await other.pressData(menu, `hpic:${createHabit.id}`);
    expect(toast).toBeTruthy();
    expect(other.messages().some((m) => m.photo)).toBe(false);
  });
});

describe('habit target reached', () => {
  it('celebrates and keeps going with a raised target, or archives', async () => {
    const { user } = await started();
    await user.op(BotCheckCreateHabitDocument, {
      input: { title: 'Медитация', schedule: { kind: 'DAILY' }, target: 1 },
    });
    const list = await user.say('/habits');
    await user.press(list, /Медитация/);
    await user.press(list, /Сделано/);
    const party = user.last();
    expect(party.text).toBe(
      '🎉 Цель привычки «Медитация» достигнута: 1 день! Продолжим или в архив?',
    );
    expect(labels(party)).toEqual(['🚀 Продолжить до 2', '📦 В архив']);
    expect(await user.press(party, /Продолжить до 2/)).toBe('🚀 Новая цель: 2 дня');
    expect(user.now(party).text).toContain('🔁 Медитация');
    const { habits } = await user.op(BotCheckHabitsDocument, {});
    expect(habits.items).toMatchObject([{ title: 'Медитация', status: 'ACTIVE', target: 2 }]);

    await user.op(BotCheckCreateHabitDocument, {
      input: { title: 'Бег', schedule: { kind: 'DAILY' }, target: 1 },
    });
    const again = await user.say('/habits');
    await user.press(again, /Бег/);
    await user.press(again, /Сделано/);
    expect(await user.press(user.last(), /В архив/)).toBe('📦 Привычка в архиве');
    const after = await user.op(BotCheckHabitsDocument, {});
    expect(after.habits.items.find((h) => h.title === 'Бег')?.status).toBe('ARCHIVED');
  });
});

describe('reminders in chat', () => {
  it("shows an event's reminders on its card and changes them with presets, or none", async () => {
    const { user } = await started();
    const start = DateTime.now().setZone('Europe/Moscow').plus({ days: 2 }).set({ hour: 11 });
    const { createEvent } = await user.op(BotCheckCreateEventDocument, {
      input: { title: 'Стоматолог', start: start.toISO()! },
    });
    const offsets = async () =>
      (
        await user.op(BotCheckEventRemindersDocument, {
          id: createEvent.id,
        })
      ).event!.reminderMinutesBefore;
    const week = await user.say('/events');
    await user.press(week, /Стоматолог/);
    expect(user.now(week).text).toContain('🔔 за 15 мин');
    await user.press(week, /Напоминания/);
    expect(labels(user.now(week))).toEqual(
      expect.arrayContaining(['✅ за 15 мин', '⬜ за день', '⬜ в момент начала']),
    );
    await user.press(week, /за день/);
    expect(await offsets()).toEqual([15, 1440]);
    expect(user.now(week).text).toContain('🔔 за день и за 15 мин');
    await user.press(week, /за 15 мин/);
    expect(await offsets()).toEqual([1440]);
    await user.press(week, /без напоминания/);
    expect(await offsets()).toEqual([]);
    expect(user.now(week).text).toContain('🔕 без напоминания');
    await user.press(week, /Назад/);
    expect(user.now(week).text).toContain('🔕 без напоминания');
  });

  it('sets the default reminder for new events in settings', async () => {
    const { user } = await started('en');
    const settings = await user.say('/settings');
    expect(user.now(settings).text).toContain('Reminder for new events: 🔔 15 min before');
    await user.press(settings, /Reminder for new events/);
    await user.press(settings, /1 h before/);
    await user.press(settings, /15 min before/);
    const { me } = await user.op(BotCheckDefaultRemindersDocument, {});
    expect(me.settings.defaultReminderMinutes).toEqual([60]);
    await user.press(settings, /Back/);
    expect(user.now(settings).text).toContain('Reminder for new events: 🔔 1 h before');
  });
});

describe('settings', () => {
  it('toggles a notification kind and switches the language', async () => {
    const { user } = await started();
    const settings = await user.say('/settings');
    expect(labels(settings)).toContain('✅ Утренний дайджест');
    await user.press(settings, /Утренний дайджест/);
    expect(labels(user.now(settings))).toContain('❌ Утренний дайджест');
    await user.press(settings, /Язык/);
    expect(user.now(settings).text).toContain('Settings');
    const { me } = await user.op(BotCheckNotificationSettingsDocument, {});
    expect(me.settings).toEqual({
      morningDigestEnabled: false,
      eventRemindersEnabled: true,
      language: 'EN',
    });
  });

  it('sets timezone, a daily time and quiet hours; an answer the API rejects keeps the dialog', async () => {
    const { user } = await started();
    const settings = await user.say('/settings');
    await user.press(settings, /Часовой пояс/);
    expect((await user.say('Mars/Olympus_Mons')).text).toContain('Не нашёл такой часовой пояс');
    expect((await user.say('Asia/Tokyo')).text).toContain('Asia/Tokyo');

    await user.press(settings, /Дайджест:/);
    expect((await user.say('утром')).text).toContain('Не понял время');
    expect(labels(await user.say('7:45'))).toContain('🕗 Дайджест: 07:45');

    await user.press(settings, /Тихие часы/);
    expect((await user.say('23:00')).text).toContain('23:00-08:00');
    expect((await user.say('23:00-08:00')).text).toContain('Тихие часы: 23:00–08:00');
    const { me, dialogState } = await user.op(BotCheckTimeSettingsDocument, {});
    expect(me.settings).toEqual({
      timezone: 'Asia/Tokyo',
      digestTime: '07:45',
      quietHoursStart: '23:00',
      quietHoursEnd: '08:00',
    });
    expect(dialogState).toBeNull();
  });
});

describe('assistant', () => {
  it('sends free text to the assistant with a typing indicator and links what it made', async () => {
    const { user } = await started();
    const reply = await user.say('встреча с Олей завтра в 15:00');
    expect(bot.chats.typing).toContain(user.id);
    expect(labels(reply)).toContain('📅 Открыть событие');
    const events = await eventsTomorrow(user.op);
    expect(events).toHaveLength(1);
    expect(events[0].startLocal).toContain('T15:00');
    expect(reply.text).toContain(events[0].event.title);
    await user.press(reply, /Открыть событие/);
    expect(user.now(reply).text).toContain(`📅 ${events[0].event.title}`);
  });

  it('answers "как прошла неделя?" with the weekly review and its buttons', async () => {
    const { user } = await started();
    expect((await user.say('каждое утро зарядка')).text).toContain('Зарядка');
    const review = await user.say('как прошла неделя?');
    expect(review.text).toMatch(/^📊 Итоги недели /u);
    expect(review.text).toContain('• Зарядка: 0/1 ✅');
    await user.press(review, /🔁 Зарядка/);
    // The review stays; the habit's card comes as a new message.
    expect(user.now(review).text).toMatch(/^📊 Итоги недели /u);
    expect(user.last().text).toContain('🔁 Зарядка');
    expect(user.last().text).toContain('🔥 0 дней подряд');
  });
});

describe('notifications', () => {
  async function remindNow(user: BotUser, text: string) {
    const before = user.messages().length;
    await user.op(BotCheckCreateReminderDocument, {
      input: { type: 'ONE_TIME', text, triggerAt: new Date(Date.now() + 500).toISOString() },
    });
    return bot.waitFor(() => user.messages().length > before && user.last(), 15_000);
  }

  const history = async (user: BotUser) =>
    (await user.op(BotCheckNotificationHistoryDocument, {})).notificationHistory.items;

  it('delivers a notification with buttons and snoozes it once, however often pressed', async () => {
    const { user } = await started();
    const notification = await remindNow(user, 'Позвонить маме');
    // One icon: the server's text opens with its own, the bot adds none ("🔔 🔔 …" before).
    expect(notification.text).toMatch(/^🔔 Позвонить маме/);
    expect(labels(notification)).toEqual(
      expect.arrayContaining(['Готово', '💤 Через 10 мин', '💤 Через час']),
    );
    await bot.waitFor(async () => (await history(user))[0]?.status === 'DELIVERED');

    const snooze = notification.buttons.flat().find((b) => b.label === '💤 Через 10 мин')!;
    expect(await user.pressData(notification, snooze.data!)).toBe('⏰ Отложено: 10 мин');
    expect(user.now(notification).text).toContain('Позвонить маме\n\n⏰ Отложено');
    expect(user.now(notification).buttons).toEqual([]);
    // The same button again, from an old copy of the message: harmless.
    await user.pressData(notification, snooze.data!);
    const pending = (await history(user)).filter(
      (row: { status: string }) => row.status === 'PENDING',
    );
    expect(pending).toHaveLength(1);
    expect(Date.parse(pending[0].availableAt) - Date.now()).toBeGreaterThan(8 * 60_000);
  }, 30_000);

  it('marks a notification done, twice without harm', async () => {
    const { user } = await started();
    const notification = await remindNow(user, 'Полить цветы');
    const done = notification.buttons.flat().find((b) => b.label === 'Готово')!;
    expect(await user.pressData(notification, done.data!)).toBe('✅ Готово');
    expect(await user.pressData(notification, done.data!)).toBe('✅ Готово');
    expect(user.now(notification).text).toMatch(/Полить цветы\n\n✅ Готово$/);
  }, 30_000);

  it('checks a habit in from its reminder and shows the streak, twice without harm', async () => {
    const { user } = await started();
    const { createHabit } = await user.op(BotCheckCreateHabitDocument, {
      input: { title: 'Зарядка', schedule: { kind: 'DAILY' }, reminderTimes: ['07:30'] },
    });
    // Its 07:30 reminder, as if 07:30 had just come.
    const before = user.messages().length;
    const at = new Date(Date.now() + 500);
    const due = { key: `test-habit:${createHabit.id}`, dueAt: at.toISOString(), time: '07:30' };
    const { me } = await user.op(BotCheckMeIdDocument, {});
    const ids = { habitId: createHabit.id, userId: me.id };
    await app.deps.services.jobs.schedule(habitReminderJob, { ...due, ...ids }, at);
    const reminder = await bot.waitFor(
      () => user.messages().length > before && user.last(),
      15_000,
    );
    expect(reminder.text).toContain('Пора: Зарядка');
    expect(labels(reminder)).toEqual(
      expect.arrayContaining(['✅ Готово', '⏭ Пропустить сегодня', '💤 Через 10 мин']),
    );

    const done = reminder.buttons.flat().find((b) => b.label === '✅ Готово')!;
    const status = '✅ Отмечено · 🔥 1 день подряд';
    expect(await user.pressData(reminder, done.data!)).toBe(status);
    expect(await user.pressData(reminder, done.data!)).toBe(status);
    expect(user.now(reminder).text).toMatch(/Пора: Зарядка\n\n✅ Отмечено · 🔥 1 день подряд$/);
    expect(user.now(reminder).buttons).toEqual([]);
    const { habit } = await user.op(BotCheckHabitDoneDocument, {
      id: createHabit.id,
    });
    expect(habit.doneCount).toBe(1);

    // Skip today, from an old copy of the message: the day's check-in becomes a skip.
    const skip = reminder.buttons.flat().find((b) => b.label === '⏭ Пропустить сегодня')!;
    expect(await user.pressData(reminder, skip.data!)).toBe('⏭ Пропущено на сегодня');
    const after = await user.op(BotCheckHabitDoneDocument, {
      id: createHabit.id,
    });
    expect(after.habit.doneCount).toBe(0);
  }, 30_000);

  it('checks habits in from the evening nudge one tap each, the other buttons staying', async () => {
    const { user } = await started();
    const ids: string[] = [];
    for (const title of ['Вода', 'Чтение']) {
      const { createHabit } = await user.op(BotCheckCreateHabitDocument, {
        input: { title, schedule: { kind: 'DAILY' } },
      });
      ids.push(createHabit.id);
    }
    const before = user.messages().length;
    const at = new Date(Date.now() + 500);
    const { me } = await user.op(BotCheckMeIdDocument, {});
    const payload = { key: `test-nudge:${me.id}`, dueAt: at.toISOString(), userId: me.id };
    await app.deps.services.jobs.schedule(overdueStepsJob, payload, at);
    const nudge = await bot.waitFor(() => user.messages().length > before && user.last(), 15_000);
    expect(nudge.text).toContain('⬜ Вода\n⬜ Чтение');
    expect(labels(nudge)).toEqual(expect.arrayContaining(['✅ Вода', '✅ Чтение']));

    expect(await user.press(nudge, /^✅ Вода$/)).toBe('✅ Отмечено · 🔥 1 день подряд');
    expect(user.now(nudge).text).toMatch(/\n\n✅ Отмечено · 🔥 1 день подряд: Вода$/);
    expect(labels(user.now(nudge))).toContain('✅ Чтение');
    expect(labels(user.now(nudge))).not.toContain('✅ Вода');
    const { habit } = await user.op(BotCheckHabitDoneDocument, { id: ids[0]! });
    expect(habit.doneCount).toBe(1);
  }, 30_000);
});

describe('stale and forged buttons, restarts', () => {
  it('answers forged, outdated and stale buttons politely and keeps working', async () => {
    const { user, menu, card } = await withGoal('Скоро исчезнет');
    expect(await user.pressData(menu, 'zz:nonsense')).toBe('Эта кнопка устарела.');
    expect(await user.pressData(menu, 'g:not-a-uuid')).toBe('Эта кнопка устарела.');
    expect(await user.pressData(menu, 'qr:5')).toBe('Эта кнопка устарела.');

    const { goals } = await user.op(BotCheckGoalIdsDocument, {});
    await user.op(BotCheckDeleteGoalDocument, { id: goals.items[0]!.id });
    expect(await user.press(card, /Изменить/)).toBe('Цель удалена');
    expect(user.now(card).text).toContain('Цель удалена');
    await user.press(card, /Меню/);
    expect(user.now(card).text).toBe('Главное меню');
  });

  it('keeps a dialog across a bot restart', async () => {
    const { user, card } = await withGoal('Старое название');
    await user.press(card, /Изменить/);
    await user.press(card, /Название/);
    await bot.restart();
    expect((await user.say('Новое название')).text).toContain('🎯 Новое название');
    const { goals, dialogState } = await user.op(BotCheckGoalTitlesDocument, {});
    expect(goals.items).toEqual([{ title: 'Новое название' }]);
    expect(dialogState?.dialog).toBeUndefined();
  });
});

describe('coach', () => {
  const GOAL_TEXT = /\[|\]|undefined|NaN/u;

  it('takes a new goal through SMART, its two questions, a plan and the calendar, one message each', async () => {
    const { user } = await started();
    await user.say('/newgoal');
    const review = await user.say('Выучить испанский');
    expect(review.text).toMatch(/SMART: \d+\/100/u);
    expect(review.text).toMatch(/Конкретность[\s\S]*Измеримость[\s\S]*Срок/u);
    expect(review.text).not.toMatch(GOAL_TEXT);
    expect(review.text).toContain('К какой дате?');
    const dateButton = labels(review).find((label) => /^📅 \d\d\.\d\d\.\d{4}$/u.test(label))!;
    expect(dateButton).toBeDefined();

    // Question 1: the deadline, by its button.
    await user.press(review, /^📅 \d\d/u);
    expect(user.now(review).text).toContain('Как вы поймёте, что цель достигнута?');
    expect(labels(user.now(review))).toContain('✅ до уровня B1');
    // Question 2: the measure, by its button.
    await user.press(review, /до уровня B1/u);
    const ready = user.now(review);
    expect(ready.text).toContain('«Выучить испанский — до уровня B1»');
    const [day, month, year] = dateButton.slice(3).split('.');
    const { goals } = await user.op(BotCheckGoalDeadlinesDocument, {});
    expect(goals.items).toEqual([
      { title: 'Выучить испанский — до уровня B1', targetDate: `${year}-${month}-${day}` },
    ]);

    // Plan → accept → calendar, all in the same message.
    await user.press(ready, /Составить план/u);
    const proposal = await bot.waitFor(() => {
      const now = user.now(review);
      return now.text.includes('Предлагаю такие шаги') && now;
    });
    await user.press(proposal, /Принять план/u);
    expect(user.now(review).text).toMatch(/План принят: \d+ шаг/u);
    await user.press(user.now(review), /В календарь/u);
    expect(user.now(review).text).toContain('Расставил шаги в календаре');
    expect(user.last().id).toBe(review.id);
  });

  it('reads typed answers, and says at once when the deadline is unrealistic', async () => {
    const { user } = await started();
    await user.say('/newgoal');
    await user.say('Накопить $5000');
    expect((await user.say('абракадабра')).text).toContain('Не понял дату');
    const checked = await user.say('через 3 недели');
    expect(checked.text).toMatch(/нереально/u);
    expect(checked.text).toMatch(/Перенесите срок на .+ или поставьте .+ сумму около \$\d+/u);
    // "$5000" is a measure already: no second question, the plan is next.
    expect(checked.text).toContain('составлю план');
    await user.press(checked, /Перенести на/u);
    const { goals } = await user.op(BotCheckGoalDeadlinesDocument, {});
    const weeks = DateTime.fromISO(goals.items[0].targetDate!).diffNow('weeks').weeks;
    expect(weeks).toBeGreaterThan(12);
    expect(user.now(checked).text).toContain('составлю план');
    // Opening the goal drops the coach's question: the next words go to the assistant.
    await user.press(user.now(checked), /Открыть цель/u);
    expect((await user.say('что у меня завтра?')).text).not.toContain('Не понял дату');
  });

  it('asks for a measure in words and adds it to the goal', async () => {
    const { user } = await started();
    await user.say('/newgoal');
    await user.say('Сделать ремонт');
    const measure = await user.say('нет');
    expect(measure.text).toContain('Как вы поймёте, что цель достигнута?');
    const ready = await user.say('покрасить стены в 3 комнатах');
    expect(ready.text).toContain('«Сделать ремонт — покрасить стены в 3 комнатах»');
    const { goals } = await user.op(BotCheckGoalDeadlinesDocument, {});
    expect(goals.items).toEqual([
      { title: 'Сделать ремонт — покрасить стены в 3 комнатах', targetDate: null },
    ]);
  });

  it('starts the review from a goal the assistant created, in English', async () => {
    const { user } = await started('en');
    const reply = await user.say('I want to learn Spanish by June');
    await user.press(reply, /Check SMART/u);
    const review = user.now(reply);
    expect(review.text).toMatch(/SMART: \d+\/100/u);
    expect(review.text).toMatch(/Specific[\s\S]*Time-bound/u);
    expect(review.text).not.toMatch(/\p{Script=Cyrillic}/u);
    expect(review.text).not.toMatch(GOAL_TEXT);
  });
});
