/**
 * Typed button payloads. Telegram allows 64 bytes of callback data, so each callback packs to
 * a short code and its fields joined by ':' ("g:<uuid>" opens a goal). Unpacking validates
 * every field: data from an old or forged button unpacks to null and is answered politely.
 */

export const TOGGLES = {
  all: 'notificationsEnabled',
  ev: 'eventRemindersEnabled',
  dl: 'deadlineWarningsEnabled',
  od: 'overdueStepRemindersEnabled',
  dg: 'morningDigestEnabled',
} as const;
export type Toggle = keyof typeof TOGGLES;

export const DAILY_TIMES = {
  dg: 'digestTime',
  dl: 'deadlineCheckTime',
  ev: 'eveningNudgeTime',
} as const;
export type DailyTime = keyof typeof DAILY_TIMES;

export const SNOOZE_PRESETS = {
  m10: 'MINUTES_10',
  h1: 'HOUR_1',
  eve: 'THIS_EVENING',
  tmr: 'TOMORROW_MORNING',
} as const;
export type SnoozeCode = keyof typeof SNOOZE_PRESETS;

export type Callback =
  | { a: 'menu' }
  | { a: 'help' }
  | { a: 'goals'; offset: number }
  | { a: 'goal'; goalId: string }
  | { a: 'newGoal' }
  | { a: 'stepDone'; stepId: string }
  | { a: 'goalEdit'; goalId: string }
  | { a: 'goalEditTitle'; goalId: string }
  | { a: 'goalEditDeadline'; goalId: string }
  | { a: 'goalAddStep'; goalId: string }
  | { a: 'goalDelete'; goalId: string }
  | { a: 'goalDeleteYes'; goalId: string }
  | { a: 'plan'; goalId: string }
  | { a: 'planCancel'; goalId: string }
  | { a: 'planAccept'; proposalId: string }
  | { a: 'schedule'; goalId: string }
  | { a: 'calendar'; mode: 'd' | 'w'; date: string }
  | { a: 'event'; eventId: string }
  | { a: 'eventEditDate'; eventId: string }
  | { a: 'eventEditTime'; eventId: string }
  | { a: 'eventDelete'; eventId: string }
  | { a: 'settings' }
  | { a: 'toggle'; toggle: Toggle }
  | { a: 'language' }
  | { a: 'timezone' }
  | { a: 'dailyTime'; field: DailyTime }
  | { a: 'quietHours' }
  | { a: 'quickReply'; index: number }
  | { a: 'notifyDone'; notificationId: string }
  | { a: 'notifySnooze'; notificationId: string; preset: SnoozeCode }
  | { a: 'notifyStepDone'; stepId: string };

type Action = Callback['a'];
type FieldsOf<A extends Action> = Exclude<keyof Extract<Callback, { a: A }>, 'a'>;

const CODES: { [A in Action]: { code: string; fields: readonly FieldsOf<A>[] } } = {
  menu: { code: 'm', fields: [] },
  help: { code: 'h', fields: [] },
  goals: { code: 'gl', fields: ['offset'] },
  goal: { code: 'g', fields: ['goalId'] },
  newGoal: { code: 'ng', fields: [] },
  stepDone: { code: 'sd', fields: ['stepId'] },
  goalEdit: { code: 'ge', fields: ['goalId'] },
  goalEditTitle: { code: 'get', fields: ['goalId'] },
  goalEditDeadline: { code: 'ged', fields: ['goalId'] },
  goalAddStep: { code: 'gas', fields: ['goalId'] },
  goalDelete: { code: 'gx', fields: ['goalId'] },
  goalDeleteYes: { code: 'gxy', fields: ['goalId'] },
  plan: { code: 'gp', fields: ['goalId'] },
  planCancel: { code: 'gpc', fields: ['goalId'] },
  planAccept: { code: 'gpa', fields: ['proposalId'] },
  schedule: { code: 'gs', fields: ['goalId'] },
  calendar: { code: 'c', fields: ['mode', 'date'] },
  event: { code: 'e', fields: ['eventId'] },
  eventEditDate: { code: 'eed', fields: ['eventId'] },
  eventEditTime: { code: 'eet', fields: ['eventId'] },
  eventDelete: { code: 'ex', fields: ['eventId'] },
  settings: { code: 's', fields: [] },
  toggle: { code: 'st', fields: ['toggle'] },
  language: { code: 'sl', fields: [] },
  timezone: { code: 'stz', fields: [] },
  dailyTime: { code: 'stm', fields: ['field'] },
  quietHours: { code: 'sq', fields: [] },
  quickReply: { code: 'qr', fields: ['index'] },
  notifyDone: { code: 'nd', fields: ['notificationId'] },
  notifySnooze: { code: 'ns', fields: ['notificationId', 'preset'] },
  notifyStepDone: { code: 'nsd', fields: ['stepId'] },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isIn = (values: object) => (raw: string) => Object.hasOwn(values, raw);

/** How each field is checked and read back. */
const FIELD_PARSERS: Record<string, (raw: string) => unknown> = {
  goalId: uuid,
  stepId: uuid,
  eventId: uuid,
  proposalId: uuid,
  notificationId: uuid,
  offset: nonNegativeInt,
  index: nonNegativeInt,
  mode: (raw) => (raw === 'd' || raw === 'w' ? raw : undefined),
  date: (raw) => (/^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : undefined),
  toggle: (raw) => (isIn(TOGGLES)(raw) ? raw : undefined),
  field: (raw) => (isIn(DAILY_TIMES)(raw) ? raw : undefined),
  preset: (raw) => (isIn(SNOOZE_PRESETS)(raw) ? raw : undefined),
};

function uuid(raw: string) {
  return UUID.test(raw) ? raw : undefined;
}

function nonNegativeInt(raw: string) {
  return /^\d{1,6}$/.test(raw) ? Number(raw) : undefined;
}

const BY_CODE = new Map(
  Object.entries(CODES).map(([action, spec]) => [spec.code, { action, fields: spec.fields }]),
);

export const CALLBACK_MAX_BYTES = 64;

export function packCallback(callback: Callback): string {
  const spec = CODES[callback.a] as { code: string; fields: readonly string[] };
  const values = spec.fields.map((field) => String((callback as Record<string, unknown>)[field]));
  const packed = [spec.code, ...values].join(':');
  if (Buffer.byteLength(packed) > CALLBACK_MAX_BYTES) {
    throw new Error(`Callback data over ${CALLBACK_MAX_BYTES} bytes: ${packed}`);
  }
  return packed;
}

export function unpackCallback(data: string): Callback | null {
  const [code = '', ...raw] = data.split(':');
  const spec = BY_CODE.get(code);
  if (!spec || raw.length !== spec.fields.length) return null;
  const callback: Record<string, unknown> = { a: spec.action };
  for (const [index, field] of (spec.fields as readonly string[]).entries()) {
    const value = FIELD_PARSERS[field]?.(raw[index] ?? '');
    if (value === undefined) return null;
    callback[field] = value;
  }
  return callback as Callback;
}
