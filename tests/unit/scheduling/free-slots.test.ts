import { describe, expect, it } from '@jest/globals';
import { DateTime, IANAZone } from 'luxon';
import { DomainError } from '../../../src/errors/domain-error.js';
import {
  findFreeSlots,
  type Interval,
  type WorkingHours,
} from '../../../src/services/scheduling/index.js';
import { Random, ZONES, randomAnchor, randomBusy, randomHours } from './random.js';

const MSK = 'Europe/Moscow';
const NY = 'America/New_York';
const office = (timezone: string, workDays = [1, 2, 3, 4, 5]): WorkingHours => ({
  timezone,
  dayStart: '09:00',
  dayEnd: '18:00',
  workDays,
});
const at = (local: string, zone = MSK) => DateTime.fromISO(local, { zone }).toJSDate();
const span = (start: string, end: string, zone = MSK): Interval => ({
  start: at(start, zone),
  end: at(end, zone),
});
/** Slots as local "yyyy-MM-dd HH:mm–HH:mm". */
const show = (slots: Interval[], zone = MSK) =>
  slots.map(({ start, end }) => {
    const [s, e] = [start, end].map((date) => DateTime.fromJSDate(date, { zone }));
    return `${s.toFormat('yyyy-MM-dd HH:mm')}–${e.toFormat('HH:mm')}`;
  });

describe('findFreeSlots', () => {
  // 2024-11-11 is a Monday.
  const base = { from: at('2024-11-11T00:00'), to: at('2024-11-12T00:00'), hours: office(MSK) };

  it('cuts busy time and its buffer out of the working day', () => {
    const busy = [span('2024-11-11T11:00', '2024-11-11T12:00')];
    expect(show(findFreeSlots({ ...base, busy, bufferMinutes: 15 }))).toEqual([
      '2024-11-11 09:00–10:45',
      '2024-11-11 12:15–18:00',
    ]);
  });

  it('merges overlapping busy intervals and drops slots shorter than minMinutes', () => {
    const busy = [
      span('2024-11-11T10:00', '2024-11-11T11:00'),
      span('2024-11-11T10:30', '2024-11-11T12:00'),
      span('2024-11-11T12:40', '2024-11-11T17:00'),
    ];
    expect(show(findFreeSlots({ ...base, busy, minMinutes: 45 }))).toEqual([
      '2024-11-11 09:00–10:00',
      '2024-11-11 17:00–18:00',
    ]);
    expect(show(findFreeSlots({ ...base, busy }))).toContain('2024-11-11 12:00–12:40');
  });

  it('skips days off and all-day events, and handles busy time spanning days', () => {
    const week = { from: at('2024-11-08T12:00'), to: at('2024-11-14T00:00'), hours: office(MSK) };
    const busy = [
      span('2024-11-11T00:00', '2024-11-12T00:00'), // all day Monday
      span('2024-11-12T16:00', '2024-11-13T10:30'), // Tuesday afternoon to Wednesday morning
    ];
    expect(show(findFreeSlots({ ...week, busy }))).toEqual([
      '2024-11-08 12:00–18:00',
      '2024-11-12 09:00–16:00',
      '2024-11-13 10:30–18:00',
    ]);
  });

  it('keeps 09:00–18:00 local across the New York DST changes', () => {
    const hours = office(NY, [7, 1]); // Sundays and Mondays
    const spring = findFreeSlots({
      from: at('2025-03-09T00:00', NY),
      to: at('2025-03-11T00:00', NY),
      busy: [],
      hours,
    });
    expect(spring.map((slot) => slot.start.toISOString())).toEqual([
      '2025-03-09T13:00:00.000Z', // already EDT on the day of the change
      '2025-03-10T13:00:00.000Z',
    ]);
    const autumn = findFreeSlots({
      from: at('2025-11-02T00:00', NY),
      to: at('2025-11-03T00:00', NY),
      busy: [span('2025-11-01T23:00', '2025-11-02T10:00', NY)],
      hours,
    });
    expect(autumn.map((slot) => [slot.start.toISOString(), slot.end.toISOString()])).toEqual([
      ['2025-11-02T15:00:00.000Z', '2025-11-02T23:00:00.000Z'],
    ]);
  });

  it('works in a half-hour timezone and clips to from/to', () => {
    const slots = findFreeSlots({
      from: new Date('2024-11-11T05:00:00Z'), // 10:30 in Kolkata
      to: new Date('2024-11-11T10:00:00Z'), // 15:30
      busy: [],
      hours: office('Asia/Kolkata'),
    });
    expect(show(slots, 'Asia/Kolkata')).toEqual(['2024-11-11 10:30–15:30']);
  });

  it('rejects bad working hours', () => {
    const code = (hours: WorkingHours) => {
      try {
        findFreeSlots({ ...base, busy: [], hours });
        return 'no error';
      } catch (error) {
        return error instanceof DomainError ? error.code : String(error);
      }
    };
    expect(code({ ...office(MSK), timezone: 'Mars/Base' })).toBe('BAD_USER_INPUT');
    expect(code({ ...office(MSK), dayStart: '9:00' })).toBe('BAD_USER_INPUT');
    expect(code({ ...office(MSK), dayEnd: '08:00' })).toBe('BAD_USER_INPUT');
    expect(code({ ...office(MSK), workDays: [0] })).toBe('BAD_USER_INPUT');
    expect(code({ ...office(MSK), dayEnd: '24:00' })).toBe('no error');
  });
});

const CELL = 15 * 60_000;

/** Free slots by brute force: every 15-minute cell judged on its own in local time. */
function bruteForce(
  from: number,
  to: number,
  busy: Interval[],
  hours: WorkingHours,
  min: number,
  buffer: number,
) {
  const minute = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
  const [dayStart, dayEnd] = [minute(hours.dayStart), minute(hours.dayEnd)];
  const pad = buffer * 60_000;
  const zone = IANAZone.create(hours.timezone);
  const slots: { start: number; end: number }[] = [];
  for (let cell = from; cell < to; cell += CELL) {
    const local = new Date(cell + zone.offset(cell) * 60_000); // wall clock, read as UTC
    const wall = local.getUTCHours() * 60 + local.getUTCMinutes();
    const free =
      hours.workDays.includes(local.getUTCDay() || 7) &&
      wall >= dayStart &&
      wall + 15 <= dayEnd &&
      busy.every((b) => cell + CELL <= b.start.getTime() - pad || cell >= b.end.getTime() + pad);
    const last = slots[slots.length - 1];
    if (free && last?.end === cell) last.end += CELL;
    else if (free) slots.push({ start: cell, end: cell + CELL });
  }
  return slots
    .filter((slot) => slot.end - slot.start >= Math.max(min * 60_000, 1))
    .map((slot) => `${new Date(slot.start).toISOString()}/${new Date(slot.end).toISOString()}`);
}

describe('findFreeSlots on random calendars', () => {
  it('matches a brute force over 15-minute cells (200 seeded cases)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = new Random(seed);
      const zone = random.pick(ZONES);
      const anchor = randomAnchor(random, zone);
      const days = random.int(1, 5);
      const from = anchor.plus({ minutes: random.int(0, 95) * 15 });
      const to = from.plus({ days, minutes: random.int(0, 95) * 15 });
      const hours = randomHours(random, zone);
      const busy = randomBusy(random, anchor.minus({ days: 1 }), days + 2, random.int(0, 25));
      const minMinutes = random.pick([0, 15, 30, 60, 90]);
      const bufferMinutes = random.pick([0, 15, 30]);
      const input = {
        from: from.toJSDate(),
        to: to.toJSDate(),
        busy,
        hours,
        minMinutes,
        bufferMinutes,
      };
      const got = findFreeSlots(input).map(
        (s) => `${s.start.toISOString()}/${s.end.toISOString()}`,
      );
      const want = bruteForce(
        from.toMillis(),
        to.toMillis(),
        busy,
        hours,
        minMinutes,
        bufferMinutes,
      );
      expect({ seed, slots: got }).toEqual({ seed, slots: want });
    }
  });
});
