import { DAILY_TIMES, type DailyTime } from './callback-data.js';

/** A multi-step edit waiting for the user's next message. */
export type Dialog =
  | { kind: 'newGoal' }
  | { kind: 'goalTitle'; goalId: string }
  | { kind: 'goalDeadline'; goalId: string }
  | { kind: 'addStep'; goalId: string }
  | { kind: 'eventDate'; eventId: string }
  | { kind: 'eventTime'; eventId: string }
  | { kind: 'timezone' }
  | { kind: 'dailyTime'; field: DailyTime }
  | { kind: 'quietHours' };

/** What a bot keeps per messenger account, saved through the API (setDialogState). */
export interface ClientState {
  dialog?: Dialog;
  /** The assistant's last suggested answers; buttons carry only their index. */
  quickReplies?: string[];
}

const ID_DIALOGS = {
  goalTitle: 'goalId',
  goalDeadline: 'goalId',
  addStep: 'goalId',
  eventDate: 'eventId',
  eventTime: 'eventId',
} as const;

/** Reads a saved state defensively: one written by an older version may not fit any more. */
export function readClientState(raw: Record<string, unknown> | null | undefined): ClientState {
  if (!raw) return {};
  const state: ClientState = {};
  if (Array.isArray(raw.quickReplies) && raw.quickReplies.every((x) => typeof x === 'string')) {
    state.quickReplies = raw.quickReplies as string[];
  }
  const dialog = raw.dialog as Record<string, unknown> | undefined;
  if (dialog && isDialog(dialog)) state.dialog = dialog;
  return state;
}

function isDialog(value: Record<string, unknown>): value is Dialog {
  const kind = value.kind as string;
  if (kind === 'newGoal' || kind === 'timezone' || kind === 'quietHours') return true;
  if (kind === 'dailyTime') return Object.hasOwn(DAILY_TIMES, String(value.field));
  const idField = ID_DIALOGS[kind as keyof typeof ID_DIALOGS];
  return idField !== undefined && typeof value[idField] === 'string';
}
