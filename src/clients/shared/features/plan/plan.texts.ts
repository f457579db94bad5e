import { defineTexts } from '../../../../common/texts.js';

/** Plan generation and the proposal. */
export const PLAN_TEXTS = defineTexts({
  ru: {
    planning: 'Составляю план',
    planCancel: '✖️ Отменить',
    planCancelled: 'Составление плана отменено.',
    planProposal: 'Предлагаю такие шаги',
  },
  en: {
    planning: 'Making a plan',
    planCancel: '✖️ Cancel',
    planCancelled: 'Plan generation cancelled.',
    planProposal: 'Here are the steps I suggest',
  },
});
