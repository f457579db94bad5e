/**
 * Repeated practice ("каждый день 15 слов", "2 раза в неделю") becomes one recurring event:
 * its weekdays, a time of day that is free on as many of them as possible (the cue's time
 * first), from the first day after the previous steps until the deadline.
 */
import { DateTime } from 'luxon';
import { instantOfWallClock } from '../cached-zone.js';
import { MINUTE_MS, type Span } from './intervals.js';
import type { PlacementReason } from './explain.js';
import type { ParsedHours } from './working-hours.js';
import type { StepTraits } from './step-traits.js';

const DAY_MS = 24 * 60 * MINUTE_MS;
/** A year of occurrences at most: rules stay well inside the events' expansion limits. */
const MAX_SPAN_DAYS = 366;
const CANDIDATE_STEP_MINUTES = 30;
const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export interface RecurringPlacement {
  start: number;
  end: number;
  rule: string;
  /** Every occurrence until the deadline, to keep later steps off them. */
  occurrences: Span[];
  reason: Extract<PlacementReason, { kind: 'recurring' }>;
}

export interface RecurringInput {
  minutes: number;
  traits: StepTraits;
  hours: ParsedHours;
  /** Nothing earlier: the end of the previous step. */
  cursor: number;
  deadline: number;
  /** Sorted, merged busy spans (with buffers). */
  blocked: Span[];
}

/** `count` weekdays spread over the week, from `first` when the cue names a day. */
export function weekdaysFor(perWeek: number, workDays: number[], first?: number): number[] {
  if (perWeek >= 7) return [1, 2, 3, 4, 5, 6, 7];
  const pool = [...new Set(workDays.length > 0 ? workDays : [1, 2, 3, 4, 5, 6, 7])].sort();
  if (first !== undefined && !pool.includes(first)) pool.push(first);
  pool.sort((a, b) => a - b);
  const at = first === undefined ? 0 : pool.indexOf(first);
  const rotated = [...pool.slice(at), ...pool.slice(0, at)];
  const count = Math.min(perWeek, rotated.length);
  const picked = Array.from(
    { length: count },
    (_, i) => rotated[Math.floor((i * rotated.length) / count)]!,
  );
  return [...new Set(picked)].sort((a, b) => a - b);
}

function overlaps(blocked: Span[], start: number, end: number): boolean {
  let low = 0;
  let high = blocked.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (blocked[mid]!.end <= start) low = mid + 1;
    else high = mid;
  }
  return low < blocked.length && blocked[low]!.start < end;
}

export { overlaps as overlapsBlocked };

interface LocalDay {
  /** Local midnight written as if it were UTC. */
  wall: number;
  weekday: number;
  iso: string;
}

function localDays(from: number, to: number, zone: ParsedHours['zone']): LocalDay[] {
  const days: LocalDay[] = [];
  let day = DateTime.fromMillis(from, { zone }).startOf('day');
  const last = Math.min(to, from + MAX_SPAN_DAYS * DAY_MS);
  for (; day.toMillis() < last; day = day.plus({ days: 1 })) {
    days.push({
      wall: Date.UTC(day.year, day.month - 1, day.day),
      weekday: day.weekday,
      iso: day.toISODate()!,
    });
  }
  return days;
}

/** Places the repeated step, or null when not one occurrence fits before the deadline. */
export function placeRecurring(input: RecurringInput): RecurringPlacement | null {
  const { minutes, traits, hours, cursor, deadline, blocked } = input;
  const cue = traits.cue;
  const perWeek = traits.repeat?.perWeek ?? 7;
  // "Every day" keeps to working days unless the cue names its own time.
  const workDays = [...hours.days];
  const weekdays =
    perWeek >= 7 && !cue
      ? weekdaysFor(workDays.length > 0 ? workDays.length : 7, workDays)
      : weekdaysFor(perWeek, workDays, cue?.weekday);
  const zoneName = hours.zone.name;
  const days = localDays(cursor, deadline, hours.zone).filter((day) =>
    weekdays.includes(day.weekday),
  );
  const candidates = cue ? [cue.minute] : [];
  for (let m = hours.startMinute; m + minutes <= hours.endMinute; m += CANDIDATE_STEP_MINUTES) {
    candidates.push(m);
  }
  let best: { minute: number; spans: Span[]; clashes: number; iso: string[] } | null = null;
  for (const minute of candidates) {
    const spans: Span[] = [];
    const isos: string[] = [];
    let clashes = 0;
    for (const day of days) {
      const start = instantOfWallClock(day.wall + minute * MINUTE_MS, zoneName).getTime();
      const end = start + minutes * MINUTE_MS;
      if (start < cursor) continue;
      if (end > deadline) break;
      spans.push({ start, end });
      isos.push(day.iso);
      if (overlaps(blocked, start, end)) clashes++;
    }
    // The first occurrence must itself be free: it is the one the user sees first.
    if (spans.length === 0 || overlaps(blocked, spans[0]!.start, spans[0]!.end)) continue;
    if (!best || clashes < best.clashes) best = { minute, spans, clashes, iso: isos };
    if (clashes === 0) break;
  }
  if (!best) return null;
  const until = best.iso.at(-1)!;
  const untilPart = `UNTIL=${until.replaceAll('-', '')}`;
  const rule =
    weekdays.length === 7
      ? `FREQ=DAILY;${untilPart}`
      : `FREQ=WEEKLY;BYDAY=${weekdays.map((day) => BYDAY[day - 1]).join(',')};${untilPart}`;
  const first = best.spans[0]!;
  return {
    start: first.start,
    end: first.end,
    rule,
    occurrences: best.spans,
    reason: {
      kind: 'recurring',
      weekdays,
      until,
      fromCue: cue !== undefined && best.minute === cue.minute,
      clashes: best.clashes,
    },
  };
}
