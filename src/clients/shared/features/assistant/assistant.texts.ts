import { defineTexts } from '../../../../common/texts.js';

/** Replies of the assistant and voice. */
export const ASSISTANT_TEXTS = defineTexts({
  ru: {
    voiceUnavailable: 'Голосовые сообщения пока не поддерживаются — напишите, пожалуйста, текстом.',
    openGoal: '🎯 Открыть цель',
    openEvent: '📅 Открыть событие',
  },
  en: {
    voiceUnavailable: 'Voice messages are not supported yet — please write instead.',
    openGoal: '🎯 Open goal',
    openEvent: '📅 Open event',
  },
});
