import type { Field } from '../callback-data.js';
import type { Dialog } from '../dialog.js';
import type { Screen } from '../screen.js';
import type { Texts } from '../texts.js';
import type { Turn } from '../turn.js';

/** A button's payload: an action name and its fields (see callback-data.ts). */
export type CallbackShape = { a: string };
/** A multi-step edit waiting for the user's next message. */
export type DialogShape = { kind: string };

/** How each field of `T` (but `key`) is read back from text; its order is the wire order. */
type FieldsOf<T, Key extends keyof T> = { [F in Exclude<keyof T, Key>]: Field<T[F]> };

/** One button action: its short wire code, its fields, and what pressing it does. */
export interface ButtonSpec<C extends CallbackShape> {
  code: string;
  fields: FieldsOf<C, 'a'>;
  press(turn: Turn, callback: C): Promise<void>;
}

/**
 * What a dialog answer does: a screen (the dialog ends); a hint (the dialog stays), which may
 * come as a screen of its own (with buttons to choose from) — an answer that could not be read
 * and looks like a new request leaves the dialog, unless `keep` (it was an answer); or a screen
 * that asks the next question (`continueWith` waits for its answer).
 */
export type DialogOutcome =
  | Screen
  | { retry: string; screen?: Screen; keep?: boolean }
  | { screen: Screen; continueWith?: Dialog };

export interface DialogSpec<D extends DialogShape> {
  /** The question asked when the dialog begins. */
  prompt(t: Texts): string;
  /** Checks a saved dialog's fields (state written by an older version may not fit). */
  fields: FieldsOf<D, 'kind'>;
  answer(turn: Turn, dialog: D, text: string): Promise<DialogOutcome>;
}

/** A handler per action of `C`: an action with no handler is a compile error. */
export type Buttons<C extends CallbackShape> = {
  [A in C['a']]: ButtonSpec<Extract<C, { a: A }>>;
};

export type Dialogs<D extends DialogShape> = {
  [K in D['kind']]: DialogSpec<Extract<D, { kind: K }>>;
};

export type CommandHandler = (turn: Turn) => Promise<void>;

/**
 * A bot feature as one vertical slice: the commands it answers, the buttons it puts on its
 * screens (with their handlers) and the dialogs it asks. The core composes the features in
 * features/registry.ts.
 */
export interface Feature<
  C extends CallbackShape,
  D extends DialogShape = never,
  Command extends string = never,
> {
  commands: Record<Command, CommandHandler>;
  buttons: Buttons<C>;
  dialogs: Dialogs<D>;
}
