import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { CheckInStatus, Habit, HabitScheduleKind, HabitStatus } from '../../src/entities/index.js';
import { applyStats } from '../../src/services/habits/habit-history.js';
import type { Schedule } from '../../src/services/habits/habit-schedule.js';
import {
  classifyDays,
  completionRate,
  computeStats,
  isDueOn,
  scoreStep,
  unrecordedMissedDays,
  type HabitHistory,
} from '../../src/services/habits/habit-stats.js';
import { addDays, habitDayOf, isoWeekday } from '../../src/services/habits/local-date.js';
import { minutesOfDay } from '../../src/services/timezone.js';

const { DONE, SKIPPED, MISSED } = CheckInStatus;
const daily: Schedule = { kind: HabitScheduleKind.DAILY, weekdays: [], count: null };

function history(overrides: Partial<HabitHistory> & { done?: string[] } = {}): HabitHistory {
  const checkIns = new Map(overrides.checkIns ?? []);
  for (const date of overrides.done ?? []) checkIns.set(date, DONE);
  return {
    schedule: daily,
    startedOn: '2026-03-02',
    today: '2026-03-10',
    isExcluded: () => false,
    ...overrides,
    checkIns,
  };
}

/** A seeded generator, so a failing property prints a seed that reproduces it. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]!,
  };
}

const SCHEDULES: Schedule[] = [
  daily,
  { kind: HabitScheduleKind.WEEKDAYS, weekdays: [1, 3, 5], count: null },
  { kind: HabitScheduleKind.TIMES_PER_WEEK, weekdays: [], count: 3 },
  { kind: HabitScheduleKind.TIMES_PER_MONTH, weekdays: [], count: 8 },
  { kind: HabitScheduleKind.EVERY_N_DAYS, weekdays: [], count: 3 },
];

/** A random history: 20…120 days, random check-ins, random vacation/pause days. */
function randomHistory(seed: number): HabitHistory {
  const rnd = random(seed);
  const startedOn = addDays('2025-01-01', rnd.int(365));
  const today = addDays(startedOn, 20 + rnd.int(100));
  const checkIns = new Map<string, CheckInStatus>();
  const excluded = new Set<string>();
  for (let date = startedOn; date <= today; date = addDays(date, 1)) {
    const roll = rnd.next();
    if (roll < 0.55) checkIns.set(date, DONE);
    else if (roll < 0.62) checkIns.set(date, SKIPPED);
    else if (roll < 0.66) checkIns.set(date, MISSED);
    if (rnd.next() < 0.08) excluded.add(date);
  }
  return {
    schedule: rnd.pick(SCHEDULES),
    startedOn,
    today,
    checkIns,
    isExcluded: (date) => excluded.has(date),
  };
}

const SEEDS = Array.from({ length: 200 }, (_, index) => index + 1);

describe('streaks', () => {
  it('counts consecutive done days and resets on a missed one (daily)', () => {
    const stats = computeStats(
      history({ done: ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-06', '2026-03-07'] }),
    );
    // 03-05 missed; 03-08, 03-09 missed; today open.
    expect(stats).toMatchObject({ currentStreak: 0, bestStreak: 3, doneCount: 5 });
  });

  it('today without a check-in is open, not missed: the streak holds until the day ends', () => {
    const done = ['2026-03-07', '2026-03-08', '2026-03-09'];
    expect(computeStats(history({ done }))).toMatchObject({ currentStreak: 3, bestStreak: 3 });
    expect(classifyDays(history({ done })).at(-1)).toEqual({ date: '2026-03-10', outcome: 'open' });
  });

  it('late check-off of yesterday restores the streak; undoing it restores the stats exactly', () => {
    const base = history({ done: ['2026-03-07', '2026-03-08'] });
    expect(computeStats(base).currentStreak).toBe(0);
    const late = history({ done: ['2026-03-07', '2026-03-08', '2026-03-09'] });
    expect(computeStats(late).currentStreak).toBe(3);
    const undone = new Map(late.checkIns);
    undone.delete('2026-03-09');
    expect(computeStats({ ...late, checkIns: undone })).toEqual(computeStats(base));
  });

  it('paused and vacation days are neither missed nor counted', () => {
    const away = new Set(['2026-03-04', '2026-03-05']);
    const h = history({
      done: [
        '2026-03-02',
        '2026-03-03',
        '2026-03-04',
        '2026-03-06',
        '2026-03-07',
        '2026-03-08',
        '2026-03-09',
      ],
      isExcluded: (date) => away.has(date),
    });
    expect(computeStats(h)).toMatchObject({ currentStreak: 6, bestStreak: 6, doneCount: 6 });
    expect(classifyDays(h).filter((day) => day.outcome === 'missed')).toEqual([]);
  });

  it('skipped days neither break nor extend a streak', () => {
    const checkIns = new Map([['2026-03-08', SKIPPED]]);
    const h = history({ checkIns, done: ['2026-03-07', '2026-03-09'], startedOn: '2026-03-07' });
    expect(computeStats(h)).toMatchObject({ currentStreak: 2, bestStreak: 2 });
  });

  it('weekday habits: only the chosen weekdays can be missed', () => {
    const h = history({
      schedule: { kind: HabitScheduleKind.WEEKDAYS, weekdays: [1, 3, 5], count: null },
      done: ['2026-03-02', '2026-03-04', '2026-03-06'],
    });
    // Mon 03-09 missed.
    expect(
      classifyDays(h)
        .filter((d) => d.outcome === 'missed')
        .map((d) => d.date),
    ).toEqual(['2026-03-09']);
    expect(computeStats(h)).toMatchObject({ currentStreak: 0, bestStreak: 3 });
  });

  it('every 3 days counts from the start date', () => {
    const h = history({
      schedule: { kind: HabitScheduleKind.EVERY_N_DAYS, weekdays: [], count: 3 },
      done: ['2026-03-02', '2026-03-05'],
    });
    expect(
      classifyDays(h)
        .filter((d) => d.outcome === 'missed')
        .map((d) => d.date),
    ).toEqual(['2026-03-08']);
    expect(isDueOn(h, '2026-03-11')).toBe(true);
    expect(isDueOn(h, '2026-03-10')).toBe(false);
  });
});

describe('N times per week / month', () => {
  const perWeek = (count: number): Schedule => ({
    kind: HabitScheduleKind.TIMES_PER_WEEK,
    weekdays: [],
    count,
  });

  it('a day is missed only once the week can no longer reach N', () => {
    // Week of Mon 03-02 … Sun 03-08, 3 a week, done Mon and Tue.
    const h = history({ schedule: perWeek(3), done: ['2026-03-02', '2026-03-03'] });
    const missed = classifyDays(h)
      .filter((d) => d.outcome === 'missed')
      .map((d) => d.date);
    expect(missed).toEqual(['2026-03-08']);
  });

  it('a week that reached N has no missed day; a vacation lowers the quota', () => {
    const full = history({
      schedule: perWeek(3),
      done: ['2026-03-02', '2026-03-04', '2026-03-06'],
    });
    expect(classifyDays(full).some((d) => d.outcome === 'missed' && d.date <= '2026-03-08')).toBe(
      false,
    );
    const away = (date: string) => date >= '2026-03-03' && date <= '2026-03-07';
    const vacation = history({
      schedule: perWeek(3),
      done: ['2026-03-02', '2026-03-08'],
      isExcluded: away,
    });
    expect(
      classifyDays(vacation).some((d) => d.outcome === 'missed' && d.date <= '2026-03-08'),
    ).toBe(false);
  });

  it('is due today while the quota is open, and not after it is met', () => {
    const h = history({
      schedule: perWeek(2),
      today: '2026-03-04',
      done: ['2026-03-02', '2026-03-03'],
    });
    expect(isDueOn(h, '2026-03-04')).toBe(false);
    expect(isDueOn({ ...h, checkIns: new Map([['2026-03-02', DONE]]) }, '2026-03-04')).toBe(true);
  });
});

describe('strength (Loop Habit Tracker)', () => {
  it('steps as Score.compute: a daily habit done once from zero gains 1 − 0.5^(1/13)', () => {
    expect(scoreStep(1, 0, 1)).toBeCloseTo(1 - Math.pow(0.5, 1 / 13), 12);
    expect(scoreStep(3 / 7, 0.5, 0)).toBeCloseTo(0.5 * Math.pow(0.5, Math.sqrt(3 / 7) / 13), 12);
  });

  it('a daily habit done every day for 90 days is strong; a missed day makes it decay', () => {
    const done = Array.from({ length: 90 }, (_, i) => addDays('2026-01-01', i));
    const h = history({ startedOn: '2026-01-01', today: '2026-03-31', done });
    const strong = computeStats(h).strength;
    expect(strong).toBeGreaterThan(0.99);
    const withMiss = computeStats({ ...h, today: '2026-04-02' }).strength;
    expect(withMiss).toBeCloseTo(strong * Math.pow(0.5, 1 / 13), 10);
  });
});

describe('properties over random histories (every schedule kind, pauses, vacations)', () => {
  it('hold for 200 seeded random histories', () => {
    for (const seed of SEEDS) {
      const h = randomHistory(seed);
      const stats = computeStats(h);
      const days = classifyDays(h);
      const context = { seed, kind: h.schedule.kind };
      expect({ ...context, ok: stats.strength >= 0 && stats.strength <= 1 }).toEqual({
        ...context,
        ok: true,
      });
      expect({
        ...context,
        ok: stats.currentStreak <= stats.bestStreak && stats.bestStreak <= stats.doneCount,
      }).toEqual({ ...context, ok: true });
      // Excluded days are never missed nor counted.
      const wrong = days.filter((d) => h.isExcluded(d.date) && d.outcome !== 'excluded');
      expect({ ...context, wrong }).toEqual({ ...context, wrong: [] });
      // The current streak is the done days since the last missed one.
      const lastMissed = days.map((d) => d.outcome).lastIndexOf('missed');
      const since = days.slice(lastMissed + 1).filter((d) => d.outcome === 'done').length;
      expect({ ...context, streak: stats.currentStreak }).toEqual({ ...context, streak: since });
      // Turning a missed day into a done one never lowers the streaks or the strength.
      const firstMissed = days.find((d) => d.outcome === 'missed');
      if (firstMissed) {
        const better = computeStats({
          ...h,
          checkIns: new Map(h.checkIns).set(firstMissed.date, DONE),
        });
        expect({
          ...context,
          ok: better.bestStreak >= stats.bestStreak && better.strength >= stats.strength - 1e-12,
        }).toEqual({ ...context, ok: true });
      }
      // What the end of a day records is the missed days without a row; recording them changes nothing.
      const recorded = new Map(h.checkIns);
      for (const date of unrecordedMissedDays(h, addDays(h.today, -1))) recorded.set(date, MISSED);
      expect({ ...context, stats: computeStats({ ...h, checkIns: recorded }) }).toEqual({
        ...context,
        stats,
      });
      const rate = completionRate(h, 30);
      expect({ ...context, ok: rate === null || (rate >= 0 && rate <= 1) }).toEqual({
        ...context,
        ok: true,
      });
    }
  });
});

describe('habitDayOf: the day start across timezones and DST', () => {
  const ZONES = [
    'Europe/Moscow',
    'Europe/Berlin',
    'America/New_York',
    'Australia/Sydney',
    'Asia/Kathmandu',
    'UTC',
  ];

  it('a 03:00 day start moves 01:30 to yesterday, also on DST change days', () => {
    // Berlin springs forward 2026-03-29 02:00 → 03:00: 03:30 local is 01:30Z.
    expect(habitDayOf(new Date('2026-03-29T01:30:00Z'), 'Europe/Berlin', '03:00')).toBe(
      '2026-03-29',
    );
    expect(habitDayOf(new Date('2026-03-29T00:30:00Z'), 'Europe/Berlin', '03:00')).toBe(
      '2026-03-28',
    );
    // New York falls back 2026-11-01: 01:30 happens twice, both before 03:00.
    expect(habitDayOf(new Date('2026-11-01T05:30:00Z'), 'America/New_York', '03:00')).toBe(
      '2026-10-31',
    );
    expect(habitDayOf(new Date('2026-11-01T06:30:00Z'), 'America/New_York', '03:00')).toBe(
      '2026-10-31',
    );
    expect(habitDayOf(new Date('2026-11-01T08:00:00Z'), 'America/New_York', '03:00')).toBe(
      '2026-11-01',
    );
  });

  /** Spring and autumn DST changes of the northern and southern hemispheres. */
  const SEASONS = [
    ['2026-03-01T00:00:00Z', '2026-04-15T00:00:00Z'],
    ['2026-10-01T00:00:00Z', '2026-11-15T00:00:00Z'],
  ];

  it.each(ZONES)('%s: every date of a DST season is a habit day exactly once, in order', (zone) => {
    for (const dayStart of ['00:00', '03:00', '05:30']) {
      for (const [from, to] of SEASONS) {
        const seen: string[] = [];
        const wrongTurns: string[] = [];
        for (let t = Date.parse(from!); t < Date.parse(to!); t += 15 * 60_000) {
          const day = habitDayOf(new Date(t), zone, dayStart);
          if (seen.at(-1) === day) continue;
          // The day turns on the wall clock at dayStart (or just after, in a DST gap).
          const local = DateTime.fromMillis(t, { zone });
          const late = local.hour * 60 + local.minute - minutesOfDay(dayStart);
          if (seen.length > 0 && (late < 0 || late >= 75)) wrongTurns.push(local.toISO()!);
          seen.push(day);
        }
        const gaps = seen.slice(1).filter((day, i) => day !== addDays(seen[i]!, 1));
        expect({ zone, dayStart, from, gaps, wrongTurns }).toEqual({
          zone,
          dayStart,
          from,
          gaps: [],
          wrongTurns: [],
        });
      }
    }
  });

  it('isoWeekday matches the calendar', () => {
    expect(isoWeekday('2026-03-02')).toBe(1);
    expect(isoWeekday('2026-03-08')).toBe(7);
  });
});

describe('the target (applyStats)', () => {
  const habitWith = (target: number | null, status = HabitStatus.ACTIVE) =>
    Object.assign(new Habit(), { target, status, completedAt: null, schedule: daily });
  const at = new Date('2026-03-10T12:00:00Z');

  it('completes an active habit once, when the done days reach the target', () => {
    const habit = habitWith(3);
    const done = ['2026-03-07', '2026-03-08', '2026-03-09'];
    expect(applyStats(habit, history({ done: done.slice(0, 2) }), at)).toBe(false);
    expect(habit.status).toBe(HabitStatus.ACTIVE);
    expect(applyStats(habit, history({ done }), at)).toBe(true);
    expect(habit).toMatchObject({ status: HabitStatus.COMPLETED, completedAt: at, doneCount: 3 });
    expect(applyStats(habit, history({ done }), at)).toBe(false);
    expect(habit.status).toBe(HabitStatus.COMPLETED);
  });

  it('an undo under the target, or a raised target, makes it active again', () => {
    const habit = habitWith(2, HabitStatus.COMPLETED);
    expect(applyStats(habit, history({ done: ['2026-03-09'] }), at)).toBe(false);
    expect(habit).toMatchObject({ status: HabitStatus.ACTIVE, completedAt: null });
    const archived = habitWith(1, HabitStatus.ARCHIVED);
    applyStats(archived, history({ done: ['2026-03-09'] }), at);
    expect(archived.status).toBe(HabitStatus.ARCHIVED);
  });
});
