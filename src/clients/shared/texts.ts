import { defineTexts, langOf, type Lang } from '../../common/texts.js';
import { MENU_TEXTS } from './features/menu/menu.texts.js';
import { GOALS_TEXTS } from './features/goals/goals.texts.js';
import { HABITS_TEXTS } from './features/habits/habits.texts.js';
import { PLAN_TEXTS } from './features/plan/plan.texts.js';
import { CALENDAR_TEXTS } from './features/calendar/calendar.texts.js';
import { CALENDAR_CONNECTIONS_TEXTS } from './features/calendar/calendar-connections.texts.js';
import { SETTINGS_TEXTS } from './features/settings/settings.texts.js';
import { NOTIFICATIONS_TEXTS } from './features/notifications/notifications.texts.js';
import { ASSISTANT_TEXTS } from './features/assistant/assistant.texts.js';
import { RECOVERY_TEXTS } from './recovery.texts.js';
import { ADMIN_TEXTS } from './features/admin/admin.texts.js';
import { EDIT_TEXTS } from './features/edit/edit.texts.js';
import { TODAY_TEXTS } from './features/today/today.texts.js';

export { langOf, type Lang };

/**
 * What both bots say outside any one feature. `commands` is also the list of published
 * commands, in their menu order: each must have a handler (features/registry.ts).
 */
export const TEXTS = defineTexts({
  ru: {
    weekdays: ['Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота', 'Воскресенье'],
    back: '⬅️ Назад',
    toMenu: '🏠 Меню',
    prev: '◀️',
    next: '▶️',
    badDate: 'Не понял дату. Например: 31.12 или 2027-03-01. Попробуйте ещё раз или /cancel.',
    badTime: 'Не понял время. Нужно ЧЧ:ММ, например 08:30. Попробуйте ещё раз или /cancel.',
    rejected: (reason: string) => `Не получилось: ${reason}. Попробуйте ещё раз или /cancel.`,
    alreadyGone: 'Этого уже нет — открываю свежий список.',
    outdatedButton: 'Эта кнопка устарела.',
    apology: 'Извините, что-то пошло не так. Попробуйте ещё раз чуть позже.',
    rateLimited: (seconds: number) =>
      `Слишком много запросов подряд. Давайте передохнём: попробуйте снова через ${seconds} с.`,
    limitReached: (limit: number) =>
      `Достигнут предел: не больше ${limit}. Удалите что-нибудь ненужное и попробуйте снова.`,
    unsupported: 'Я понимаю текст и кнопки. Напишите, что нужно сделать.',
    commands: {
      start: 'Начать',
      goals: 'Мои цели',
      habits: 'Привычки',
      today: 'Сегодня',
      events: 'Календарь на неделю',
      newgoal: 'Новая цель',
      settings: 'Настройки',
      help: 'Помощь',
      web: 'Открыть в браузере',
      cancel: 'Отменить действие',
    },
  },
  en: {
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    back: '⬅️ Back',
    toMenu: '🏠 Menu',
    prev: '◀️',
    next: '▶️',
    badDate: 'I did not get the date. E.g. 2027-03-01 or "tomorrow". Try again or /cancel.',
    badTime: 'I did not get the time. Use HH:MM, e.g. 08:30. Try again or /cancel.',
    rejected: (reason: string) => `That did not work: ${reason}. Try again or /cancel.`,
    alreadyGone: 'That is gone already — here is a fresh list.',
    outdatedButton: 'This button is outdated.',
    apology: 'Sorry, something went wrong. Please try again a bit later.',
    rateLimited: (seconds: number) =>
      `That is a lot of requests in a row. Let us take a breath: try again in ${seconds} s.`,
    limitReached: (limit: number) =>
      `You have reached the limit of ${limit}. Delete something you no longer need and try again.`,
    unsupported: 'I understand text and buttons. Write what you need.',
    commands: {
      start: 'Start',
      goals: 'My goals',
      habits: 'Habits',
      today: 'Today',
      events: 'This week',
      newgoal: 'New goal',
      settings: 'Settings',
      help: 'Help',
      web: 'Open in the browser',
      cancel: 'Cancel the current action',
    },
  },
});

/** Each feature's texts live beside it (features/<name>/<name>.texts.ts); a bot sees them all. */
const ALL = (lang: Lang) => ({
  ...TEXTS[lang],
  ...MENU_TEXTS[lang],
  ...GOALS_TEXTS[lang],
  ...HABITS_TEXTS[lang],
  ...PLAN_TEXTS[lang],
  ...CALENDAR_TEXTS[lang],
  ...CALENDAR_CONNECTIONS_TEXTS[lang],
  ...SETTINGS_TEXTS[lang],
  ...NOTIFICATIONS_TEXTS[lang],
  ...ASSISTANT_TEXTS[lang],
  ...RECOVERY_TEXTS[lang],
  ...ADMIN_TEXTS[lang],
  ...EDIT_TEXTS[lang],
  ...TODAY_TEXTS[lang],
});

export type Texts = ReturnType<typeof ALL>;
export type PublishedCommand = keyof Texts['commands'];

const BY_LANG: Record<Lang, Texts> = { ru: ALL('ru'), en: ALL('en') };

export const textsFor = (lang: Lang): Texts => BY_LANG[lang];
