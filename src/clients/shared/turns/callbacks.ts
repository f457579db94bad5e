import { SNOOZE_PRESETS, TOGGLES, unpackCallback, type Callback } from '../callback-data.js';
import type { Dialog } from '../dialog.js';
import {
  AcceptPlanDocument,
  CompleteStepDocument,
  DeleteEventDocument,
  DeleteGoalDocument,
  GoalCardDocument,
  SchedulePlanDocument,
  SendMessageDocument,
  SnoozeNotificationDocument,
  UpdateSettingsDocument,
} from '../gql/graphql.js';
import { markup } from '../html.js';
import { langOf, textsFor } from '../texts.js';
import { screen } from '../screen.js';
import { assistantReplyScreen } from '../views/assistant.js';
import { goalCard, goalDeleteConfirm, goalEditMenu } from '../views/goals.js';
import { helpScreen, mainMenu, notice, todayIn } from '../views/menu.js';
import { handledNotification } from '../views/notification.js';
import { settingsScreen } from '../views/settings.js';
import { cancelPlanGeneration, startPlanGeneration } from './plan.js';
import { calendarOf, eventScreen, goalScreen, goalsScreen } from './screens.js';
import type { BotLogger, Turn } from './turn.js';

const DIALOG_PROMPTS: Record<Dialog['kind'], (turn: Turn) => string> = {
  newGoal: (turn) => turn.t.askGoalTitle,
  goalTitle: (turn) => turn.t.askNewTitle,
  goalDeadline: (turn) => turn.t.askDeadline,
  addStep: (turn) => turn.t.askStepTitle,
  eventDate: (turn) => turn.t.askEventDate,
  eventTime: (turn) => turn.t.askEventTime,
  timezone: (turn) => turn.t.askTimezone,
  dailyTime: (turn) => turn.t.askDailyTime,
  quietHours: (turn) => turn.t.askQuietHours,
};

/** Enters a dialog: saves it (so a restart keeps it) and asks the question. */
export async function beginDialog(turn: Turn, dialog: Dialog): Promise<void> {
  await turn.saveState({ ...turn.state, dialog });
  await turn.answer();
  await turn.send(screen(markup`${DIALOG_PROMPTS[dialog.kind](turn)}`));
}

/** A button press. Every press is answered; an outdated button gets a polite toast. */
export async function handleCallback(turn: Turn, data: string, logger: BotLogger): Promise<void> {
  const callback = unpackCallback(data);
  if (!callback) {
    await turn.answer(turn.t.outdatedButton);
    return;
  }
  await route(turn, callback, logger);
  await turn.answer();
}

async function route(turn: Turn, callback: Callback, logger: BotLogger): Promise<void> {
  const { t } = turn;
  switch (callback.a) {
    case 'menu':
      return turn.show(mainMenu(t, turn.timezone));
    case 'help':
      return turn.show(helpScreen(t));
    case 'goals':
      return turn.show(await goalsScreen(turn, callback.offset));
    case 'goal':
      return turn.show(await goalScreen(turn, callback.goalId));
    case 'newGoal':
      return beginDialog(turn, { kind: 'newGoal' });
    case 'stepDone': {
      const { completeStep } = await turn.api(CompleteStepDocument, { id: callback.stepId });
      await turn.answer(t.stepDone);
      return turn.show(await goalScreen(turn, completeStep.goalId));
    }
    case 'goalEdit':
    case 'goalDelete': {
      const { goal } = await turn.api(GoalCardDocument, { id: callback.goalId });
      return turn.show(
        callback.a === 'goalEdit' ? goalEditMenu(t, goal) : goalDeleteConfirm(t, goal),
      );
    }
    case 'goalEditTitle':
      return beginDialog(turn, { kind: 'goalTitle', goalId: callback.goalId });
    case 'goalEditDeadline':
      return beginDialog(turn, { kind: 'goalDeadline', goalId: callback.goalId });
    case 'goalAddStep':
      return beginDialog(turn, { kind: 'addStep', goalId: callback.goalId });
    case 'goalDeleteYes':
      await turn.api(DeleteGoalDocument, { id: callback.goalId });
      await turn.answer(t.goalDeleted);
      return turn.show(await goalsScreen(turn, 0));
    case 'plan':
      return startPlanGeneration(turn, callback.goalId, logger);
    case 'planCancel':
      return cancelPlanGeneration(turn, callback.goalId);
    case 'planAccept': {
      const { acceptPlan } = await turn.api(AcceptPlanDocument, {
        proposalId: callback.proposalId,
      });
      return turn.show(goalCard(t, acceptPlan));
    }
    case 'schedule': {
      const { schedulePlan } = await turn.api(SchedulePlanDocument, { goalId: callback.goalId });
      const text = schedulePlan.applied
        ? t.scheduled(schedulePlan.placements.length)
        : (schedulePlan.message ?? t.scheduled(0));
      await turn.send(notice(t, text));
      return turn.show(await goalScreen(turn, callback.goalId));
    }
    case 'calendar':
      return turn.show(await calendarOf(turn, callback.mode, callback.date));
    case 'event':
      return turn.show(await eventScreen(turn, callback.eventId));
    case 'eventEditDate':
      return beginDialog(turn, { kind: 'eventDate', eventId: callback.eventId });
    case 'eventEditTime':
      return beginDialog(turn, { kind: 'eventTime', eventId: callback.eventId });
    case 'eventDelete':
      await turn.api(DeleteEventDocument, { id: callback.eventId });
      await turn.answer(t.eventDeleted);
      return turn.show(await calendarOf(turn, 'd', todayIn(turn.timezone)));
    case 'settings':
      return turn.show(settingsScreen(t, turn.settings));
    case 'toggle': {
      const field = TOGGLES[callback.toggle];
      const { updateSettings } = await turn.api(UpdateSettingsDocument, {
        input: { [field]: !turn.settings[field] },
      });
      return turn.show(settingsScreen(t, updateSettings.settings));
    }
    case 'language': {
      const language = turn.lang === 'ru' ? 'EN' : 'RU';
      const { updateSettings } = await turn.api(UpdateSettingsDocument, { input: { language } });
      return turn.show(settingsScreen(textsFor(langOf(language)), updateSettings.settings));
    }
    case 'timezone':
      return beginDialog(turn, { kind: 'timezone' });
    case 'dailyTime':
      return beginDialog(turn, { kind: 'dailyTime', field: callback.field });
    case 'quietHours':
      return beginDialog(turn, { kind: 'quietHours' });
    case 'quickReply': {
      const text = turn.state.quickReplies?.[callback.index];
      if (!text) return turn.answer(t.outdatedButton);
      await turn.answer();
      return askAssistant(turn, text);
    }
    case 'notifyDone':
      return finishNotification(turn, t.notificationDone);
    case 'notifyStepDone':
      // The notification stays: it may offer other steps of the same nudge.
      await turn.api(CompleteStepDocument, { id: callback.stepId });
      return turn.answer(t.stepDone);
    case 'notifySnooze': {
      const preset = SNOOZE_PRESETS[callback.preset];
      await turn.api(SnoozeNotificationDocument, { id: callback.notificationId, preset });
      return finishNotification(turn, `${t.snoozed}: ${t.snoozeLabels[callback.preset]}`);
    }
  }
}

/** Keeps the notification's text, adds how it was handled, removes its buttons. */
async function finishNotification(turn: Turn, status: string): Promise<void> {
  if (turn.incoming.kind !== 'callback') return;
  await turn.answer(status);
  await turn.show(handledNotification(turn.incoming.messageText, status));
}

/** Free text to the assistant; its quick replies are kept so their buttons can carry an index. */
export async function askAssistant(turn: Turn, text: string): Promise<void> {
  const { sendMessage } = await withTyping(turn, () => turn.api(SendMessageDocument, { text }));
  await turn.saveState({ ...turn.state, quickReplies: sendMessage.quickReplies });
  await turn.send(assistantReplyScreen(turn.t, sendMessage));
}

/** Shows "typing…" while `work` runs (the messenger clears it after ~5 s, so it is renewed). */
export async function withTyping<T>(turn: Turn, work: () => Promise<T>): Promise<T> {
  const renew = () => void turn.messenger.typing(turn.chatId).catch(() => {});
  renew();
  const timer = setInterval(renew, 4500);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
