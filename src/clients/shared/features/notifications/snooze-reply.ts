import { DateTime } from 'luxon';
import { parseTime } from '../../parse-input.js';
import type { SnoozeCode } from './notifications.views.js';

/**
 * What a reply in words to a reminder asks: a snooze (a preset, which follows the user's own
 * evening and morning times, or minutes from now), to skip this occurrence, or that it is done.
 * Only the one delivered notification moves: a series never shifts.
 */
export type SnoozeReply =
  { preset: SnoozeCode } | { minutes: number } | { skip: true } | { done: true };

/** The API snoozes for 1 minute … 7 days. */
export const MAX_SNOOZE_MINUTES = 7 * 24 * 60;

const SKIP =
  /^(пропусти(ть)?|пропуск|не сегодня|skip|skip it|not today)( (на )?(эт(от|у) раз|эт(у|ой) неделе|this (time|week|one)))?$/u;

const UNIT_MINUTES: [RegExp, number][] = [
  [/^(м|мин|минут[уы]?|m|min|mins|minutes?)$/u, 1],
  [/^(ч|час|часа|часов|h|hr|hrs|hours?)$/u, 60],
  [/^(д|день|дня|дней|d|days?)$/u, 24 * 60],
];

const NUMBER_WORDS: Record<string, number> = {
  один: 1,
  одну: 1,
  два: 2,
  две: 2,
  три: 3,
  пять: 5,
  десять: 10,
  пятнадцать: 15,
  двадцать: 20,
  тридцать: 30,
  one: 1,
  a: 1,
  an: 1,
  two: 2,
  three: 3,
  five: 5,
  ten: 10,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
};

/** "через 20 минут", "in 2 hours", "через час", "через полчаса", "20 min" → minutes. */
function relativeMinutes(text: string): number | null {
  const body = text.replace(/^(через|на|in|for|after)\s+/u, '');
  if (/^(пол\s*часа|полчаса|half an hour)$/u.test(body)) return 30;
  // "через час" / "in an hour": the unit alone means one of it.
  const match = /^(?:(\d{1,4}(?:[.,]\d)?)\s*|([a-zа-яё]+)\s+)?([a-zа-яё]+)$/u.exec(body);
  if (!match) return null;
  const unit = UNIT_MINUTES.find(([pattern]) => pattern.test(match[3]!))?.[1];
  if (!unit) return null;
  const raw = match[1] ?? match[2];
  const count = raw === undefined ? 1 : (NUMBER_WORDS[raw] ?? Number(raw.replace(',', '.')));
  if (!Number.isFinite(count) || count <= 0) return null;
  // A bare number with a unit but no "через"/"in" is still a snooze ("20 мин"); a bare unit is not.
  if (raw === undefined && body === text) return null;
  return Math.round(count * unit);
}

/**
 * Reads a reply to a reminder; null when it is not about when to remind (the message is then an
 * ordinary one). `now` and `timezone` place clock times ("завтра в 9", "at 18:30").
 */
export function readSnoozeReply(raw: string, timezone: string, now: Date): SnoozeReply | null {
  const text = raw
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/u, '')
    .replace(/\s+/gu, ' ')
    // "отложи на час", "напомни через 20 минут", "snooze for 10 min", "remind me in an hour"
    .replace(/^(отложи(ть)?|напомни(ть)?( ещё| еще)?( раз)?|snooze|remind me( again)?)\s+/u, '')
    // "в 9 утра", "в 7 вечера" → am / pm for parseTime
    .replace(/(\d)\s*утра$/u, '$1am')
    .replace(/(\d)\s*(вечера|дня)$/u, '$1pm');
  if (SKIP.test(text)) return { skip: true };
  if (/^(готово|сделано|сделал[а]?|выполнено|done|did it|finished)$/u.test(text)) {
    return { done: true };
  }
  if (/^(вечером|сегодня вечером|tonight|this evening|in the evening|later today)$/u.test(text)) {
    return { preset: 'eve' };
  }
  if (/^(завтра утром|утром|tomorrow morning|in the morning|tomorrow)$/u.test(text)) {
    return { preset: 'tmr' };
  }
  const relative = relativeMinutes(text);
  if (relative !== null) return relative <= MAX_SNOOZE_MINUTES ? { minutes: relative } : null;
  return clockTime(text, timezone, now);
}

/** "завтра в 9", "в 18:30", "tomorrow at 9am", "at 6pm" → minutes until then. */
function clockTime(text: string, timezone: string, now: Date): SnoozeReply | null {
  const match = /^(?:(завтра|сегодня|tomorrow|today)\s+)?(?:(?:в|во|at)\s+)?(.+)$/u.exec(text);
  if (!match) return null;
  const day = match[1];
  // A bare number without "в"/"at" or a day word is too ambiguous ("5" minutes? 5 o'clock?).
  if (!day && !/^(в|во|at)\s/u.test(text)) return null;
  const time = parseTime(match[2]!);
  if (!time) return null;
  const [hour, minute] = time.split(':').map(Number);
  const local = DateTime.fromJSDate(now, { zone: timezone });
  let target = local.set({ hour, minute, second: 0, millisecond: 0 });
  if (day === 'завтра' || day === 'tomorrow') target = target.plus({ days: 1 });
  // A time already passed today means the next one.
  else if (target <= local) target = target.plus({ days: 1 });
  const minutes = Math.ceil(target.diff(local, 'minutes').minutes);
  return minutes >= 1 && minutes <= MAX_SNOOZE_MINUTES ? { minutes } : null;
}
