import { uuid } from '../../callback-data.js';
import type { NotificationFieldsFragment } from '../../gql/graphql.js';
import { markup } from '../../html.js';
import { button, screen, type Button, type Screen } from '../../screen.js';
import type { Lang, Texts } from '../../texts.js';

export const SNOOZE_PRESETS = {
  m10: 'MINUTES_10',
  h1: 'HOUR_1',
  eve: 'THIS_EVENING',
  tmr: 'TOMORROW_MORNING',
} as const;
export type SnoozeCode = keyof typeof SNOOZE_PRESETS;

const KIND_ICON: Record<string, string> = {
  EVENT_REMINDER: '⏰',
  DEADLINE_WARNING: '⏳',
  OVERDUE_STEPS: '📌',
  MORNING_DIGEST: '☀️',
  REMINDER: '🔔',
  HABIT_REMINDER: '🔁',
  MISSED_SUMMARY: '⚠️',
  WEEKLY_REVIEW: '📊',
};

/** The habit buttons: the action kind → the callback that performs it. */
const HABIT_ACTIONS = { CHECK_IN_HABIT: 'notifyHabitDone', SKIP_HABIT: 'notifyHabitSkip' } as const;

const CODE_OF_PRESET = Object.fromEntries(
  Object.entries(SNOOZE_PRESETS).map(([code, preset]) => [preset, code as SnoozeCode]),
);

/** The notification carries no language, but its text is written in the user's. */
export const languageOf = (text: string): Lang => (/[а-яё]/iu.test(text) ? 'ru' : 'en');

/** A notification with its action buttons; labels come from the API in the user's language. */
export function notificationScreen(notification: NotificationFieldsFragment, t: Texts): Screen {
  const rows: Button[][] = [];
  const snoozes: Button[] = [];
  for (const action of notification.actions) {
    if (action.kind === 'COMPLETE_STEP' && action.stepId) {
      rows.push([button(action.label, { a: 'notifyStepDone', stepId: action.stepId })]);
    } else if (
      action.kind === 'CHECK_IN_HABIT' &&
      action.habitId &&
      notification.kind === 'OVERDUE_STEPS'
    ) {
      // The evening nudge lists several habits: each button checks in one, the rest stay.
      rows.push([button(action.label, { a: 'nudgeHabitDone', habitId: action.habitId })]);
    } else if (
      (action.kind === 'CHECK_IN_HABIT' || action.kind === 'SKIP_HABIT') &&
      action.habitId
    ) {
      rows.push([button(action.label, { a: HABIT_ACTIONS[action.kind], habitId: action.habitId })]);
    } else if (action.kind === 'OPEN_HABIT' && action.habitId) {
      rows.push([button(action.label, { a: 'reviewHabit', habitId: action.habitId })]);
    } else if (action.kind === 'SCHEDULE_GOAL' && action.goalId) {
      rows.push([button(action.label, { a: 'reviewPlan', goalId: action.goalId })]);
    } else if (action.kind === 'DONE') {
      rows.push([button(action.label, { a: 'notifyDone', notificationId: notification.id })]);
    } else if (action.kind === 'SNOOZE' && action.snooze && CODE_OF_PRESET[action.snooze]) {
      snoozes.push(
        button(`💤 ${action.label}`, {
          a: 'notifySnooze',
          notificationId: notification.id,
          preset: CODE_OF_PRESET[action.snooze]!,
        }),
      );
    }
  }
  for (let index = 0; index < snoozes.length; index += 2)
    rows.push(snoozes.slice(index, index + 2));
  // A deadline warning is about a goal: open it from the message.
  const goalId = uuid(String(notification.refs.goalId ?? ''));
  if (notification.kind === 'DEADLINE_WARNING' && goalId) {
    rows.push([button(t.openGoal, { a: 'goal', goalId })]);
  }
  // The server's texts mostly open with their own icon ("⏰ Через 15 мин…"): never two.
  const icon = /^\p{Extended_Pictographic}/u.test(notification.text)
    ? ''
    : `${KIND_ICON[notification.kind] ?? '🔔'} `;
  return screen(markup`${icon}${notification.text}`, rows);
}

/** The notification once handled: its text, a status line, no buttons left to press twice. */
export function handledNotification(
  originalText: string,
  status: string,
  buttons: Button[][] = [],
): Screen {
  const text = originalText.trimEnd();
  // A second press sends back the text with this status already under it: add it once.
  const body = text.endsWith(`\n\n${status}`) ? text.slice(0, -status.length - 2) : text;
  return screen(markup`${body}\n\n${status}`, buttons);
}
