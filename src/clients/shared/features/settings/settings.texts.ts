import { defineTexts } from '../../../../common/texts.js';
import type { DailyTime, Toggle } from './settings-fields.js';

/** The settings screen and its dialogs. */
export const SETTINGS_TEXTS = defineTexts({
  ru: {
    askTimezone:
      'Напишите город («Казань», «London»), смещение от UTC («UTC+5», «МСК+2») или пояс вида Europe/Moscow.',
    unknownZone: 'Не нашёл такой часовой пояс.',
    zoneSuggestions: 'Может быть, один из этих? Или напишите город ещё раз.',
    pausedHint: '⏸ — включено, но сейчас все уведомления выключены.',
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
    askTimezone:
      'Write a city ("London", "Kazan"), a UTC offset ("UTC+5") or a zone like Europe/London.',
    unknownZone: 'I could not find that timezone.',
    zoneSuggestions: 'Is it one of these? Or write the city again.',
    pausedHint: '⏸ — on, but all notifications are off now.',
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
