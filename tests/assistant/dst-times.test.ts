import { describe, expect, it } from '@jest/globals';
import { occurrenceStarts } from '../../src/services/recurrence.js';
import { iso, NEW_YORK, parseAs } from './parse-helpers.js';

// New York moves from EST (UTC-5) to EDT (UTC-4) at 02:00 on Sunday 2026-03-08.
const SATURDAY_MORNING = '2026-03-07T15:00:00Z'; // Sat 10:00 EST
const WEDNESDAY_MORNING = '2026-03-04T15:00:00Z'; // Wed 10:00 EST

describe('times in America/New_York across the 2026-03-08 DST change', () => {
  it('puts "tomorrow at 9am" at 9:00 EDT, an hour earlier in UTC than the day before', () => {
    const today = parseAs('event_create', 'standup today at 9pm', SATURDAY_MORNING, NEW_YORK);
    const tomorrow = parseAs('event_create', 'standup tomorrow at 9am', SATURDAY_MORNING, NEW_YORK);
    expect(iso(today.start)).toBe('2026-03-08T02:00:00.000Z'); // 21:00 EST
    expect(iso(tomorrow.start)).toBe('2026-03-08T13:00:00.000Z'); // 09:00 EDT
  });

  it('uses the offset of the target day, not of now, for weekdays and dates', () => {
    const friday = parseAs('event_create', 'doctor on Friday at 10am', WEDNESDAY_MORNING, NEW_YORK);
    const monday = parseAs(
      'event_create',
      'doctor next Monday at 10am',
      WEDNESDAY_MORNING,
      NEW_YORK,
    );
    const dated = parseAs('event_create', 'doctor on March 9 at 10am', WEDNESDAY_MORNING, NEW_YORK);
    expect(iso(friday.start)).toBe('2026-03-06T15:00:00.000Z');
    expect(iso(monday.start)).toBe('2026-03-09T14:00:00.000Z');
    expect(iso(dated.start)).toBe('2026-03-09T14:00:00.000Z');
  });

  it('counts "in 2 hours" in elapsed time through the skipped hour', () => {
    const event = parseAs(
      'event_create',
      'remind me in 2 hours to check',
      '2026-03-08T06:30:00Z',
      NEW_YORK,
    );
    expect(iso(event.start)).toBe('2026-03-08T08:30:00.000Z'); // 01:30 EST + 2h = 04:30 EDT
  });

  it('moves a time inside the skipped hour forward to 03:30 EDT', () => {
    const event = parseAs('event_create', 'backup tomorrow at 2:30am', SATURDAY_MORNING, NEW_YORK);
    expect(iso(event.start)).toBe('2026-03-08T07:30:00.000Z');
  });

  it('keeps a daily 9:00 at 9:00 local on both sides of the change', () => {
    const event = parseAs('event_create', 'standup every day at 9am', SATURDAY_MORNING, NEW_YORK);
    expect(iso(event.start)).toBe('2026-03-08T13:00:00.000Z');
    const starts = occurrenceStarts(
      {
        startsAt: event.start as Date,
        durationMinutes: event.durationMinutes,
        timezone: NEW_YORK,
        recurrence: event.recurrence ?? null,
      },
      new Date('2026-03-08T00:00:00Z'),
      new Date('2026-03-10T00:00:00Z'),
    );
    expect(starts.map((start) => start.toISOString())).toEqual([
      '2026-03-08T13:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
  });

  it('gives whole local days for a search across the change', () => {
    const search = parseAs('event_search', 'what do I have tomorrow?', SATURDAY_MORNING, NEW_YORK);
    expect({ from: iso(search.from), to: iso(search.to) }).toEqual({
      from: '2026-03-08T05:00:00.000Z',
      to: '2026-03-09T04:00:00.000Z',
    });
  });

  it('takes the earlier 1:30 on the fall-back night (2026-11-01)', () => {
    const event = parseAs(
      'event_create',
      'backup tomorrow at 1:30am',
      '2026-10-31T16:00:00Z',
      NEW_YORK,
    );
    expect(iso(event.start)).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT
  });
});
