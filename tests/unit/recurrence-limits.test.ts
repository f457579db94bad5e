import { describe, expect, it } from '@jest/globals';
import { span, thrownCode } from '../support/recurrence-helpers.js';
import { DateTime } from 'luxon';
import rrule from 'rrule';
import {
  nextOccurrenceStart,
  normalizeRecurrence,
  occurrenceStarts,
} from '../../src/services/recurrence.js';
import { assertEventSchedule } from '../../src/services/event-schedule.js';

const { RRule } = rrule;

const hours = Array.from({ length: 24 }, (_, hour) => hour).join(',');
const everyTwoMinutes = Array.from({ length: 30 }, (_, i) => i * 2).join(',');

/** Milliseconds `run` takes. */
function timed(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

describe('recurrence limits on write', () => {
  it.each([
    ['720 occurrences a day', `FREQ=DAILY;BYHOUR=${hours};BYMINUTE=${everyTwoMinutes}`],
    ['48 occurrences a day', `FREQ=DAILY;BYHOUR=${hours};BYMINUTE=0,30`],
    ['occurrences 5 minutes apart', 'FREQ=DAILY;BYHOUR=9;BYMINUTE=0,5'],
    ['several seconds of a minute', 'FREQ=WEEKLY;BYSECOND=0,1'],
    ['month 13', 'FREQ=YEARLY;BYMONTH=13'],
    ['month 0', 'FREQ=YEARLY;BYMONTH=0'],
    ['day 32 of a month', 'FREQ=MONTHLY;BYMONTHDAY=32'],
    ['day -32 of a month', 'FREQ=MONTHLY;BYMONTHDAY=-32'],
    ['hour 24', 'FREQ=DAILY;BYHOUR=24'],
    ['minute 60', 'FREQ=DAILY;BYMINUTE=60'],
    ['February 30', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30'],
    ['April 31 and June 31', 'FREQ=DAILY;BYMONTH=4,6;BYMONTHDAY=31'],
  ])('rejects %s with BAD_USER_INPUT', (_name, rule) => {
    expect(thrownCode(() => normalizeRecurrence(rule))).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['24 a day, an hour apart', `FREQ=DAILY;BYHOUR=${hours}`],
    ['twice an hour apart at 15-minute gaps', 'FREQ=DAILY;BYHOUR=9;BYMINUTE=0,15'],
    ['February 29', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29'],
    ['the last day of every month', 'FREQ=MONTHLY;BYMONTHDAY=-1'],
  ])('accepts %s', (_name, rule) => {
    expect(thrownCode(() => normalizeRecurrence(rule))).toBe('no error');
  });

  it('keeps a date-only UNTIL as a date', () => {
    expect(normalizeRecurrence('FREQ=DAILY;UNTIL=20260310')).toBe('FREQ=DAILY;UNTIL=20260310');
  });
});

const LEAP_EVERY_2 = 'FREQ=YEARLY;INTERVAL=2;BYMONTH=2;BYMONTHDAY=29';

describe('assertEventSchedule', () => {
  const event = (start: string, recurrence: string | null) => ({
    ...span(start, 'UTC', recurrence),
  });

  it.each([
    ['year 1', '0001-01-01T10:00', null],
    ['year 1 recurring', '0001-01-01T10:00', 'FREQ=DAILY'],
    ['before 1970', '1969-12-31T10:00', null],
    ['after 2100', '2100-01-02T10:00', 'FREQ=WEEKLY'],
    ['February 29 every other year from an odd year', '2027-01-01T10:00', LEAP_EVERY_2],
    [
      'a rule whose UNTIL is before its start',
      '2026-05-01T10:00',
      'FREQ=DAILY;UNTIL=20260401T000000Z',
    ],
  ])('rejects %s with BAD_USER_INPUT', (_name, start, recurrence) => {
    expect(thrownCode(() => assertEventSchedule(event(start, recurrence)))).toBe('BAD_USER_INPUT');
  });

  it('accepts an ordinary weekly event and a leap-day birthday', () => {
    expect(thrownCode(() => assertEventSchedule(event('2026-03-02T10:00', 'FREQ=WEEKLY')))).toBe(
      'no error',
    );
    const leapDay = event('2028-02-29T10:00', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29');
    expect(thrownCode(() => assertEventSchedule(leapDay))).toBe('no error');
  });
});

describe('date-only UNTIL', () => {
  it('is the whole last day in the event’s timezone, east and west of UTC', () => {
    for (const zone of ['Asia/Tokyo', 'America/Los_Angeles']) {
      const daily = span('2026-03-08T10:00', zone, 'FREQ=DAILY;UNTIL=20260310');
      const starts = occurrenceStarts(daily, new Date('2026-03-01Z'), new Date('2026-03-20Z'));
      const days = starts.map((start) => DateTime.fromJSDate(start, { zone }).toISODate());
      expect(days).toEqual(['2026-03-08', '2026-03-09', '2026-03-10']);
    }
  });
});

// Walking from the start took seconds (year 1: minutes); the bounds leave room for a busy machine.
describe('bounded expansion', () => {
  const oneDay = [new Date('2026-06-10T00:00:00Z'), new Date('2026-06-11T00:00:00Z')] as const;

  it('expands a daily event that started in year 1 in milliseconds', () => {
    const ancient = span('0001-01-01T10:00', 'UTC', 'FREQ=DAILY');
    expect(occurrenceStarts(ancient, ...oneDay).map((d) => d.toISOString())).toEqual([
      '2026-06-10T10:00:00.000Z',
    ]);
    expect(timed(() => occurrenceStarts(ancient, ...oneDay))).toBeLessThan(250);
    expect(timed(() => nextOccurrenceStart(ancient, oneDay[0]))).toBeLessThan(250);
  });

  it('answers quickly for a stored rule that never occurs', () => {
    const never = span('1970-01-01T10:00', 'UTC', 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30');
    expect(timed(() => expect(occurrenceStarts(never, ...oneDay)).toEqual([]))).toBeLessThan(250);
  });

  it('answers quickly for a counted series that ended decades ago', () => {
    const counted = span('1970-01-01T10:00', 'UTC', 'FREQ=DAILY;COUNT=3');
    occurrenceStarts(counted, ...oneDay); // the first call may find where the series ends
    expect(timed(() => expect(occurrenceStarts(counted, ...oneDay)).toEqual([]))).toBeLessThan(100);
  });

  /** What rrule itself says, iterating from the first occurrence (the slow way). */
  function reference(rule: string, start: string, from: Date, to: Date): string[] {
    const options = RRule.parseString(rule);
    const all = new RRule({ ...options, dtstart: new Date(`${start}:00Z`) }).between(
      new Date(from.getTime() - 60 * 60_000 + 1),
      to,
      true,
    );
    return all.filter((d) => d < to).map((d) => d.toISOString());
  }

  it.each([
    'FREQ=DAILY;INTERVAL=7',
    'FREQ=DAILY;BYHOUR=8,20;BYMINUTE=30',
    'FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH',
    'FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=SU,SA',
    'FREQ=MONTHLY',
    'FREQ=MONTHLY;INTERVAL=5;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
    'FREQ=MONTHLY;BYDAY=-1FR',
    'FREQ=YEARLY',
    'FREQ=YEARLY;INTERVAL=3;BYMONTH=2;BYMONTHDAY=29',
    'FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO',
    'FREQ=YEARLY;BYYEARDAY=100,-1',
    'FREQ=DAILY;COUNT=3000',
    'FREQ=WEEKLY;UNTIL=20270101T000000Z',
  ])('gives what full expansion from the start gives for %s', (rule) => {
    const start = '2019-01-31T09:15';
    const event = span(start, 'UTC', rule);
    for (const [from, to] of [
      ['2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z'],
      ['2027-12-20T00:00:00Z', '2028-12-31T00:00:00Z'],
      ['2019-01-01T00:00:00Z', '2019-04-01T00:00:00Z'],
    ]) {
      const window = [new Date(from), new Date(to)] as const;
      expect(occurrenceStarts(event, ...window).map((d) => d.toISOString())).toEqual(
        reference(rule, start, ...window),
      );
    }
  });
});
