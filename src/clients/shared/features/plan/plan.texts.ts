import { defineTexts } from '../../../../common/texts.js';

/** Plan generation and the proposal. */
export const PLAN_TEXTS = defineTexts({
  ru: {
    planning: 'Составляю план',
    planCancel: '✖️ Отменить',
    planCancelled: 'Составление плана отменено.',
    planProposal: 'Предлагаю такие шаги',
    scheduledTitle: 'Расставил шаги в календаре',
    planHabitOffer: (title: string) => `🔁 Сделать привычкой: ${title}`,
    planHabitCreated: 'Привычка создана',
    planHabitDone: (title: string) =>
      `Привычка «${title}» создана: отмечайте её каждый раз, серия покажет прогресс.`,
    planHabitGone: 'Этого шага уже нет в цели.',
  },
  en: {
    planning: 'Making a plan',
    planCancel: '✖️ Cancel',
    planCancelled: 'Plan generation cancelled.',
    planProposal: 'Here are the steps I suggest',
    scheduledTitle: 'Your steps are in the calendar',
    planHabitOffer: (title: string) => `🔁 Make it a habit: ${title}`,
    planHabitCreated: 'Habit created',
    planHabitDone: (title: string) =>
      `Habit “${title}” created: check it off each time, the streak shows your progress.`,
    planHabitGone: 'This step is no longer in the goal.',
  },
});
