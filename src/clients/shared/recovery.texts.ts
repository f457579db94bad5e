import { defineTexts } from '../../common/texts.js';

/**
 * What the bots say when a message or a button cannot be done as asked: always what happened
 * and what to do next, never the generic apology.
 */
export const RECOVERY_TEXTS = defineTexts({
  ru: {
    tooLong: (limit: number, length: number) =>
      `Слишком длинное сообщение: я читаю до ${limit} символов, а в нём ${length}. Сократите, пожалуйста, или разбейте на части.`,
    titleTooLong: (limit: number, length: number) =>
      `Название длиннее ${limit} символов (${length}). Напишите покороче или /cancel.`,
    titleNoWords:
      'В названии нужны слова, например «Выучить испанский». Напишите ещё раз или /cancel.',
    gone: {
      goal: 'Цель удалена',
      event: 'Событие удалено',
      habit: 'Привычка удалена',
      step: 'Шаг удалён',
      plan: 'Этого плана уже нет',
      reminder: 'Напоминания уже нет',
      other: 'Этого уже нет',
    },
    goneHint: 'Откройте меню, чтобы продолжить.',
    dialogEnded: 'правка отменена.',
    outdatedWithMenu: 'Эта кнопка устарела (из старой версии бота). Вот меню:',
    planAlreadyAccepted: 'План уже принят',
    rejectedInput: 'Не получилось сохранить это значение.',
  },
  en: {
    tooLong: (limit: number, length: number) =>
      `That message is too long: I read up to ${limit} characters, it has ${length}. Please shorten it or split it.`,
    titleTooLong: (limit: number, length: number) =>
      `The title is over ${limit} characters (${length}). Write a shorter one or /cancel.`,
    titleNoWords: 'A title needs words, e.g. "Learn Spanish". Write it again or /cancel.',
    gone: {
      goal: 'Goal deleted',
      event: 'Event deleted',
      habit: 'Habit deleted',
      step: 'Step deleted',
      plan: 'That plan is gone',
      reminder: 'That reminder is gone',
      other: 'That is gone',
    },
    goneHint: 'Open the menu to go on.',
    dialogEnded: 'the edit is cancelled.',
    outdatedWithMenu:
      'This button is outdated (from an older version of the bot). Here is the menu:',
    planAlreadyAccepted: 'The plan is accepted already',
    rejectedInput: 'I could not save that value.',
  },
});

export type GoneKind = keyof (typeof RECOVERY_TEXTS)['ru']['gone'];

/** What a callback or dialog is about, from its id fields: what to call it when it is gone. */
export function goneKindOf(fields: object): GoneKind {
  if ('goalId' in fields) return 'goal';
  if ('eventId' in fields) return 'event';
  if ('habitId' in fields) return 'habit';
  if ('stepId' in fields) return 'step';
  if ('proposalId' in fields) return 'plan';
  if ('notificationId' in fields) return 'reminder';
  return 'other';
}
