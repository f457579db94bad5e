import { DateTime } from 'luxon';
import { badInput } from '../../errors/domain-error.js';
import {
  describeCut,
  describeMoveDeadline,
  describePlacement,
  describeShortfall,
} from './explain.js';
import {
  fitSteps,
  Slots,
  type FitOptions,
  type FitPlan,
  type FittedStep,
  type TraitStep,
} from './fit-steps.js';
import { blockedSpans, freeSpans, millisOf, nonNegativeMinutes } from './free-slots.js';
import { MINUTE_MS, spanMinutes, type Span } from './intervals.js';
import { parseWorkingHours } from './working-hours.js';
import { stepTraits } from './step-traits.js';
import type {
  Placement,
  PlanStep,
  ScheduleOption,
  ScheduleReport,
  ScheduleResult,
  SchedulePlanInput,
} from './types.js';

export const SCHEDULE_DEFAULTS = { bufferMinutes: 15, maxChunkMinutes: 120, minChunkMinutes: 30 };

const EXTENSION_MS = 366 * 24 * 60 * MINUTE_MS; // how far past the deadline to look for a new one

/** Tried in turn: the first that places every step wins; the last is the plain earliest fit. */
const ATTEMPTS: FitOptions[] = [
  { paced: true, cues: true },
  { paced: false, cues: true },
  { paced: false, cues: false },
];

function toPlacements(fitted: FittedStep[], plan: FitPlan, input: SchedulePlanInput): Placement[] {
  return fitted.flatMap(({ step, chunks, recurrence }) =>
    chunks.map((chunk, index) => ({
      stepId: step.id,
      start: new Date(chunk.start),
      end: new Date(chunk.end),
      chunk: index + 1,
      chunks: chunks.length,
      ...(recurrence ? { recurrence } : {}),
      explanation: describePlacement({
        language: input.language,
        zone: plan.hours.zone,
        title: step.title,
        start: chunk.start,
        end: chunk.end,
        chunk: index + 1,
        chunks: chunks.length,
        reason: chunk.reason,
      }),
    })),
  );
}

function report(
  input: SchedulePlanInput,
  steps: TraitStep[],
  plan: FitPlan,
  blocked: Span[],
  fitted: FittedStep[],
): ScheduleReport {
  const { language } = input;
  const deadline = plan.deadline;
  const slots = new Slots(freeSpans(plan.from, deadline, plan.hours, blocked, 0));
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
  const longer = fitSteps(steps, { ...plan, deadline: horizon }, blocked, ATTEMPTS[2]!);
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
  const busyTitles = new Map<number, string | undefined>();
  // A free slot that opens after a busy interval starts exactly at its end plus the buffer.
  for (const busy of input.busy) {
    const key = busy.end.getTime() + bufferMinutes * MINUTE_MS;
    if (!busyTitles.get(key)) busyTitles.set(key, busy.title);
  }
  const plan: FitPlan = {
    hours,
    from: millisOf(input.from, 'from'),
    deadline: millisOf(input.deadline, 'deadline'),
    bufferMs: bufferMinutes * MINUTE_MS,
    minChunk: Math.min(minChunk, dayMinutes),
    maxChunk: Math.min(maxChunk, dayMinutes),
    dayMinutes,
    busyTitles,
  };
  const blocked = blockedSpans(input.busy, bufferMinutes);
  const steps = input.steps.map((step) => ({ ...step, traits: stepTraits(step.title, step.cue) }));
  let fitted: FittedStep[] = [];
  for (const options of ATTEMPTS) {
    fitted = fitSteps(steps, plan, blocked, options);
    if (fitted.length === steps.length) {
      return { placements: toPlacements(fitted, plan, input), feasible: true };
    }
  }
  return {
    placements: toPlacements(fitted, plan, input),
    feasible: false,
    report: report(input, steps, plan, blocked, fitted),
  };
}
