import { DateTime } from 'luxon';
import type {
  BusyInterval,
  PlanStep,
  WorkingHours,
} from '../../../src/services/scheduling/index.js';

/** mulberry32: a tiny seeded PRNG, so every random case can be replayed from its seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }
}

export const ZONES = ['Europe/Moscow', 'America/New_York', 'Asia/Kolkata'] as const;

// A week before each 2025 New York DST change (Mar 9, Nov 2), and an ordinary week.
const ANCHORS = ['2025-03-05', '2025-10-29', '2025-06-10'];

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Local midnight starting a random anchor day. */
export function randomAnchor(random: Random, zone: string): DateTime {
  return DateTime.fromISO(random.pick(ANCHORS), { zone }).plus({ days: random.int(0, 4) });
}

/**
 * Working hours on a 15-minute grid. Edges stay out of 01:00–03:00 so they never fall into a DST
 * gap or overlap, where "local time" has no single meaning.
 */
export function randomHours(random: Random, zone: string): WorkingHours {
  if (random.chance(0.3))
    return { timezone: zone, dayStart: '09:00', dayEnd: '18:00', workDays: [1, 2, 3, 4, 5] };
  const start = random.int(16, 48) * 15; // 04:00 … 12:00
  const end = random.int(start / 15 + 4, 96) * 15; // at least an hour later, up to 24:00
  const workDays = [1, 2, 3, 4, 5, 6, 7].filter(() => random.chance(0.7));
  return {
    timezone: zone,
    dayStart: hhmm(start),
    dayEnd: hhmm(end),
    workDays: workDays.length > 0 ? workDays : [7], // Sunday: the day the clocks change
  };
}

/** Busy intervals on a 15-minute grid over `days` local days from `start`: meetings, all-day and multi-day events. */
export function randomBusy(random: Random, start: DateTime, days: number, count: number) {
  const busy: BusyInterval[] = [];
  for (let n = 1; n <= count; n++) {
    const day = start.plus({ days: random.int(0, days - 1) }).startOf('day');
    const kind = random.int(1, 20);
    if (kind === 1) {
      busy.push({
        title: `All day ${n}`,
        start: day.toJSDate(),
        end: day.plus({ days: 1 }).toJSDate(),
      });
      continue;
    }
    const from = day.plus({ minutes: random.int(0, 95) * 15 });
    const minutes = kind === 2 ? random.int(24, 72) * 60 : random.int(1, 16) * 15;
    busy.push({
      title: random.chance(0.8) ? `Event ${n}` : undefined,
      start: from.toJSDate(),
      end: from.plus({ minutes }).toJSDate(),
    });
  }
  return busy;
}

export function randomSteps(random: Random, count: number): PlanStep[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `s${index + 1}`,
    title: `Step ${index + 1}`,
    minutes: random.chance(0.3) ? random.int(5, 40) : random.int(20, 400),
  }));
}
