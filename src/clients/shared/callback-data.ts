import type { ButtonSpec, CallbackShape } from './features/feature.js';
import type { AdminCallback } from './features/admin/admin.feature.js';
import type { AssistantCallback } from './features/assistant/assistant.feature.js';
import type { CalendarCallback } from './features/calendar/calendar.feature.js';
import type { EditCallback } from './features/edit/edit.feature.js';
import type { GoalsCallback } from './features/goals/goals.feature.js';
import type { HabitsCallback } from './features/habits/habits.feature.js';
import type { MenuCallback } from './features/menu/menu.feature.js';
import type { NotificationsCallback } from './features/notifications/notifications.feature.js';
import type { PlanCallback } from './features/plan/plan.feature.js';
import type { SettingsCallback } from './features/settings/settings.feature.js';
import type { TodayCallback } from './features/today/today.feature.js';

/**
 * Typed button payloads. Telegram allows 64 bytes of callback data, so each callback packs to
 * a short code and its fields joined by ':' ("g:<uuid>" opens a goal). Each feature declares
 * its codes and fields; unpacking validates every field, so data from an old or forged button
 * unpacks to null and is answered politely. The codes are a wire format: buttons already in
 * chats carry them, so a code is never renamed or reused.
 */
export type Callback =
  | MenuCallback
  | GoalsCallback
  | HabitsCallback
  | PlanCallback
  | CalendarCallback
  | SettingsCallback
  | NotificationsCallback
  | AssistantCallback
  | AdminCallback
  | EditCallback
  | TodayCallback;

export type Action = Callback['a'];

/** Reads one field back from its text; undefined = not valid. */
export type Field<T> = (raw: string) => T | undefined;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const uuid: Field<string> = (raw) => (UUID.test(raw) ? raw : undefined);
export const nonNegativeInt: Field<number> = (raw) =>
  /^\d{1,6}$/.test(raw) ? Number(raw) : undefined;
export const isoDate: Field<string> = (raw) => (/^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : undefined);
/** One of the keys of `values` (a code table such as TOGGLES). */
export const keyOf =
  <K extends string>(values: Record<K, unknown>): Field<K> =>
  (raw) =>
    Object.hasOwn(values, raw) ? (raw as K) : undefined;
export const oneOf =
  <V extends string>(...values: V[]): Field<V> =>
  (raw) =>
    values.includes(raw as V) ? (raw as V) : undefined;

export const CALLBACK_MAX_BYTES = 64;

type AnySpec = ButtonSpec<CallbackShape> & { fields: Record<string, Field<unknown>> };

/** Packs and unpacks the callbacks of a table of button specs (the composed features'). */
export function callbackCodec<C extends CallbackShape>(specs: Record<C['a'], unknown>) {
  const table = specs as Record<string, AnySpec>;
  const byCode = new Map<string, string>();
  for (const [action, spec] of Object.entries(table)) {
    if (byCode.has(spec.code)) throw new Error(`Callback code "${spec.code}" used twice`);
    byCode.set(spec.code, action);
  }

  function pack(callback: C): string {
    const spec = table[callback.a]!;
    const values = Object.keys(spec.fields).map((field) =>
      String((callback as Record<string, unknown>)[field]),
    );
    const packed = [spec.code, ...values].join(':');
    if (Buffer.byteLength(packed) > CALLBACK_MAX_BYTES) {
      throw new Error(`Callback data over ${CALLBACK_MAX_BYTES} bytes: ${packed}`);
    }
    return packed;
  }

  function unpack(data: string): C | null {
    const [code = '', ...raw] = data.split(':');
    const action = byCode.get(code);
    if (!action) return null;
    const fields = Object.entries(table[action]!.fields);
    if (raw.length !== fields.length) return null;
    const callback: Record<string, unknown> = { a: action };
    for (const [index, [field, read]] of fields.entries()) {
      const value = read(raw[index] ?? '');
      if (value === undefined) return null;
      callback[field] = value;
    }
    return callback as C;
  }

  return { pack, unpack };
}

/** Reads a saved object's fields with `fields`; null when any does not fit. */
export function readFields(
  raw: Record<string, unknown>,
  fields: Record<string, Field<unknown>>,
): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const [field, read] of Object.entries(fields)) {
    const value = typeof raw[field] === 'string' ? read(raw[field]) : undefined;
    if (value === undefined) return null;
    out[field] = value;
  }
  return out;
}
