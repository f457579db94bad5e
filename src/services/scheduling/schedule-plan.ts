import { DateTime } from 'luxon';
import { badInput } from '../../errors/domain-error.js';
import {
  describeCut,
  describeMoveDeadline,
  describePlacement,
  describeShortfall,
  type PlacementReason,
} from './explain.js';
import { blockedSpans, freeSpans, millisOf, nonNegativeMinutes } from './free-slots.js';
import { MINUTE_MS, spanMinutes, type Span } from './intervals.js';
import { parseWorkingHours, type ParsedHours } from './working-hours.js';
import type {
  Placement,
  PlanStep,
  ScheduleOption,
  ScheduleReport,
  ScheduleResult,
  SchedulePlanInput,
} from './types.js';

export const SCHEDULE_DEFAULTS = { bufferMinutes: 15, maxChunkMinutes: 120, minChunkMinutes: 30 };

const ALIGN_MS = 5 * MINUTE_MS; // chunks start on round times: 10:05, not 10:03:27
const EXTENSION_MS = 366 * 24 * 60 * MINUTE_MS; // how far past the deadline to look for a new one

interface Chunk extends Span {
  /** Start of the free slot that set this chunk's start; null when the previous chunk did. */
  slotStart: number | null;
}
interface FittedStep {
  step: PlanStep;
  chunks: Chunk[];
}

/** Free slots read from a lazy source as the greedy walk reaches them. */
class Slots {
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

interface Plan {
  hours: ParsedHours;
  from: number;
  bufferMs: number;
  minChunk: number;
  maxChunk: number;
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
 * Greedy earliest fit in step order, each step after the previous one's last chunk; stops at
 * the first step that does not fit whole.
 */
function fitSteps(steps: PlanStep[], slots: Slots, plan: Plan): FittedStep[] {
  const fitted: FittedStep[] = [];
  let cursor = plan.from;
  let slotIndex = 0;
  for (const step of steps) {
    const chunks: Chunk[] = [];
    let remaining = step.minutes;
    let at = cursor;
    let index = slotIndex;
    const whole = step.minutes <= plan.maxChunk; // only longer steps are split into chunks
    for (let slot = slots.at(index); remaining > 0 && slot; slot = slots.at(index)) {
      const start = Math.ceil(Math.max(slot.start, at) / ALIGN_MS) * ALIGN_MS;
      const available = Math.floor((slot.end - start) / MINUTE_MS);
      const take = whole
        ? remaining <= available
          ? remaining
          : 0
        : chunkMinutes(remaining, available, plan.minChunk, plan.maxChunk);
      if (take <= 0) {
        index++;
        continue;
      }
      const end = start + take * MINUTE_MS;
      chunks.push({ start, end, slotStart: at > slot.start ? null : slot.start });
      remaining -= take;
      at = end + plan.bufferMs;
    }
    if (remaining > 0) break;
    fitted.push({ step, chunks });
    cursor = at;
    slotIndex = index;
  }
  return fitted;
}

function reasonFor(
  chunk: Chunk,
  index: number,
  previous: FittedStep | undefined,
  plan: Plan,
  busyTitles: Map<number, string | undefined>,
): PlacementReason {
  const { slotStart } = chunk;
  if (slotStart === null) {
    if (index > 0) return { kind: 'afterPart', part: index };
    return previous ? { kind: 'afterStep', title: previous.step.title } : { kind: 'now' };
  }
  if (slotStart === plan.from) return { kind: 'now' };
  const local = DateTime.fromMillis(slotStart, { zone: plan.hours.zone });
  if (local.hour * 60 + local.minute === plan.hours.startMinute) return { kind: 'dayStart' };
  if (busyTitles.has(slotStart)) return { kind: 'afterBusy', title: busyTitles.get(slotStart) };
  return { kind: 'window' };
}

function toPlacements(fitted: FittedStep[], plan: Plan, input: SchedulePlanInput): Placement[] {
  // A free slot that opens after a busy interval starts exactly at its end plus the buffer.
  const busyTitles = new Map<number, string | undefined>();
  for (const busy of input.busy) {
    const key = busy.end.getTime() + plan.bufferMs;
    if (!busyTitles.get(key)) busyTitles.set(key, busy.title);
  }
  return fitted.flatMap(({ step, chunks }, stepIndex) =>
    chunks.map((chunk, index) => ({
      stepId: step.id,
      start: new Date(chunk.start),
      end: new Date(chunk.end),
      chunk: index + 1,
      chunks: chunks.length,
      explanation: describePlacement({
        language: input.language,
        zone: plan.hours.zone,
        title: step.title,
        start: chunk.start,
        end: chunk.end,
        chunk: index + 1,
        chunks: chunks.length,
        reason: reasonFor(chunk, index, fitted[stepIndex - 1], plan, busyTitles),
      }),
    })),
  );
}

function report(
  input: SchedulePlanInput,
  plan: Plan,
  slots: Slots,
  blocked: Span[],
  fitted: FittedStep[],
  deadline: number,
): ScheduleReport {
  const { steps, language } = input;
  const sum = (list: PlanStep[]) => list.reduce((total, step) => total + step.minutes, 0);
  const needed = sum(steps);
  const usable = Math.min(plan.minChunk, ...steps.map((step) => step.minutes));
  const freeMs = slots
    .all()
    .filter((slot) => spanMinutes(slot) >= usable)
    .reduce((total, slot) => total + slot.end - slot.start, 0);
  const free = Math.floor(freeMs / MINUTE_MS);
  const scheduled = sum(fitted.map((entry) => entry.step));
  const options: ScheduleOption[] = [];
  // Greedy placement does not look ahead, so the earliest deadline that works is the local date
  // on which the same plan, searched further, ends.
  const horizon = Math.max(plan.from, deadline) + EXTENSION_MS;
  const longer = fitSteps(
    steps,
    new Slots(freeSpans(plan.from, horizon, plan.hours, blocked, 0)),
    plan,
  );
  const lastEnd = longer.at(-1)?.chunks.at(-1)?.end;
  if (longer.length === steps.length && lastEnd !== undefined) {
    const newDeadline = DateTime.fromMillis(lastEnd - 1, { zone: plan.hours.zone }).toISODate()!;
    const description = describeMoveDeadline(language, newDeadline);
    options.push({ kind: 'move_deadline', description, newDeadline });
  }
  if (fitted.length > 0) {
    const cut = steps.slice(fitted.length);
    const description = describeCut(
      language,
      cut.map((step) => step.title),
    );
    options.push({ kind: 'cut_steps', description, stepIdsToCut: cut.map((step) => step.id) });
  }
  return {
    neededMinutes: needed,
    freeMinutes: free,
    scheduledMinutes: scheduled,
    shortfallMinutes: needed - scheduled,
    message: describeShortfall(language, needed, free, scheduled),
    options,
  };
}

function positiveMinutes(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw badInput(`${field} must be a positive whole number of minutes`, { field });
  }
  return value;
}

/**
 * Places the steps, in order, into the earliest free working time between `from` and the
 * deadline, splitting long steps into chunks. When not every step fits, returns the steps that
 * fit whole plus a report with options (a later deadline, or trailing steps to drop).
 */
export function schedulePlan(input: SchedulePlanInput): ScheduleResult {
  const minChunk = positiveMinutes(
    input.minChunkMinutes ?? SCHEDULE_DEFAULTS.minChunkMinutes,
    'minChunkMinutes',
  );
  const maxChunk = positiveMinutes(
    input.maxChunkMinutes ?? SCHEDULE_DEFAULTS.maxChunkMinutes,
    'maxChunkMinutes',
  );
  if (maxChunk < minChunk) {
    throw badInput('maxChunkMinutes must be at least minChunkMinutes', {
      field: 'maxChunkMinutes',
    });
  }
  for (const step of input.steps) positiveMinutes(step.minutes, 'steps.minutes');
  const bufferMinutes = nonNegativeMinutes(
    input.bufferMinutes,
    SCHEDULE_DEFAULTS.bufferMinutes,
    'bufferMinutes',
  );
  const hours = parseWorkingHours(input.hours);
  // No chunk can outgrow a working day, so a step longer than the day is split whatever maxChunk says.
  const dayMinutes = hours.endMinute - hours.startMinute;
  const plan: Plan = {
    hours,
    from: millisOf(input.from, 'from'),
    bufferMs: bufferMinutes * MINUTE_MS,
    minChunk: Math.min(minChunk, dayMinutes),
    maxChunk: Math.min(maxChunk, dayMinutes),
  };
  const deadline = millisOf(input.deadline, 'deadline');
  const blocked = blockedSpans(input.busy, bufferMinutes);
  const slots = new Slots(freeSpans(plan.from, deadline, plan.hours, blocked, 0));
  const fitted = fitSteps(input.steps, slots, plan);
  const placements = toPlacements(fitted, plan, input);
  if (fitted.length === input.steps.length) return { placements, feasible: true };
  return {
    placements,
    feasible: false,
    report: report(input, plan, slots, blocked, fitted, deadline),
  };
}
