import { callbackCodec, readFields, type Callback } from '../callback-data.js';
import type { ClientState, Dialog } from '../dialog.js';
import { TEXTS, type PublishedCommand } from '../texts.js';
import { adminFeature } from './admin/admin.feature.js';
import { assistantFeature } from './assistant/assistant.feature.js';
import { calendarFeature } from './calendar/calendar.feature.js';
import { editFeature } from './edit/edit.feature.js';
import type { Buttons, CommandHandler, Dialogs } from './feature.js';
import { goalsFeature } from './goals/goals.feature.js';
import { habitsFeature } from './habits/habits.feature.js';
import { menuFeature } from './menu/menu.feature.js';
import { notificationsFeature } from './notifications/notifications.feature.js';
import { planFeature } from './plan/plan.feature.js';
import { settingsFeature } from './settings/settings.feature.js';
import { todayFeature } from './today/today.feature.js';

/*
 * The features of the bots, composed: the core dispatches through these tables. Each table is
 * typed over its whole union, so an action, dialog or published command without a handler is
 * a compile error.
 */

export const BUTTONS: Buttons<Callback> = {
  ...menuFeature.buttons,
  ...goalsFeature.buttons,
  ...habitsFeature.buttons,
  ...planFeature.buttons,
  ...calendarFeature.buttons,
  ...settingsFeature.buttons,
  ...notificationsFeature.buttons,
  ...assistantFeature.buttons,
  ...adminFeature.buttons,
  ...editFeature.buttons,
  ...todayFeature.buttons,
};

export const DIALOGS: Dialogs<Dialog> = {
  ...goalsFeature.dialogs,
  ...habitsFeature.dialogs,
  ...calendarFeature.dialogs,
  ...settingsFeature.dialogs,
  ...planFeature.dialogs,
  ...adminFeature.dialogs,
  ...editFeature.dialogs,
};

/**
 * Commands by name; the published ones (with a menu description in texts.ts, in the order
 * both bots list them) must have a handler.
 */
export const COMMAND_HANDLERS: Record<PublishedCommand, CommandHandler> = {
  ...menuFeature.commands,
  ...goalsFeature.commands,
  ...habitsFeature.commands,
  ...todayFeature.commands,
  ...calendarFeature.commands,
  ...settingsFeature.commands,
  // Not published: /admin answers operators only (others get the unknown-command answer).
  ...adminFeature.commands,
};

/** The handler of a typed command, published or not (/menu, /week); undefined if none. */
export const commandHandler = (name: string): CommandHandler | undefined =>
  Object.hasOwn(COMMAND_HANDLERS, name)
    ? (COMMAND_HANDLERS as Record<string, CommandHandler>)[name]
    : undefined;

/** The commands both bots publish, in their menu order. */
export const COMMANDS = Object.keys(TEXTS.ru.commands) as PublishedCommand[];

const codec = callbackCodec<Callback>(BUTTONS);
export const packCallback = codec.pack;
export const unpackCallback = codec.unpack;

/** A saved dialog whose kind and fields still fit this version; undefined otherwise. */
function readDialog(raw: unknown): Dialog | undefined {
  const dialog = raw as Record<string, unknown> | undefined;
  const spec =
    dialog && Object.hasOwn(DIALOGS, String(dialog.kind))
      ? DIALOGS[dialog.kind as Dialog['kind']]
      : undefined;
  const fields = spec && readFields(dialog!, spec.fields);
  return fields ? ({ kind: dialog!.kind, ...fields } as Dialog) : undefined;
}

/** Reads a saved state defensively: one written by an older version may not fit any more. */
export function readClientState(raw: Record<string, unknown> | null | undefined): ClientState {
  if (!raw) return {};
  const state: ClientState = {};
  if (Array.isArray(raw.quickReplies) && raw.quickReplies.every((x) => typeof x === 'string')) {
    state.quickReplies = raw.quickReplies as string[];
  }
  const made = raw.lastMade as Record<string, unknown> | undefined;
  if (
    made &&
    typeof made.messageId === 'string' &&
    (made.kind === 'event' || made.kind === 'goal') &&
    typeof made.id === 'string' &&
    typeof made.title === 'string'
  ) {
    state.lastMade = {
      messageId: made.messageId,
      kind: made.kind,
      id: made.id,
      title: made.title,
    };
  }
  const edited = raw.edited as Record<string, unknown> | undefined;
  if (edited && typeof edited.text === 'string' && typeof edited.messageId === 'string') {
    state.edited = { text: edited.text, messageId: edited.messageId };
  }
  const dialog = readDialog(raw.dialog);
  if (dialog) state.dialog = dialog;
  const answered = raw.lastAnswer as Record<string, unknown> | undefined;
  const answeredDialog = answered && readDialog(answered.dialog);
  if (answeredDialog && typeof answered.messageId === 'string') {
    state.lastAnswer = { messageId: answered.messageId, dialog: answeredDialog };
  }
  return state;
}
