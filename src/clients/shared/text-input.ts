import { continueDialog } from './dialog.js';
import { askAssistant } from './features/assistant/assistant.feature.js';
import { notice } from './features/menu/menu.views.js';
import type { Turn } from './turn.js';

/** The longest message the assistant reads (the API refuses longer ones). */
export const TEXT_LIMIT = 2000;

/**
 * A text the user means as input: the answer to the dialog in progress, if it is one, else a
 * request to the assistant. `messageId` (the user's message) lets an edit of it redo what it made.
 */
export async function answerText(turn: Turn, text: string, messageId?: string): Promise<void> {
  const length = [...text.trim()].length;
  if (length > TEXT_LIMIT) {
    return void (await turn.send(notice(turn.t, turn.t.tooLong(TEXT_LIMIT, length))));
  }
  const dialog = turn.state.dialog;
  if (dialog) {
    // Loaded when used: features (edit-replies.ts) call this, and the registry imports them.
    const { DIALOGS } = await import('./features/registry.js');
    const spec = DIALOGS[dialog.kind] as Parameters<typeof continueDialog>[1];
    if ((await continueDialog(turn, spec, dialog, text, messageId)) === 'done') return;
  }
  // Nothing to read (only spaces): say what the bot understands, with the menu.
  if (!length) return void (await turn.send(notice(turn.t, turn.t.unsupported)));
  return askAssistant(turn, text, messageId);
}
