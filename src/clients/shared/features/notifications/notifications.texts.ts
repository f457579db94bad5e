import { streakLine } from '../../../../common/streak.js';
import { defineTexts } from '../../../../common/texts.js';
import type { SnoozeCode } from './notifications.views.js';

/** How a handled notification is marked. */
export const NOTIFICATIONS_TEXTS = defineTexts({
  ru: {
    snoozed: '⏰ Отложено',
    notificationDone: '✅ Готово',
    habitCheckedIn: (streak: number) =>
      streak > 0 ? `✅ Отмечено · ${streakLine(streak, 'ru')}` : '✅ Отмечено',
    habitSkipped: '⏭ Пропущено на сегодня',
    snoozeLabels: {
      m10: '10 мин',
      h1: '1 час',
      eve: 'Вечером',
      tmr: 'Завтра утром',
    } satisfies Record<SnoozeCode, string>,
  },
  en: {
    snoozed: '⏰ Snoozed',
    notificationDone: '✅ Done',
    habitCheckedIn: (streak: number) =>
      streak > 0 ? `✅ Checked in · ${streakLine(streak, 'en')}` : '✅ Checked in',
    habitSkipped: '⏭ Skipped for today',
    snoozeLabels: { m10: '10 min', h1: '1 hour', eve: 'This evening', tmr: 'Tomorrow morning' },
  },
});
