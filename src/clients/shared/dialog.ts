import { ApiError } from './api-client.js';
import type { DialogSpec, DialogShape } from './features/feature.js';
import type { CalendarDialog } from './features/calendar/calendar.feature.js';
import type { GoalsDialog } from './features/goals/goals.feature.js';
import type { HabitsDialog } from './features/habits/habits.feature.js';
import type { PlanDialog } from './features/plan/plan.feature.js';
import type { SettingsDialog } from './features/settings/settings.feature.js';
import { markup } from './html.js';
import { screen } from './screen.js';
import type { Turn } from './turn.js';

/** A multi-step edit waiting for the user's next message; each feature declares its own. */
export type Dialog = GoalsDialog | HabitsDialog | CalendarDialog | SettingsDialog | PlanDialog;

/** What a bot keeps per messenger account, saved through the API (setDialogState). */
export interface ClientState {
  dialog?: Dialog;
  /** The assistant's last suggested answers; buttons carry only their index. */
  quickReplies?: string[];
}

/** Enters a dialog: saves it (so a restart keeps it) and asks the question. */
export async function beginDialog<D extends Dialog>(
  turn: Turn,
  spec: DialogSpec<D>,
  dialog: D,
): Promise<void> {
  await turn.saveState({ ...turn.state, dialog });
  await turn.answer();
  await turn.send(screen(markup`${spec.prompt(turn.t)}`));
}

/**
 * The user's answer in a dialog. A valid answer is applied and the dialog ends; an answer the
 * API rejects (BAD_USER_INPUT) or that cannot be read keeps the dialog and says why.
 */
export async function continueDialog<D extends DialogShape>(
  turn: Turn,
  spec: DialogSpec<D>,
  dialog: D,
  text: string,
): Promise<void> {
  let outcome;
  try {
    outcome = await spec.answer(turn, dialog, text.trim());
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'BAD_USER_INPUT') throw error;
    outcome = { retry: turn.t.rejected(error.message) };
  }
  if ('retry' in outcome) {
    await turn.send(screen(markup`${outcome.retry}`));
    return;
  }
  const next = 'screen' in outcome ? outcome : { screen: outcome, continueWith: undefined };
  await turn.saveState({ ...turn.state, dialog: next.continueWith });
  await turn.send(next.screen);
}
