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
    snoozedUntil: (when: string) => `⏰ Отложено: напомню ${when}`,
    skippedOnce: '⏭ Пропущено: только это напоминание, остальные придут как обычно',
    whenToday: (time: string) => `сегодня в ${time}`,
    whenTomorrow: (time: string) => `завтра в ${time}`,
    whenDay: (day: string, time: string) => `${day} в ${time}`,
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
    snoozedUntil: (when: string) => `⏰ Snoozed: I'll remind you ${when}`,
    skippedOnce: '⏭ Skipped: only this reminder, the next ones come as usual',
    whenToday: (time: string) => `today at ${time}`,
    whenTomorrow: (time: string) => `tomorrow at ${time}`,
    whenDay: (day: string, time: string) => `${day} at ${time}`,
    snoozeLabels: { m10: '10 min', h1: '1 hour', eve: 'This evening', tmr: 'Tomorrow morning' },
  },
});
