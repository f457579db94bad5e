/**
 * Properties of the plans a person would accept (fast-check): steps spread over the time to the
 * deadline, a cue's time used when it is free, repeated practice as a recurring event, a
 * one-session step kept whole; always no overlap, working hours, the deadline, across DST.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { occurrenceStarts } from '../../../src/services/recurrence.js';
import {
  endOfLocalDate,
  findFreeSlots,
  schedulePlan,
  type BusyInterval,
  type Placement,
  type SchedulePlanInput,
} from '../../../src/services/scheduling/index.js';

const MINUTE = 60_000;
const ZONES = ['Europe/Moscow', 'America/New_York', 'Europe/Berlin'] as const;
// Weeks around the 2025 DST changes (New York Mar 9 / Nov 2, Berlin Mar 30 / Oct 26) and June.
const ANCHORS = ['2025-03-05', '2025-03-27', '2025-10-23', '2025-10-29', '2025-06-10'];
const HOURS = { dayStart: '09:00', dayEnd: '18:00', workDays: [1, 2, 3, 4, 5] };
const RU_DAYS = ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'];

const setting = fc.record({
  zone: fc.constantFrom(...ZONES),
  anchor: fc.constantFrom(...ANCHORS),
  startHour: fc.integer({ min: 6, max: 20 }),
  days: fc.integer({ min: 7, max: 90 }),
});
type Setting = typeof setting extends fc.Arbitrary<infer T> ? T : never;

function base(s: Setting): Omit<SchedulePlanInput, 'steps'> {
  const from = DateTime.fromISO(s.anchor, { zone: s.zone }).set({ hour: s.startHour });
  return {
    busy: [],
    hours: { timezone: s.zone, ...HOURS },
    from: from.toJSDate(),
    deadline: endOfLocalDate(from.plus({ days: s.days }).toISODate()!, s.zone),
    language: 'ru',
  };
}

/** A few meetings on the working days ahead, on a 15-minute grid. */
const meetings = (s: Setting) =>
  fc.array(
    fc.record({
      day: fc.integer({ min: 0, max: s.days }),
      quarter: fc.integer({ min: 36, max: 70 }),
      quarters: fc.integer({ min: 1, max: 8 }),
    }),
    { maxLength: 12 },
  );

function toBusy(s: Setting, list: { day: number; quarter: number; quarters: number }[]) {
  const start = DateTime.fromISO(s.anchor, { zone: s.zone });
  return list.map(({ day, quarter, quarters }, n): BusyInterval => {
    const at = start
      .plus({ days: day })
      .set({ hour: 0 })
      .plus({ minutes: quarter * 15 });
    return {
      title: `Meeting ${n}`,
      start: at.toJSDate(),
      end: at.plus({ minutes: quarters * 15 }).toJSDate(),
    };
  });
}

const local = (date: Date, zone: string) => DateTime.fromJSDate(date, { zone });

/** No overlap with the busy time or each other, before the deadline; cue-less ones in working hours. */
function checkCommon(input: SchedulePlanInput, placements: Placement[], cueSteps: Set<string>) {
  const zone = input.hours.timezone;
  const single = placements.filter((p) => !p.recurrence);
  for (const p of placements) {
    expect(p.start.getTime()).toBeGreaterThanOrEqual(input.from.getTime());
    expect(p.end.getTime()).toBeLessThanOrEqual(input.deadline.getTime());
    expect(p.end.getTime()).toBeGreaterThan(p.start.getTime());
    for (const b of input.busy) {
      const clash = p.start < b.end && p.end > b.start;
      expect(clash ? `${p.explanation} ⨯ ${b.title}` : '').toBe('');
    }
    if (!cueSteps.has(p.stepId)) {
      const start = local(p.start, zone);
      const end = local(p.end, zone);
      expect(HOURS.workDays).toContain(start.weekday);
      expect(start.toFormat('HH:mm') >= HOURS.dayStart).toBe(true);
      expect(end.toFormat('HH:mm') <= HOURS.dayEnd && end.hasSame(start, 'day')).toBe(true);
    }
  }
  for (const [i, a] of single.entries()) {
    for (const b of single.slice(i + 1)) expect(a.end <= b.start || b.end <= a.start).toBe(true);
  }
}

describe('schedulePlan: plans a person would accept (fast-check)', () => {
  it('spreads the steps over at least 60% of the available days when they allow', () => {
    fc.assert(
      fc.property(
        setting,
        fc.integer({ min: 2, max: 8 }),
        fc.array(fc.integer({ min: 3, max: 12 }), { minLength: 8, maxLength: 8 }),
        (s, count, fives) => {
          const input = {
            ...base(s),
            steps: fives
              .slice(0, count)
              .map((n, i) => ({ id: `s${i}`, title: `Шаг ${i}`, minutes: n * 5 })),
          };
          const result = schedulePlan(input);
          expect(result.feasible).toBe(true);
          checkCommon(input, result.placements, new Set());
          const zone = s.zone;
          const free = findFreeSlots({ ...input, to: input.deadline, minMinutes: 15 });
          const days = [...new Set(free.map((slot) => local(slot.start, zone).toISODate()!))];
          const used = result.placements.map((p) => local(p.start, zone).toISODate()!);
          const first = days.indexOf(used[0]!);
          const last = days.indexOf(used.at(-1)!);
          if (days.length >= 3)
            expect((last - first + 1) / days.length).toBeGreaterThanOrEqual(0.6);
          // Not all on day one, and in order.
          if (days.length >= count) expect(new Set(used).size).toBe(count);
          expect([...used].sort()).toEqual(used);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('uses the time a step’s cue names when it is free, and another one when it is not', () => {
    fc.assert(
      fc.property(
        setting,
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 7 * 4, max: 21 * 4 }),
        fc.boolean(),
        (s, weekday, quarter, taken) => {
          const time = `${Math.floor(quarter / 4)}:${String((quarter % 4) * 15).padStart(2, '0')}`;
          const cue = `Если ${RU_DAYS[weekday - 1]} ${time} — урок 40 минут`;
          const input = { ...base(s), steps: [{ id: 'a', title: 'Урок', minutes: 40, cue }] };
          const zone = s.zone;
          // The first such weekday at that time, from now on.
          let at = local(input.from, zone).startOf('day');
          while (
            at.weekday !== weekday ||
            at.plus({ minutes: quarter * 15 }) < local(input.from, zone)
          ) {
            at = at.plus({ days: 1 });
          }
          const cueStart = at.set({ hour: Math.floor(quarter / 4), minute: (quarter % 4) * 15 });
          if (taken) {
            input.busy = [
              {
                title: 'Занято',
                start: cueStart.toJSDate(),
                end: cueStart.plus({ hours: 1 }).toJSDate(),
              },
            ];
          }
          const result = schedulePlan(input);
          expect(result.feasible).toBe(true);
          const [placement] = result.placements;
          const same = placement!.start.getTime() === cueStart.toMillis();
          expect(same).toBe(!taken);
          checkCommon(input, result.placements, new Set(same ? ['a'] : []));
        },
      ),
      {
        numRuns: 150,
        // Found by a run: a week of local days is an hour longer across the autumn DST change.
        examples: [
          [{ zone: 'Europe/Berlin', anchor: '2025-10-23', startHour: 19, days: 7 }, 4, 73, false],
        ],
      },
    );
  });

  it('turns repeated practice into a recurring event that later steps keep off', () => {
    fc.assert(
      fc.property(
        setting,
        fc.constantFrom(
          'Учить 15 новых слов каждый день',
          'Урок грамматики 2 раза в неделю',
          'Run 3 times a week',
          'Read 20 pages a day',
          'Еженедельный обзор',
        ),
        (s, title) => {
          const zone = s.zone;
          const input = {
            ...base(s),
            steps: [
              { id: 'first', title: 'Выбрать учебник', minutes: 45 },
              { id: 'repeat', title, minutes: 20 },
              { id: 'after', title: 'Пробный тест', minutes: 90 },
              { id: 'last', title: 'Итоги', minutes: 30 },
            ],
          };
          const result = schedulePlan(input);
          expect(result.feasible).toBe(true);
          checkCommon(input, result.placements, new Set());
          const repeated = result.placements.find((p) => p.stepId === 'repeat')!;
          expect(repeated.recurrence).toMatch(/^FREQ=(DAILY|WEEKLY);/u);
          expect(result.placements.filter((p) => p.recurrence)).toHaveLength(1);
          const first = result.placements.find((p) => p.stepId === 'first')!;
          expect(repeated.start.getTime()).toBeGreaterThanOrEqual(first.end.getTime());
          const starts = occurrenceStarts(
            {
              startsAt: repeated.start,
              durationMinutes: 20,
              recurrence: repeated.recurrence!,
              timezone: zone,
            },
            input.from,
            input.deadline,
          );
          expect(starts.length).toBeGreaterThan(s.days >= 14 ? 1 : 0);
          for (const start of starts) {
            const end = new Date(start.getTime() + 20 * MINUTE);
            expect(end.getTime()).toBeLessThanOrEqual(input.deadline.getTime());
            for (const other of result.placements.filter((p) => !p.recurrence)) {
              expect(other.end <= start || end <= other.start).toBe(true);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('never splits a step that is one session (a test run, an exam)', () => {
    fc.assert(
      fc.property(
        setting.chain((s) => fc.tuple(fc.constant(s), meetings(s))),
        fc.constantFrom(
          'Пробный экзамен на время',
          'Mock exam',
          'Пройти пробный тест',
          'Забег 10 км',
        ),
        fc.integer({ min: 25, max: 48 }),
        ([s, list], title, fives) => {
          const input = {
            ...base(s),
            busy: toBusy(s, list),
            steps: [{ id: 'x', title, minutes: fives * 5 }],
          };
          const result = schedulePlan(input);
          if (!result.feasible) return;
          expect(result.placements).toHaveLength(1);
          expect(result.placements[0]!.chunks).toBe(1);
          checkCommon(input, result.placements, new Set());
        },
      ),
      { numRuns: 150 },
    );
  });
});
