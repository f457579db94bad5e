/**
 * Issue 14, item 6 leftovers, checked as properties (fast-check): steps keep their order with
 * rest days between them when the days allow, never land on days off or outside working
 * hours, keep off existing events, spread over ≥ 60% of the free days, and every placement's
 * line says why its slot was chosen.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  endOfLocalDate,
  findFreeSlots,
  schedulePlan,
  type BusyInterval,
  type SchedulePlanInput,
} from '../../../src/services/scheduling/index.js';

const ZONES = ['Europe/Moscow', 'America/New_York', 'Asia/Kolkata'] as const;
const ANCHORS = ['2025-03-05', '2025-10-23', '2025-06-10', '2026-12-07'];
const HOURS = { dayStart: '09:00', dayEnd: '18:00', workDays: [1, 2, 3, 4, 5] };

/** Every reason a line may give (explain.ts), in both languages. */
const REASON = new RegExp(
  [
    'ближайшее свободное время',
    'первое свободное окно',
    'продолжение после части',
    'после шага',
    'время из подсказки шага',
    'шаги распределены равномерно до срока',
    'повторяется',
    'the earliest free time',
    'first free',
    'continues after part',
    'after step',
    'the time the step’s cue names',
    'steps are spread evenly until the deadline',
    'repeats',
  ].join('|'),
  'u',
);
const LINE = {
  ru: /^(Пн|Вт|Ср|Чт|Пт|Сб|Вс) \d\d\.\d\d \d\d:\d\d–\d\d:\d\d: «.+»(, часть \d+ из \d+)? — (.+)$/u,
  en: /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d\d:\d\d–\d\d:\d\d: “.+”(, part \d+ of \d+)? — (.+)$/u,
};

const setting = fc.record({
  zone: fc.constantFrom(...ZONES),
  anchor: fc.constantFrom(...ANCHORS),
  startHour: fc.integer({ min: 7, max: 19 }),
  days: fc.integer({ min: 14, max: 120 }),
  language: fc.constantFrom('ru' as const, 'en' as const),
  count: fc.integer({ min: 2, max: 8 }),
  meetings: fc.array(
    fc.record({
      day: fc.integer({ min: 0, max: 120 }),
      quarter: fc.integer({ min: 36, max: 70 }),
      quarters: fc.integer({ min: 1, max: 8 }),
    }),
    { maxLength: 15 },
  ),
  minutes: fc.array(fc.integer({ min: 3, max: 18 }), { minLength: 8, maxLength: 8 }),
});
type Setting = typeof setting extends fc.Arbitrary<infer T> ? T : never;

function inputOf(s: Setting): SchedulePlanInput {
  const from = DateTime.fromISO(s.anchor, { zone: s.zone }).set({ hour: s.startHour });
  const busy = s.meetings.map(({ day, quarter, quarters }, n): BusyInterval => {
    const at = from.startOf('day').plus({ days: day, minutes: quarter * 15 });
    return {
      title: `Meeting ${n}`,
      start: at.toJSDate(),
      end: at.plus({ minutes: quarters * 15 }).toJSDate(),
    };
  });
  return {
    steps: s.minutes
      .slice(0, s.count)
      .map((n, i) => ({ id: `s${i}`, title: `Step ${i}`, minutes: n * 5 })),
    busy,
    hours: { timezone: s.zone, ...HOURS },
    from: from.toJSDate(),
    deadline: endOfLocalDate(from.plus({ days: s.days }).toISODate()!, s.zone),
    language: s.language,
  };
}

const day = (date: Date, zone: string) => DateTime.fromJSDate(date, { zone }).toISODate()!;

describe('schedulePlan: order, rest days, hours, events and reasons (fast-check)', () => {
  it('keeps the steps in order with a rest day between them when the free days allow', () => {
    fc.assert(
      fc.property(setting, (s) => {
        const input = inputOf(s);
        const result = schedulePlan(input);
        expect(result.feasible).toBe(true);
        const free = findFreeSlots({ ...input, to: input.deadline, minMinutes: 15 });
        const days = [...new Set(free.map((slot) => day(slot.start, s.zone)))];
        const firstOf = new Map<string, number>();
        for (const p of result.placements) {
          if (!firstOf.has(p.stepId)) firstOf.set(p.stepId, days.indexOf(day(p.start, s.zone)));
        }
        const order = input.steps.map((step) => firstOf.get(step.id)!);
        // In plan order, never two steps on the same day …
        for (let i = 1; i < order.length; i++) expect(order[i]!).toBeGreaterThan(order[i - 1]!);
        // … and, with at least two free days per step, a free day left between steps.
        if (days.length >= 2 * input.steps.length) {
          for (let i = 1; i < order.length; i++) {
            expect(order[i]! - order[i - 1]!).toBeGreaterThanOrEqual(2);
          }
        }
        // Spread over ≥ 60% of the free days.
        if (days.length >= 3) {
          expect((order.at(-1)! - order[0]! + 1) / days.length).toBeGreaterThanOrEqual(0.6);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('stays inside working days and hours and off existing events', () => {
    fc.assert(
      fc.property(setting, (s) => {
        const input = inputOf(s);
        for (const p of schedulePlan(input).placements) {
          const start = DateTime.fromJSDate(p.start, { zone: s.zone });
          const end = DateTime.fromJSDate(p.end, { zone: s.zone });
          expect(HOURS.workDays).toContain(start.weekday);
          expect(start.toFormat('HH:mm') >= HOURS.dayStart).toBe(true);
          expect(end.hasSame(start, 'day') && end.toFormat('HH:mm') <= HOURS.dayEnd).toBe(true);
          for (const b of input.busy) {
            expect(p.start < b.end && p.end > b.start ? `${p.explanation} ⨯ ${b.title}` : '').toBe(
              '',
            );
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('says on every line the day, the time, the step and why that slot', () => {
    fc.assert(
      fc.property(setting, (s) => {
        const input = inputOf(s);
        for (const p of schedulePlan(input).placements) {
          const line = LINE[s.language].exec(p.explanation);
          expect([p.explanation, Boolean(line)]).toEqual([p.explanation, true]);
          expect([p.explanation, REASON.test(line![3]!)]).toEqual([p.explanation, true]);
          const start = DateTime.fromJSDate(p.start, { zone: s.zone });
          expect(p.explanation).toContain(start.toFormat('HH:mm'));
        }
      }),
      { numRuns: 100 },
    );
  });
});
