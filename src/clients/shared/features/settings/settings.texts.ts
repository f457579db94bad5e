import { defineTexts } from '../../../../common/texts.js';
import type { DailyTime, Toggle } from './settings-fields.js';

/** The settings screen and its dialogs. */
export const SETTINGS_TEXTS = defineTexts({
  ru: {
    askTimezone: 'Напишите часовой пояс, например Europe/Moscow или Asia/Yekaterinburg.',
    askDailyTime: 'Напишите время в формате ЧЧ:ММ, например 08:30.',
    askQuietHours: 'Напишите тихие часы как «23:00-08:00», или «нет», чтобы выключить.',
    badQuietHours: 'Нужно «23:00-08:00» или «нет». Попробуйте ещё раз или /cancel.',
    settingsTitle: 'Настройки',
    toggles: {
      all: 'Все уведомления',
      ev: 'Напоминания о событиях',
      dl: 'Дедлайны целей',
      od: 'Просроченные шаги (вечером)',
      dg: 'Утренний дайджест',
      wr: 'Итоги недели (вс, вечером)',
    } satisfies Record<Toggle, string>,
    dailyTimes: {
      dg: 'Дайджест',
      dl: 'Проверка дедлайнов',
      ev: 'Вечернее напоминание',
    } satisfies Record<DailyTime, string>,
    timezone: 'Часовой пояс',
    language: 'Язык: Русский → English',
    quietHours: 'Тихие часы',
    off: 'выкл.',
    defaultReminders: 'Напоминание о новых событиях',
    defaultRemindersHint: 'Так я буду напоминать о новых событиях, если вы не скажете иначе.',
  },
  en: {
    askTimezone: 'Write your timezone, e.g. Europe/London or America/New_York.',
    askDailyTime: 'Write the time as HH:MM, e.g. 08:30.',
    askQuietHours: 'Write quiet hours as "23:00-08:00", or "none" to switch them off.',
    badQuietHours: 'Use "23:00-08:00" or "none". Try again or /cancel.',
    settingsTitle: 'Settings',
    toggles: {
      all: 'All notifications',
      ev: 'Event reminders',
      dl: 'Goal deadlines',
      od: 'Overdue steps (evening)',
      dg: 'Morning digest',
      wr: 'Weekly review (Sun evening)',
    },
    dailyTimes: { dg: 'Digest', dl: 'Deadline check', ev: 'Evening nudge' },
    timezone: 'Timezone',
    language: 'Language: English → Русский',
    quietHours: 'Quiet hours',
    off: 'off',
    defaultReminders: 'Reminder for new events',
    defaultRemindersHint: 'This is how I will remind you of new events unless you say otherwise.',
  },
});
