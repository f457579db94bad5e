import { defineTexts } from '../../../../common/texts.js';

/** /today: the user's day in one screen. */
export const TODAY_TEXTS = defineTexts({
  ru: {
    todayTitle: (day: string) => `☀️ Сегодня, ${day}`,
    todayHabits: (done: number, total: number) => `🔁 Привычки · ${done} из ${total}`,
    todaySteps: '🎯 Шаги',
    todayEvents: '📅 События',
    todayMore: (count: number) => `…и ещё ${count}`,
    todayEmpty:
      'На сегодня ничего не запланировано: ни событий, ни шагов, ни привычек. ' +
      'Добавьте событие или заведите привычку — они появятся здесь.',
    todayInCalendar: '📅 День в календаре',
    todayAlreadyChecked: '✅ Уже отмечено',
    todayNotDue: 'Эта привычка сегодня не в плане.',
  },
  en: {
    todayTitle: (day: string) => `☀️ Today, ${day}`,
    todayHabits: (done: number, total: number) => `🔁 Habits · ${done} of ${total}`,
    todaySteps: '🎯 Steps',
    todayEvents: '📅 Events',
    todayMore: (count: number) => `…and ${count} more`,
    todayEmpty:
      'Nothing planned for today: no events, steps or habits. ' +
      'Add an event or start a habit and it will show up here.',
    todayInCalendar: '📅 Day in the calendar',
    todayAlreadyChecked: '✅ Already checked in',
    todayNotDue: 'This habit is not due today.',
  },
});
