import { ApiError } from './api-client.js';
import type { DialogSpec, DialogShape } from './features/feature.js';
import type { AdminDialog } from './features/admin/admin.feature.js';
import type { CalendarDialog } from './features/calendar/calendar.feature.js';
import type { EditDialog } from './features/edit/edit.feature.js';
import type { GoalsDialog } from './features/goals/goals.feature.js';
import type { HabitsDialog } from './features/habits/habits.feature.js';
import type { PlanDialog } from './features/plan/plan.feature.js';
import type { SettingsDialog } from './features/settings/settings.feature.js';
import { notice } from './features/menu/menu.views.js';
import { todayIn } from './format.js';
import {
  EventCardDocument,
  GoalCardDocument,
  HabitCardDocument,
  StepCardDocument,
} from './gql/graphql.js';
import { markup } from './html.js';
import { goneKindOf } from './recovery.texts.js';
import { screen } from './screen.js';
import type { Turn } from './turn.js';

/** A multi-step edit waiting for the user's next message; each feature declares its own. */
export type Dialog =
  | GoalsDialog
  | HabitsDialog
  | CalendarDialog
  | SettingsDialog
  | PlanDialog
  | AdminDialog
  | EditDialog;

/** What a bot keeps per messenger account, saved through the API (setDialogState). */
export interface ClientState {
  dialog?: Dialog;
  /** The assistant's last suggested answers; buttons carry only their index. */
  quickReplies?: string[];
  /** What the user's last text made through the assistant: an edit of that text may redo it. */
  lastMade?: MadeByMessage;
  /** The dialog the user's last answer set a value in, and that message: an edit re-applies. */
  lastAnswer?: { messageId: string; dialog: Dialog };
  /** The new text of a message the user edited, while its answer's buttons wait. */
  edited?: { text: string; messageId: string };
}

/** An event or goal the assistant made from one of the user's messages. */
export interface MadeByMessage {
  messageId: string;
  kind: 'event' | 'goal';
  id: string;
  title: string;
}

/**
 * The object a dialog would edit, loaded to see it is still there: a button of a deleted one
 * must say so at once (NOT_FOUND → "Событие удалено"), not ask a question first.
 */
async function assertExists(turn: Turn, dialog: object): Promise<void> {
  if ('eventId' in dialog) await turn.api(EventCardDocument, { id: String(dialog.eventId) });
  else if ('stepId' in dialog) await turn.api(StepCardDocument, { id: String(dialog.stepId) });
  else if ('goalId' in dialog) await turn.api(GoalCardDocument, { id: String(dialog.goalId) });
  else if ('habitId' in dialog) {
    const today = todayIn(turn.timezone);
    await turn.api(HabitCardDocument, { id: String(dialog.habitId), from: today, to: today });
  }
}

/** Enters a dialog: saves it (so a restart keeps it) and asks the question. */
export async function beginDialog<D extends Dialog>(
  turn: Turn,
  spec: DialogSpec<D>,
  dialog: D,
): Promise<void> {
  await assertExists(turn, dialog);
  await turn.saveState({ ...turn.state, dialog });
  await turn.answer();
  await turn.send(screen(markup`${spec.prompt(turn.t)}`));
}

/** Leaves the dialog in progress, if any (a command or a new request came instead). */
export async function endDialog(turn: Turn): Promise<void> {
  if (turn.state.dialog) await turn.saveState({ ...turn.state, dialog: undefined });
}

/**
 * Dialogs that set one value of something: answering again with an edited message sets it
 * again, harmlessly (a new goal or step would be made twice, so those are not here).
 */
const REAPPLICABLE: ReadonlySet<string> = new Set<Dialog['kind']>([
  'eventDate',
  'eventTime',
  'eventTitle',
  'eventDuration',
  'eventNotes',
  'eventReminderOffsets',
  'eventRepeatWords',
  'goalTitle',
  'goalDeadline',
  'goalDescription',
  'stepTitle',
  'stepEstimate',
  'stepTime',
  'habitTime',
  'timezone',
  'quietHours',
  'dailyTime',
]);

/**
 * A message that reads as a new request rather than an answer to a short question (a date, a
 * time, a zone): a question, or a sentence. Only asked of answers the dialog could not read.
 */
const looksLikeRequest = (text: string) => /\?/u.test(text) || text.split(/\s+/u).length >= 4;

/**
 * The user's answer in a dialog. A valid answer is applied and the dialog ends; an answer the
 * API rejects (BAD_USER_INPUT) or that cannot be read keeps the dialog and says why. The
 * dialog ends by itself when what it edits is gone, and yields ('yield': the caller treats the
 * text as a new request) to a message that is clearly not an answer.
 */
export async function continueDialog<D extends DialogShape>(
  turn: Turn,
  spec: DialogSpec<D>,
  dialog: D,
  text: string,
  /** The answering message's id: kept with a value-setting dialog so an edit re-applies it. */
  messageId?: string,
): Promise<'done' | 'yield'> {
  let outcome;
  try {
    outcome = await spec.answer(turn, dialog, text.trim());
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'NOT_FOUND') {
      await endDialog(turn);
      const gone = turn.t.gone[goneKindOf(dialog)];
      await turn.send(notice(turn.t, `${gone} — ${turn.t.dialogEnded}`));
      return 'done';
    }
    if (error.code !== 'BAD_USER_INPUT') throw error;
    // The API's own words are for developers ("Argument validation failed"): ask again instead.
    outcome = { retry: `${turn.t.rejectedInput} ${spec.prompt(turn.t)}`, keep: true };
  }
  if ('retry' in outcome) {
    if (!outcome.keep && looksLikeRequest(text)) {
      await endDialog(turn);
      return 'yield';
    }
    await turn.send(outcome.screen ?? screen(markup`${outcome.retry}`));
    return 'done';
  }
  const next = 'screen' in outcome ? outcome : { screen: outcome, continueWith: undefined };
  const answered =
    messageId && REAPPLICABLE.has(dialog.kind)
      ? { lastAnswer: { messageId, dialog: dialog as unknown as Dialog } }
      : {};
  await turn.saveState({ ...turn.state, dialog: next.continueWith, ...answered });
  await turn.send(next.screen);
  return 'done';
}
