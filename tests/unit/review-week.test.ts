import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { weekAsked } from '../../src/services/assistant/week-asked.js';
import { reviewWeekRange } from '../../src/services/notifications/review-week.js';

const local = (instant: Date) =>
  DateTime.fromJSDate(instant, { zone: 'Europe/Berlin' }).toISO({ suppressMilliseconds: true });

describe('the week a review covers', () => {
  it('is Monday to Sunday, local: last week is the previous calendar week, not the last 7 days', () => {
    // Wednesday 9 December 2026.
    expect(reviewWeekRange('2026-12-09', 'Europe/Berlin', 'last')).toMatchObject({
      from: '2026-11-30',
      to: '2026-12-06',
    });
    expect(reviewWeekRange('2026-12-09', 'Europe/Berlin', 'this')).toMatchObject({
      from: '2026-12-07',
      to: '2026-12-09',
    });
    // On a Monday last week is the one that just ended; this week is that Monday alone.
    expect(reviewWeekRange('2026-12-07', 'Europe/Berlin', 'last')).toMatchObject({
      from: '2026-11-30',
      to: '2026-12-06',
    });
    expect(reviewWeekRange('2026-12-07', 'Europe/Berlin', 'this').from).toBe('2026-12-07');
  });

  it('on a Sunday, this week is the whole week, Monday to that Sunday', () => {
    expect(reviewWeekRange('2026-12-13', 'Europe/Berlin', 'this')).toMatchObject({
      from: '2026-12-07',
      to: '2026-12-13',
    });
  });

  it.each([
    // Berlin leaves summer time on Sunday 25 October 2026: that week is 169 hours long.
    ['autumn', '2026-10-27', '2026-10-19T00:00:00+02:00', '2026-10-26T00:00:00+01:00', 169],
    // and goes back to it on Sunday 29 March 2026: 167 hours.
    ['spring', '2026-03-31', '2026-03-23T00:00:00+01:00', '2026-03-30T00:00:00+02:00', 167],
  ])(
    'across the %s DST change runs from local midnight to local midnight',
    (_, today, start, end, hours) => {
      const week = reviewWeekRange(today, 'Europe/Berlin', 'last');
      expect(local(week.start)).toBe(start);
      expect(local(week.end)).toBe(end);
      expect((week.end.getTime() - week.start.getTime()) / 3_600_000).toBe(hours);
    },
  );
});

describe('which week a message asks about', () => {
  it.each([
    'как прошла прошлая неделя?',
    'Итоги прошлой недели',
    'что я сделал за прошлую неделю',
    'обзор за предыдущую неделю',
    'how was last week?',
    'How did I do last week',
    'recap of the previous week',
  ])('"%s" is last week', (text) => {
    expect(weekAsked(text)).toBe('last');
  });

  it.each(['как прошла неделя?', 'итоги недели', 'how was my week?', 'how was this week'])(
    '"%s" is this week',
    (text) => {
      expect(weekAsked(text)).toBe('this');
    },
  );
});
