import { describe, expect, it } from '@jest/globals';
import { span, thrownCode } from '../support/recurrence-helpers.js';
import { DateTime } from 'luxon';
import {
  nextOccurrenceStart,
  normalizeRecurrence,
  occurrenceStarts,
} from '../../src/services/recurrence.js';

const NY = 'America/New_York';

const at = (iso: string) => new Date(iso);
const iso = (dates: Date[]) => dates.map((date) => date.toISOString());
const local = (dates: Date[], zone: string) =>
  dates.map((date) => DateTime.fromJSDate(date, { zone }).toFormat("ccc yyyy-MM-dd'T'HH:mm"));

describe('normalizeRecurrence', () => {
  it('returns the rule in canonical form without the RRULE: prefix', () => {
    expect(normalizeRecurrence('RRULE:FREQ=WEEKLY;BYDAY=MO,WE')).toBe('FREQ=WEEKLY;BYDAY=MO,WE');
    expect(normalizeRecurrence('  FREQ=daily;INTERVAL=2  ')).toBe('FREQ=DAILY;INTERVAL=2');
    expect(normalizeRecurrence('FREQ=DAILY;UNTIL=20260310T140000Z')).toBe(
      'FREQ=DAILY;UNTIL=20260310T140000Z',
    );
    expect(normalizeRecurrence('FREQ=MONTHLY;BYMONTHDAY=1;COUNT=12')).toBe(
      'FREQ=MONTHLY;BYMONTHDAY=1;COUNT=12',
    );
  });

  it.each([
    ['garbage', 'garbage'],
    ['empty', ''],
    ['sub-daily frequency', 'FREQ=SECONDLY'],
    ['hourly', 'FREQ=HOURLY'],
    ['unknown weekday', 'FREQ=WEEKLY;BYDAY=XX'],
    ['DTSTART as a part', 'FREQ=DAILY;DTSTART=20260101T100000Z'],
    ['DTSTART line', 'DTSTART:20260101T100000Z\nRRULE:FREQ=DAILY'],
    ['DTSTART with TZID', 'DTSTART;TZID=America/New_York:20260101T100000\nRRULE:FREQ=DAILY'],
    ['negative interval', 'FREQ=DAILY;INTERVAL=-1'],
    ['zero interval', 'FREQ=DAILY;INTERVAL=0'],
    ['fractional interval', 'FREQ=DAILY;INTERVAL=1.5'],
    ['BYSETPOS=0', 'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0'],
    ['zero count', 'FREQ=DAILY;COUNT=0'],
    ['non-numeric count', 'FREQ=DAILY;COUNT=abc'],
  ])('rejects %s with BAD_USER_INPUT', (_name, rule) => {
    expect(thrownCode(() => normalizeRecurrence(rule))).toBe('BAD_USER_INPUT');
  });
});

describe('occurrenceStarts', () => {
  it('returns a one-off event only when it overlaps [from, to)', () => {
    const event = span('2026-05-10T09:00', 'Europe/Moscow', null); // 06:00Z–07:00Z
    const day = [at('2026-05-10T00:00:00Z'), at('2026-05-11T00:00:00Z')] as const;
    expect(iso(occurrenceStarts(event, ...day))).toEqual(['2026-05-10T06:00:00.000Z']);
    // still running at `from`
    expect(
      occurrenceStarts(event, at('2026-05-10T06:59:00Z'), at('2026-05-12T00:00:00Z')),
    ).toHaveLength(1);
    // ends exactly at `from`, starts exactly at `to`
    expect(occurrenceStarts(event, at('2026-05-10T07:00:00Z'), at('2026-05-12T00:00:00Z'))).toEqual(
      [],
    );
    expect(occurrenceStarts(event, at('2026-05-09T00:00:00Z'), at('2026-05-10T06:00:00Z'))).toEqual(
      [],
    );
  });

  it('keeps a daily 02:30 New York event once a day through the spring-forward gap', () => {
    const event = span('2026-03-06T02:30', NY, 'FREQ=DAILY');
    const starts = occurrenceStarts(event, at('2026-03-06T00:00:00Z'), at('2026-03-11T00:00:00Z'));
    const days = starts.map((start) => DateTime.fromJSDate(start, { zone: NY }).toISODate());
    expect(days).toEqual(['2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10']);
    // 02:30 does not exist on March 8: it moves forward by the gap to 03:30 EDT
    expect(iso(starts)).toEqual([
      '2026-03-06T07:30:00.000Z',
      '2026-03-07T07:30:00.000Z',
      '2026-03-08T07:30:00.000Z',
      '2026-03-09T06:30:00.000Z',
      '2026-03-10T06:30:00.000Z',
    ]);
  });

  it('keeps a daily 01:30 New York event once a day through the fall-back overlap', () => {
    const event = span('2026-10-30T01:30', NY, 'FREQ=DAILY');
    const starts = occurrenceStarts(event, at('2026-10-30T00:00:00Z'), at('2026-11-03T00:00:00Z'));
    expect(local(starts, NY)).toEqual([
      'Fri 2026-10-30T01:30',
      'Sat 2026-10-31T01:30',
      'Sun 2026-11-01T01:30',
      'Mon 2026-11-02T01:30',
    ]);
  });

  it('keeps 10:00 local in New York on both sides of the DST changes', () => {
    const event = span('2026-03-05T10:00', NY, 'FREQ=WEEKLY;BYDAY=TH,SU');
    const march = occurrenceStarts(event, at('2026-03-05T00:00:00Z'), at('2026-03-13T00:00:00Z'));
    expect(iso(march)).toEqual([
      '2026-03-05T15:00:00.000Z',
      '2026-03-08T14:00:00.000Z',
      '2026-03-12T14:00:00.000Z',
    ]);
    const november = occurrenceStarts(
      event,
      at('2026-10-29T00:00:00Z'),
      at('2026-11-06T00:00:00Z'),
    );
    expect(iso(november)).toEqual([
      '2026-10-29T14:00:00.000Z',
      '2026-11-01T15:00:00.000Z',
      '2026-11-05T15:00:00.000Z',
    ]);
  });

  it('expands INTERVAL=2 as every other Friday at the same local time', () => {
    const event = span('2026-01-02T18:00', 'Europe/Moscow', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR');
    const starts = occurrenceStarts(event, at('2026-01-01T00:00:00Z'), at('2026-03-01T00:00:00Z'));
    expect(local(starts, 'Europe/Moscow')).toEqual([
      'Fri 2026-01-02T18:00',
      'Fri 2026-01-16T18:00',
      'Fri 2026-01-30T18:00',
      'Fri 2026-02-13T18:00',
      'Fri 2026-02-27T18:00',
    ]);
  });

  it('expands BYMONTHDAY=1 on the 1st of each month in the event zone, not in UTC', () => {
    // 08:00 in Tokyo is 23:00Z of the previous day
    const event = span('2026-01-01T08:00', 'Asia/Tokyo', 'FREQ=MONTHLY;BYMONTHDAY=1');
    const starts = occurrenceStarts(event, at('2025-12-01T00:00:00Z'), at('2026-05-15T00:00:00Z'));
    expect(local(starts, 'Asia/Tokyo')).toEqual([
      'Thu 2026-01-01T08:00',
      'Sun 2026-02-01T08:00',
      'Sun 2026-03-01T08:00',
      'Wed 2026-04-01T08:00',
      'Fri 2026-05-01T08:00',
    ]);
    expect(starts[0]?.toISOString()).toBe('2025-12-31T23:00:00.000Z');
  });

  it('counts COUNT from the first occurrence and includes an UNTIL that falls on one', () => {
    const counted = span('2026-04-01T08:00', 'Europe/Moscow', 'FREQ=DAILY;COUNT=5');
    const fromThird = occurrenceStarts(
      counted,
      at('2026-04-03T00:00:00Z'),
      at('2026-05-01T00:00:00Z'),
    );
    expect(iso(fromThird)).toEqual([
      '2026-04-03T05:00:00.000Z',
      '2026-04-04T05:00:00.000Z',
      '2026-04-05T05:00:00.000Z',
    ]);
    const until = span('2026-03-06T10:00', NY, 'FREQ=DAILY;UNTIL=20260310T140000Z');
    const starts = occurrenceStarts(until, at('2026-03-01T00:00:00Z'), at('2026-04-01T00:00:00Z'));
    expect(local(starts, NY)).toEqual([
      'Fri 2026-03-06T10:00',
      'Sat 2026-03-07T10:00',
      'Sun 2026-03-08T10:00',
      'Mon 2026-03-09T10:00',
      'Tue 2026-03-10T10:00',
    ]);
  });

  it('includes an occurrence that started before `from` and is still running', () => {
    const event = span('2026-06-01T23:00', 'Europe/Berlin', 'FREQ=DAILY', 180); // 21:00Z–00:00Z
    const starts = occurrenceStarts(event, at('2026-06-05T23:30:00Z'), at('2026-06-06T01:00:00Z'));
    expect(iso(starts)).toEqual(['2026-06-05T21:00:00.000Z']);
  });

  it('leaves out cancelled occurrences and puts moved ones at their new time (exceptions)', () => {
    // Mondays 09:00 Berlin across the spring DST change (08:00Z, then 07:00Z).
    const event = {
      ...span('2027-03-22T09:00', 'Europe/Berlin', 'FREQ=WEEKLY;COUNT=4'),
      exceptions: [
        { originalStart: '2027-03-29T07:00:00.000Z', start: null },
        // Moved from 5 April into the window's last day, and one moved from outside in.
        { originalStart: '2027-04-05T07:00:00.000Z', start: '2027-04-06T12:00:00.000Z' },
      ],
    };
    expect(iso(occurrenceStarts(event, at('2027-03-01T00:00Z'), at('2027-04-30T00:00Z')))).toEqual([
      '2027-03-22T08:00:00.000Z',
      '2027-04-06T12:00:00.000Z',
      '2027-04-12T07:00:00.000Z',
    ]);
    // A moved occurrence counts where it is now, not where the rule put it.
    expect(iso(occurrenceStarts(event, at('2027-04-05T00:00Z'), at('2027-04-06T00:00Z')))).toEqual(
      [],
    );
    expect(nextOccurrenceStart(event, at('2027-03-23T00:00Z'))).toEqual(
      at('2027-04-06T12:00:00.000Z'),
    );
  });
});
