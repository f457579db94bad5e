import { ApiError } from '../../api-client.js';
import type { ButtonSpec } from '../feature.js';
import { DeleteEventDocument, DeleteGoalDocument } from '../../gql/graphql.js';
import { markup } from '../../html.js';
import { parseCommand } from '../../messenger.js';
import { button, screen } from '../../screen.js';
import { answerText } from '../../text-input.js';
import type { Turn } from '../../turn.js';
import { notice } from '../menu/menu.views.js';
import { assistantReply, madeBy } from './assistant.feature.js';
import { assistantReplyScreen } from './assistant.views.js';

export type EditReplyCallback = { a: 'editRedo' } | { a: 'editKeep' } | { a: 'editResend' };

/**
 * The longest edited text kept for its buttons: the saved state is small (the API caps it at
 * 4 KB of JSON), and a longer correction is better sent again anyway.
 */
const KEPT_EDIT_LIMIT = 600;

/**
 * A message the user edited. Messengers deliver edits silently, so the edit is never acted on
 * by itself: when it answered a dialog that sets a value (a time, a title), the bot offers to
 * apply the correction; when it made an event or goal, to redo that from the new text;
 * otherwise it says edits are not re-read and offers to send the new text.
 */
export async function answerEdit(turn: Turn, text: string, messageId: string): Promise<void> {
  const trimmed = text.trim();
  const made = turn.state.lastMade;
  // A command edited in is not sent again from here: it is one tap to send it anew.
  if (!trimmed || [...trimmed].length > KEPT_EDIT_LIMIT || parseCommand(trimmed)) {
    await turn.saveState({ ...turn.state, edited: undefined });
    await turn.send(notice(turn.t, turn.t.editNotKept));
    return;
  }
  await turn.saveState({ ...turn.state, edited: { text: trimmed, messageId } });
  const ask = (text: string) =>
    turn.send(
      screen(markup`${text}`, [
        [
          button(turn.t.messageEditButtons.redo, { a: 'editRedo' }),
          button(turn.t.messageEditButtons.keep, { a: 'editKeep' }),
        ],
      ]),
    );
  if (turn.state.lastAnswer?.messageId === messageId) {
    await ask(turn.t.editReapplyAsk(trimmed));
    return;
  }
  if (made?.messageId === messageId) {
    await ask(turn.t.editRedoAsk(made.kind, made.title, trimmed));
    return;
  }
  await turn.send(
    screen(markup`${turn.t.editNotReread(trimmed)}`, [
      [button(turn.t.messageEditButtons.resend, { a: 'editResend' })],
      [button(turn.t.toMenu, { a: 'menu' })],
    ]),
  );
}

/** The edited text its buttons act on; null (with a toast) once used or replaced. */
async function keptEdit(turn: Turn): Promise<{ text: string; messageId: string } | null> {
  const edited = turn.state.edited;
  if (!edited) await turn.answer(turn.t.outdatedButton);
  return edited ?? null;
}

/** Deletes what the old text made; false when it is gone already. */
async function deleteMade(turn: Turn, kind: 'event' | 'goal', id: string): Promise<boolean> {
  try {
    if (kind === 'event') await turn.api(DeleteEventDocument, { id });
    else await turn.api(DeleteGoalDocument, { id });
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') return false;
    throw error;
  }
}

export const editReplyButtons: { [A in EditReplyCallback['a']]: ButtonSpec<{ a: A }> } = {
  editRedo: {
    code: 'mer',
    fields: {},
    async press(turn) {
      const edited = await keptEdit(turn);
      if (!edited) return;
      const answered = turn.state.lastAnswer;
      if (answered?.messageId === edited.messageId) {
        // The corrected answer goes to its dialog again, as if it had just been sent.
        await turn.answer();
        await turn.saveState({ ...turn.state, edited: undefined, dialog: answered.dialog });
        return answerText(turn, edited.text, edited.messageId);
      }
      const old = turn.state.lastMade;
      if (old?.messageId !== edited.messageId) return turn.answer(turn.t.outdatedButton);
      await turn.answer();
      await turn.saveState({ ...turn.state, edited: undefined });
      // The new text first: when it makes nothing (a question back), the old one stays.
      const reply = await assistantReply(turn, edited.text);
      const made = madeBy(edited.messageId, reply.actions);
      let note = turn.t.editOldKept(old.title);
      if (made?.kind === old.kind) {
        note = (await deleteMade(turn, old.kind, old.id))
          ? turn.t.editReplaced(old.title)
          : turn.t.editMadeNew;
        await turn.saveState({ ...turn.state, lastMade: made });
      }
      const answer = assistantReplyScreen(turn.t, reply);
      await turn.show(screen(`${markup`${note}`}\n\n${answer.html}`, answer.buttons));
    },
  },
  editKeep: {
    code: 'mek',
    fields: {},
    async press(turn) {
      if (!(await keptEdit(turn))) return;
      await turn.saveState({ ...turn.state, edited: undefined });
      await turn.answer(turn.t.editKept);
      await turn.show(notice(turn.t, turn.t.editKept));
    },
  },
  editResend: {
    code: 'mes',
    fields: {},
    async press(turn) {
      const edited = await keptEdit(turn);
      if (!edited) return;
      await turn.answer();
      await turn.saveState({ ...turn.state, edited: undefined });
      await answerText(turn, edited.text, edited.messageId);
    },
  },
};
