import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import {
  endOfLocalDate,
  findFreeSlots,
  schedulePlan,
  type SchedulePlanInput,
  type ScheduleResult,
} from '../../../src/services/scheduling/index.js';
import { Random, ZONES, randomAnchor, randomBusy, randomHours, randomSteps } from './random.js';

const MINUTE = 60_000;

function randomInput(seed: number): Required<SchedulePlanInput> {
  const random = new Random(seed);
  const zone = random.pick(ZONES);
  const anchor = randomAnchor(random, zone);
  const from = anchor.plus({ minutes: random.int(0, 24 * 60 * 2), seconds: random.int(0, 59) });
  const deadlineDate = anchor.plus({ days: random.int(1, 10) }).toISODate()!;
  const minChunkMinutes = random.pick([15, 30, 45]);
  return {
    steps: randomSteps(random, random.int(1, 8)),
    // Calendars reach past the deadline: the search for a later deadline looks there too.
    busy: randomBusy(random, anchor.minus({ days: 1 }), 30, random.int(0, 40)),
    hours: randomHours(random, zone),
    from: from.toJSDate(),
    deadline: endOfLocalDate(deadlineDate, zone),
    bufferMinutes: random.pick([0, 10, 15, 30]),
    minChunkMinutes,
    maxChunkMinutes: random.int(2 * minChunkMinutes, 240),
    language: random.pick(['ru', 'en'] as const),
  };
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

/** Every invariant of a result, whether or not everything fit; returns what is broken. */
function problemsOf(input: Required<SchedulePlanInput>, result: ScheduleResult): string[] {
  const { steps, hours } = input;
  const buffer = input.bufferMinutes * MINUTE;
  const problems: string[] = [];
  // No chunk outgrows a working day, whatever maxChunkMinutes says.
  const longest = Math.min(
    input.maxChunkMinutes,
    minutesOf(hours.dayEnd) - minutesOf(hours.dayStart),
  );
  const check = (ok: boolean, what: string) => ok || problems.push(what);
  // Only whole steps, as a prefix of the steps in order, each chunk numbered in order.
  const placed = [...new Set(result.placements.map((p) => p.stepId))];
  const prefix = steps.slice(0, placed.length);
  check(placed.join() === prefix.map((s) => s.id).join(), `steps out of order: ${placed}`);
  check(result.feasible === (placed.length === steps.length), 'feasible ≠ all steps placed');
  check((result.report === undefined) === result.feasible, 'report iff not feasible');
  for (const step of prefix) {
    const chunks = result.placements.filter((p) => p.stepId === step.id);
    const lengths = chunks.map((c) => (c.end.getTime() - c.start.getTime()) / MINUTE);
    check(
      chunks.every((c, n) => c.chunk === n + 1 && c.chunks === chunks.length),
      `${step.id}: chunk numbers`,
    );
    check(lengths.reduce((a, b) => a + b, 0) === step.minutes, `${step.id}: minutes ${lengths}`);
    check(step.minutes > longest || chunks.length === 1, `${step.id}: split`);
    // Chunks of at least minChunk are only guaranteed when two of them fit in the longest one.
    const cleanSplits = longest >= 2 * input.minChunkMinutes;
    const low = cleanSplits ? Math.min(input.minChunkMinutes, step.minutes) : 1;
    check(
      lengths.every((m) => m >= low && m <= longest),
      `${step.id}: chunk sizes ${lengths}`,
    );
  }
  let previousEnd = -Infinity;
  for (const p of result.placements) {
    const [start, end] = [p.start.getTime(), p.end.getTime()];
    const what = p.explanation;
    // In order, a buffer apart, between now and the deadline.
    check(start >= input.from.getTime() && end <= input.deadline.getTime(), `${what}: range`);
    check(end > start && start >= previousEnd + buffer, `${what}: overlaps the previous chunk`);
    previousEnd = end;
    const clash = input.busy.find(
      (b) =>
        b.end > b.start && end > b.start.getTime() - buffer && start < b.end.getTime() + buffer,
    );
    check(
      clash === undefined,
      `${what}: clashes with ${clash?.title} ${clash?.start.toISOString()}`,
    );
    // Within the working hours of a working day, in local time.
    const localStart = DateTime.fromJSDate(p.start, { zone: hours.timezone });
    const localEnd = DateTime.fromJSDate(p.end, { zone: hours.timezone });
    const endMinute = localEnd.hasSame(localStart, 'day')
      ? localEnd.hour * 60 + localEnd.minute
      : 24 * 60 + localEnd.diff(localEnd.startOf('day'), 'minutes').minutes;
    check(hours.workDays.includes(localStart.weekday), `${what}: day off`);
    check(localStart.hour * 60 + localStart.minute >= minutesOf(hours.dayStart), `${what}: early`);
    check(endMinute <= minutesOf(hours.dayEnd), `${what}: late`);
  }
  return problems;
}

/** The report's figures and that each option really works. */
function checkReport(input: Required<SchedulePlanInput>, result: ScheduleResult) {
  const report = result.report!;
  const placed = new Set(result.placements.map((p) => p.stepId));
  const needed = input.steps.reduce((sum, s) => sum + s.minutes, 0);
  const scheduled = input.steps.filter((s) => placed.has(s.id)).reduce((a, s) => a + s.minutes, 0);
  const usable = Math.min(input.minChunkMinutes, ...input.steps.map((s) => s.minutes));
  const slots = findFreeSlots({ ...input, to: input.deadline, minMinutes: usable });
  const freeMs = slots.reduce((sum, s) => sum + s.end.getTime() - s.start.getTime(), 0);
  expect(report).toMatchObject({
    neededMinutes: needed,
    freeMinutes: Math.floor(freeMs / MINUTE),
    scheduledMinutes: scheduled,
    shortfallMinutes: needed - scheduled,
  });
  const move = report.options.find((o) => o.kind === 'move_deadline');
  expect(move).toBeDefined(); // every random calendar has room within a year
  if (move?.kind === 'move_deadline') {
    const zone = input.hours.timezone;
    const later = schedulePlan({ ...input, deadline: endOfLocalDate(move.newDeadline, zone) });
    expect(later.feasible).toBe(true);
    const dayBefore = DateTime.fromISO(move.newDeadline).minus({ days: 1 }).toISODate()!;
    expect(schedulePlan({ ...input, deadline: endOfLocalDate(dayBefore, zone) }).feasible).toBe(
      false,
    );
  }
  const cut = report.options.find((o) => o.kind === 'cut_steps');
  expect(cut !== undefined).toBe(placed.size > 0);
  if (cut?.kind === 'cut_steps') {
    expect(cut.stepIdsToCut).toEqual(input.steps.slice(placed.size).map((s) => s.id));
    const kept = input.steps.slice(0, placed.size);
    // What is left fits (paced over the days, so not necessarily at the same times).
    expect(schedulePlan({ ...input, steps: kept }).feasible).toBe(true);
  }
}

describe('schedulePlan on random calendars (200 seeded cases)', () => {
  it('keeps every invariant, and its report adds up when the plan does not fit', () => {
    const outcomes = { feasible: 0, infeasible: 0, split: 0 };
    for (let seed = 1; seed <= 200; seed++) {
      const input = randomInput(seed);
      const result = schedulePlan(input);
      try {
        expect(problemsOf(input, result)).toEqual([]);
        if (!result.feasible) checkReport(input, result);
      } catch (error) {
        throw new Error(`seed ${seed}: ${String(error)}`);
      }
      outcomes[result.feasible ? 'feasible' : 'infeasible']++;
      if (result.placements.some((p) => p.chunks > 1)) outcomes.split++;
    }
    // The generator exercises both outcomes and chunking.
    expect(outcomes.feasible).toBeGreaterThan(30);
    expect(outcomes.infeasible).toBeGreaterThan(30);
    expect(outcomes.split).toBeGreaterThan(30);
  });
});
