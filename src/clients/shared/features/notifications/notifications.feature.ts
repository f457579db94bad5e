import { keyOf, uuid } from '../../callback-data.js';
import {
  CheckInFromReminderDocument,
  type CheckInStatus,
  CompleteStepDocument,
  SnoozeNotificationDocument,
} from '../../gql/graphql.js';
import type { Button } from '../../screen.js';
import type { Turn } from '../../turn.js';
import type { Feature } from '../feature.js';
import { cardOf } from '../habits/habits.feature.js';
import { targetReachedScreen } from '../habits/habits.views.js';
import { scheduledGoalScreen } from '../plan/plan-schedule.js';
import { handledNotification, SNOOZE_PRESETS, type SnoozeCode } from './notifications.views.js';

export type NotificationsCallback =
  | { a: 'notifyDone'; notificationId: string }
  | { a: 'notifySnooze'; notificationId: string; preset: SnoozeCode }
  | { a: 'notifyStepDone'; stepId: string }
  | { a: 'notifyHabitDone'; habitId: string }
  | { a: 'notifyHabitSkip'; habitId: string }
  | { a: 'nudgeHabitDone'; habitId: string }
  | { a: 'reviewHabit'; habitId: string }
  | { a: 'reviewPlan'; goalId: string };

const isStep = (button: Button, stepId: string) =>
  'callback' in button &&
  button.callback.a === 'notifyStepDone' &&
  button.callback.stepId === stepId;
const isNudgeHabit = (button: Button, habitId: string) =>
  'callback' in button &&
  button.callback.a === 'nudgeHabitDone' &&
  button.callback.habitId === habitId;

/** The nudge stays, for its other items; the pressed one's button goes, its status added. */
async function finishItem(turn: Turn, pressed: (button: Button) => boolean, status: string) {
  if (turn.incoming.kind !== 'callback' || !turn.incoming.messageButtons) return;
  const { messageText } = turn.incoming;
  const label =
    turn.shownButtons
      .flat()
      .find(pressed)
      ?.label.replace(/^✅\s*/u, '') ?? '';
  const rest = turn.shownButtons.map((row) => row.filter((b) => !pressed(b)));
  await turn.show(handledNotification(messageText, `${status}: ${label}`, rest));
}

/** Keeps the notification's text, adds how it was handled, removes its buttons. */
async function finishNotification(turn: Turn, status: string): Promise<void> {
  if (turn.incoming.kind !== 'callback') return;
  await turn.answer(status);
  await turn.show(handledNotification(turn.incoming.messageText, status));
}

/**
 * Checks the habit in for today from its reminder and shows the result under the reminder;
 * a target reached is celebrated with its choice. A second press rewrites the same day's
 * check-in: harmless.
 */
async function checkInHabit(turn: Turn, habitId: string, status: CheckInStatus): Promise<void> {
  const { checkIn } = await turn.api(CheckInFromReminderDocument, { habitId, status });
  const { t } = turn;
  const done = status === 'DONE';
  await finishNotification(
    turn,
    done ? t.habitCheckedIn(checkIn.habit.currentStreak) : t.habitSkipped,
  );
  if (checkIn.targetReached) await turn.send(targetReachedScreen(t, checkIn.habit));
}

/**
 * The buttons under a delivered notification (NotificationRelay sends them): done, snooze,
 * complete a step it names, check a habit in or skip it for today.
 */
export const notificationsFeature: Feature<NotificationsCallback> = {
  commands: {},
  buttons: {
    notifyDone: {
      code: 'nd',
      fields: { notificationId: uuid },
      press: (turn) => finishNotification(turn, turn.t.notificationDone),
    },
    notifySnooze: {
      code: 'ns',
      fields: { notificationId: uuid, preset: keyOf(SNOOZE_PRESETS) },
      async press(turn, { notificationId, preset }) {
        const { t } = turn;
        await turn.api(SnoozeNotificationDocument, {
          id: notificationId,
          preset: SNOOZE_PRESETS[preset],
        });
        await finishNotification(turn, `${t.snoozed}: ${t.snoozeLabels[preset]}`);
      },
    },
    notifyStepDone: {
      code: 'nsd',
      fields: { stepId: uuid },
      async press(turn, { stepId }) {
        await turn.api(CompleteStepDocument, { id: stepId });
        await turn.answer(turn.t.stepDone);
        await finishItem(turn, (b) => isStep(b, stepId), turn.t.stepDone);
      },
    },
    notifyHabitDone: {
      code: 'nhd',
      fields: { habitId: uuid },
      press: (turn, { habitId }) => checkInHabit(turn, habitId, 'DONE'),
    },
    notifyHabitSkip: {
      code: 'nhs',
      fields: { habitId: uuid },
      press: (turn, { habitId }) => checkInHabit(turn, habitId, 'SKIPPED'),
    },
    // The evening nudge's habits: one tap each, the others stay to be pressed.
    nudgeHabitDone: {
      code: 'vhd',
      fields: { habitId: uuid },
      async press(turn, { habitId }) {
        const { checkIn } = await turn.api(CheckInFromReminderDocument, {
          habitId,
          status: 'DONE',
        });
        const status = turn.t.habitCheckedIn(checkIn.habit.currentStreak);
        await turn.answer(status);
        await finishItem(turn, (b) => isNudgeHabit(b, habitId), status);
        if (checkIn.targetReached) await turn.send(targetReachedScreen(turn.t, checkIn.habit));
      },
    },
    // The weekly review's buttons answer with a new message: the review stays readable.
    reviewHabit: {
      code: 'wrh',
      fields: { habitId: uuid },
      async press(turn, { habitId }) {
        await turn.answer();
        await turn.send(await cardOf(turn, habitId));
      },
    },
    reviewPlan: {
      code: 'wrp',
      fields: { goalId: uuid },
      async press(turn, { goalId }) {
        await turn.answer();
        await turn.send(await scheduledGoalScreen(turn, goalId));
      },
    },
  },
  dialogs: {},
};
