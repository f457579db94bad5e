import { defineTexts } from '../../../../common/texts.js';

/** Replies of the assistant and voice. */
export const ASSISTANT_TEXTS = defineTexts({
  ru: {
    voiceUnavailable: 'Голосовые сообщения пока не поддерживаются — напишите, пожалуйста, текстом.',
    openGoal: '🎯 Открыть цель',
    openEvent: '📅 Открыть событие',
    messageEditButtons: {
      redo: '✅ Да, изменить',
      keep: 'Оставить как есть',
      resend: '📨 Отправить как новое',
    },
    editRedoAsk: (kind: 'event' | 'goal', title: string, text: string) =>
      `✏️ Вы исправили сообщение: «${text}».\nИзменить «${title}» по новому тексту? ` +
      (kind === 'event'
        ? 'Событие создам заново, а старое удалю.'
        : 'Цель создам заново, а старую (с её шагами) удалю.'),
    editReapplyAsk: (text: string) =>
      `✏️ Вы исправили свой ответ: «${text}». Применить исправление?`,
    editNotReread: (text: string) =>
      `✏️ Вы исправили сообщение: «${text}». Исправления я сам не перечитываю — отправить исправленный текст как новое сообщение?`,
    editNotKept:
      '✏️ Исправления сообщений я не перечитываю. Напишите, пожалуйста, новое сообщение.',
    editKept: 'Оставил как было.',
    editReplaced: (title: string) => `✏️ «${title}» заменено по исправленному тексту.`,
    editMadeNew: '✏️ Старого уже нет — создал по исправленному тексту.',
    editOldKept: (title: string) =>
      `✏️ «${title}» пока осталось как было: по новому тексту ничего не создано.`,
  },
  en: {
    voiceUnavailable: 'Voice messages are not supported yet — please write instead.',
    openGoal: '🎯 Open goal',
    openEvent: '📅 Open event',
    messageEditButtons: {
      redo: '✅ Yes, change it',
      keep: 'Keep as is',
      resend: '📨 Send as new',
    },
    editRedoAsk: (kind: 'event' | 'goal', title: string, text: string) =>
      `✏️ You edited a message: "${text}".\nChange "${title}" to match the new text? ` +
      (kind === 'event'
        ? 'I will create the event again and delete the old one.'
        : 'I will create the goal again and delete the old one (with its steps).'),
    editReapplyAsk: (text: string) => `✏️ You corrected your answer: "${text}". Apply it?`,
    editNotReread: (text: string) =>
      `✏️ You edited a message: "${text}". I do not re-read edits by myself — send the corrected text as a new message?`,
    editNotKept: '✏️ I do not re-read edited messages. Please send a new message instead.',
    editKept: 'Left as it was.',
    editReplaced: (title: string) => `✏️ "${title}" replaced by the corrected text.`,
    editMadeNew: '✏️ The old one is gone already — made it from the corrected text.',
    editOldKept: (title: string) => `✏️ "${title}" stays as it was: the new text made nothing yet.`,
  },
});
