/**
 * schedulePlan benchmark: a 10-step plan into a month of working time with 100 busy events,
 * timed over many runs; pure CPU, no database.
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/schedule-plan.bench.js
 *   BENCH_RUNS=1000 node dist/bench/schedule-plan.bench.js
 *
 * Two cases: a deadline that fits, and one that does not (which also searches up to a year
 * further for the earliest deadline that would).
 */
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import {
  endOfLocalDate,
  schedulePlan,
  type BusyInterval,
  type SchedulePlanInput,
} from '../src/services/scheduling/index.js';

const RUNS = Number(process.env.BENCH_RUNS) || 200;
const WARMUP = 20;
const ZONE = 'Europe/Moscow';

/** A small seeded generator, so every run sees the same calendar. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

function monthOfEvents(count: number): BusyInterval[] {
  const random = seeded(42);
  const month = DateTime.fromISO('2025-03-03', { zone: ZONE });
  return Array.from({ length: count }, (_, n) => {
    const start = month.plus({ days: Math.floor(random() * 30) }).set({
      hour: 8 + Math.floor(random() * 10),
      minute: random() < 0.5 ? 0 : 30,
    });
    return {
      title: `Meeting ${n + 1}`,
      start: start.toJSDate(),
      end: start.plus({ minutes: 30 + 30 * Math.floor(random() * 4) }).toJSDate(),
    };
  });
}

function input(deadline: string): SchedulePlanInput {
  return {
    steps: Array.from({ length: 10 }, (_, n) => ({
      id: `step-${n + 1}`,
      title: `Step ${n + 1}`,
      minutes: [45, 90, 150, 240, 60][n % 5]!,
    })),
    busy: monthOfEvents(100),
    hours: { timezone: ZONE, dayStart: '09:00', dayEnd: '18:00', workDays: [1, 2, 3, 4, 5] },
    from: DateTime.fromISO('2025-03-03T08:00', { zone: ZONE }).toJSDate(),
    deadline: endOfLocalDate(deadline, ZONE),
    language: 'ru',
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function measure(name: string, plan: SchedulePlanInput): void {
  const result = schedulePlan(plan);
  for (let n = 0; n < WARMUP; n++) schedulePlan(plan);
  const times: number[] = [];
  for (let n = 0; n < RUNS; n++) {
    const start = performance.now();
    schedulePlan(plan);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(3)} ms`;
  console.log(
    `${name}: ${result.placements.length} chunks, feasible=${result.feasible}` +
      (result.report ? ` (${result.report.message})` : ''),
  );
  console.log(
    `  ${RUNS} runs: p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, ` +
      `max ${ms(times[times.length - 1]!)}`,
  );
}

measure('fits in the month', input('2025-03-31'));
measure('does not fit in two days', input('2025-03-04'));
