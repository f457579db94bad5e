/**
 * The placement walk: steps in order, each after the previous one. Three ideas on top of the
 * earliest fit: steps are paced across the days until the deadline (not all on day one), a
 * time named by a step's cue is used when it is free, and repeated practice becomes one
 * recurring event whose occurrences later steps keep off.
 */
import { DateTime } from 'luxon';
import type { PlacementReason } from './explain.js';
import { freeSpans } from './free-slots.js';
import { MINUTE_MS, mergeSpans, type Span } from './intervals.js';
import { overlapsBlocked, placeRecurring } from './recurring-step.js';
import type { StepTraits } from './step-traits.js';
import type { PlanStep } from './types.js';
import type { ParsedHours } from './working-hours.js';

const ALIGN_MS = 5 * MINUTE_MS; // chunks start on round times: 10:05, not 10:03:27
/** Paced steps end by this share of the available days, leaving the rest as slack. */
const SPREAD = 0.8;
/** How far past its paced day a step waits for the time its cue names. */
const CUE_WAIT_DAYS = 7;

export interface TraitStep extends PlanStep {
  traits: StepTraits;
}

export interface Chunk extends Span {
  reason: PlacementReason;
}

export interface FittedStep {
  step: TraitStep;
  chunks: Chunk[];
  recurrence?: string;
}

export interface FitPlan {
  hours: ParsedHours;
  from: number;
  deadline: number;
  bufferMs: number;
  minChunk: number;
  maxChunk: number;
  /** Length of the working day: a one-session step up to this long is never split. */
  dayMinutes: number;
  /** Titles of busy spans by the instant their free slot opens (their end plus the buffer). */
  busyTitles: Map<number, string | undefined>;
}

export interface FitOptions {
  paced: boolean;
  cues: boolean;
}

/** Free slots read from a lazy source as the walk reaches them. */
export class Slots {
  private readonly seen: Span[] = [];
  constructor(private readonly source: Generator<Span>) {}

  at(index: number): Span | undefined {
    while (this.seen.length <= index) {
      const next = this.source.next();
      if (next.done) return undefined;
      this.seen.push(next.value);
    }
    return this.seen[index];
  }

  all(): Span[] {
    for (const span of this.source) this.seen.push(span);
    return this.seen;
  }
}

/**
 * Minutes of the next chunk of a step with `remaining` minutes left, in `available` minutes;
 * 0 when it should not go there. Chunks are at most `max`; a split leaves at least `min` for
 * later, unless no split can (max < 2·min); a step shorter than `min` is never split.
 */
export function chunkMinutes(remaining: number, available: number, min: number, max: number) {
  const cap = Math.min(max, available);
  if (remaining <= cap) return remaining;
  const cleanSplit = Math.min(max, remaining - min) >= min;
  if (!cleanSplit && remaining <= max) return 0; // wait for a slot that holds the rest whole
  const take = cleanSplit ? Math.min(cap, remaining - min) : cap;
  return take >= min ? take : 0;
}

/**
 * Available days between one paced step and the next: the steps end by SPREAD of the days
 * (slack before the deadline), but never share a day when there are days enough for each,
 * and leave a rest day between steps when there are two days for each.
 */
function pace(days: number, steps: number): number {
  const even = (days - 1) / (steps - 1);
  if (even >= 2) return Math.max(even * SPREAD, 2);
  return even * SPREAD >= 1 ? even * SPREAD : Math.min(even, 1);
}

/** The index of the available day `at` falls on (the last one starting at or before it). */
function dayOf(days: number[], at: number): number {
  let index = 0;
  while (index + 1 < days.length && days[index + 1]! <= at) index++;
  return index;
}

/** The start of the first free time of each local day with any, in [from, deadline). */
function availableDays(plan: FitPlan, blocked: Span[], shortest: number): number[] {
  const days: number[] = [];
  let lastDay = '';
  for (const span of freeSpans(plan.from, plan.deadline, plan.hours, blocked, shortest)) {
    const day = DateTime.fromMillis(span.start, { zone: plan.hours.zone }).toISODate()!;
    if (day !== lastDay) days.push(span.start);
    lastDay = day;
  }
  return days;
}

function slotReason(start: number, slot: Span, plan: FitPlan): PlacementReason {
  if (slot.start === plan.from) return { kind: 'now' };
  const local = DateTime.fromMillis(slot.start, { zone: plan.hours.zone });
  if (local.hour * 60 + local.minute === plan.hours.startMinute && start === slot.start) {
    return { kind: 'dayStart' };
  }
  if (plan.busyTitles.has(slot.start)) {
    return { kind: 'afterBusy', title: plan.busyTitles.get(slot.start) };
  }
  return { kind: 'window' };
}

/** The step whole at the first time its cue names, from `earliest` on, when that time is free. */
function cueChunk(
  step: TraitStep,
  earliest: number,
  plan: FitPlan,
  blocked: Span[],
): Chunk[] | null {
  const cue = step.traits.cue;
  if (!cue) return null;
  const from = DateTime.fromMillis(earliest, { zone: plan.hours.zone });
  // A week of the user's days, not of milliseconds: across a DST change they differ by an hour.
  const latest = from.plus({ days: CUE_WAIT_DAYS }).toMillis();
  let day = from.startOf('day');
  for (let n = 0; n < 8; n++, day = day.plus({ days: 1 })) {
    if (cue.weekday !== undefined && day.weekday !== cue.weekday) continue;
    const start = day
      .set({ hour: Math.floor(cue.minute / 60), minute: cue.minute % 60 })
      .toMillis();
    if (start < earliest) continue;
    const end = start + step.minutes * MINUTE_MS;
    if (end > plan.deadline || start > latest) return null;
    if (overlapsBlocked(blocked, start, end)) return null;
    return [{ start, end, reason: { kind: 'cue' } }];
  }
  return null;
}

/** The step in working-hours slots from `earliest`, split only when it is long and splittable. */
function slotChunks(
  step: TraitStep,
  slots: Slots,
  earliest: number,
  previous: FittedStep | undefined,
  plan: FitPlan,
): Chunk[] | null {
  const chunks: Chunk[] = [];
  let remaining = step.minutes;
  let at = earliest;
  // One session (a test run, an exam) stays whole if a working day can hold it.
  const whole =
    step.minutes <= plan.maxChunk || (step.traits.session && step.minutes <= plan.dayMinutes);
  let index = 0;
  for (let slot = slots.at(index); remaining > 0 && slot; slot = slots.at(index)) {
    // The same slot is tried again after a chunk: its rest may hold the next one.
    const start = Math.ceil(Math.max(slot.start, at) / ALIGN_MS) * ALIGN_MS;
    const available = Math.floor((slot.end - start) / MINUTE_MS);
    const take =
      slot.end <= at
        ? 0
        : whole
          ? remaining <= available
            ? remaining
            : 0
          : chunkMinutes(remaining, available, plan.minChunk, plan.maxChunk);
    if (take <= 0) {
      index++;
      continue;
    }
    const end = start + take * MINUTE_MS;
    const reason: PlacementReason =
      chunks.length > 0
        ? at > slot.start
          ? { kind: 'afterPart', part: chunks.length }
          : slotReason(start, slot, plan)
        : at > slot.start
          ? previous
            ? { kind: 'afterStep', title: previous.step.title }
            : { kind: 'now' }
          : slotReason(start, slot, plan);
    chunks.push({ start, end, reason });
    remaining -= take;
    at = end + plan.bufferMs;
  }
  return remaining > 0 ? null : chunks;
}

/**
 * Places steps in order until one does not fit; what fit is returned. Repeated steps start
 * after the previous step but do not hold the next one back.
 */
export function fitSteps(
  steps: TraitStep[],
  plan: FitPlan,
  busy: Span[],
  options: FitOptions,
): FittedStep[] {
  const fitted: FittedStep[] = [];
  let blocked = busy;
  let slots = new Slots(freeSpans(plan.from, plan.deadline, plan.hours, blocked, 0));
  const single = steps.filter((step) => !step.traits.repeat);
  const shortest = Math.min(plan.minChunk, ...single.map((step) => step.minutes));
  const days = options.paced && single.length > 1 ? availableDays(plan, blocked, shortest) : [];
  let cursor = plan.from;
  let order = 0;
  let lastDay = 0;
  let previous: FittedStep | undefined;
  for (const step of steps) {
    if (step.traits.repeat) {
      const placed = placeRecurring({
        minutes: step.minutes,
        traits: step.traits,
        hours: plan.hours,
        cursor,
        deadline: plan.deadline,
        blocked,
      });
      if (!placed) break;
      fitted.push({
        step,
        chunks: [{ start: placed.start, end: placed.end, reason: placed.reason }],
        recurrence: placed.rule,
      });
      const pad = plan.bufferMs;
      const taken = placed.occurrences.map((span) => ({
        start: span.start - pad,
        end: span.end + pad,
      }));
      blocked = mergeSpans([...blocked, ...taken]);
      slots = new Slots(freeSpans(plan.from, plan.deadline, plan.hours, blocked, 0));
      continue;
    }
    const perStep = days.length > 0 ? pace(days.length, single.length) : 0;
    // The paced day, but never closer to the previous step than the pace allows (a step
    // that had to wait for room pushes the next one along, keeping the rest day).
    const dayIndex =
      days.length > 0
        ? Math.min(
            days.length - 1,
            Math.max(Math.floor(order * perStep), lastDay + (order > 0 ? Math.floor(perStep) : 0)),
          )
        : undefined;
    const target = dayIndex === undefined ? undefined : days[dayIndex]!;
    const earliest = Math.max(cursor, target ?? cursor);
    order++;
    let chunks: Chunk[] | null = options.cues ? cueChunk(step, earliest, plan, blocked) : null;
    chunks ??= slotChunks(step, slots, earliest, previous, plan);
    if (!chunks) break;
    if (order > 1 && target !== undefined && target > cursor && chunks[0]!.reason.kind !== 'cue') {
      chunks[0]!.reason = { kind: 'paced', index: order, count: single.length };
    }
    previous = { step, chunks };
    fitted.push(previous);
    lastDay = dayOf(days, chunks[0]!.start);
    cursor = chunks.at(-1)!.end + plan.bufferMs;
  }
  return fitted;
}
