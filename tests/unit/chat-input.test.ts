import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import {
  parseDateTime,
  parseDuration,
  parseReminderOffsets,
  parseTime,
  parseWhen,
} from '../../src/clients/shared/parse-input.js';
import { parseRepeat } from '../../src/clients/shared/recurrence-input.js';
import { recurrenceLabel } from '../../src/common/recurrence-label.js';

// Issue 18, "Edit everything from the card": lengths, dates and repeats as people say them.

describe('parseDuration', () => {
  it.each([
    ['90', 90],
    ['45 мин', 45],
    ['1ч', 60],
    ['1.5 часа', 90],
    ['1,5 ч', 90],
    ['1:30', 90],
    ['1ч 30м', 90],
    ['2 hours', 120],
    ['на полчаса', 30],
    ['half an hour', 30],
  ])('"%s" is %i minutes', (text, minutes) => expect(parseDuration(text)).toBe(minutes));

  it('is null for anything else', () => {
    for (const text of ['', 'долго', '0', 'полтора года', '1ч30 лет']) {
      expect(parseDuration(text)).toBeNull();
    }
  });
});

describe('parseDateTime', () => {
  const zone = 'Europe/Moscow';
  it('reads a day and a clock time in the user zone', () => {
    const tomorrow = DateTime.now().setZone(zone).plus({ days: 1 });
    const read = (text: string) =>
      DateTime.fromISO(parseDateTime(text, zone)!, { zone }).toFormat('yyyy-MM-dd HH:mm');
    expect(read('завтра в 10')).toBe(`${tomorrow.toFormat('yyyy-MM-dd')} 10:00`);
    expect(read('tomorrow at 4pm')).toBe(`${tomorrow.toFormat('yyyy-MM-dd')} 16:00`);
    expect(read('2030-03-01 18:30')).toBe('2030-03-01 18:30');
  });

  it('needs both', () => {
    for (const text of ['завтра', '10:00', 'когда-нибудь потом']) {
      expect(parseDateTime(text, zone)).toBeNull();
    }
  });
});

describe('recurrenceLabel', () => {
  it.each([
    ['FREQ=DAILY', 'каждый день', 'every day'],
    ['FREQ=WEEKLY;BYDAY=TU,TH', 'по вт, чт', 'on Tue, Thu'],
    ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', 'по будням', 'every weekday'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO', 'раз в 2 нед., по пн', 'every 2 weeks, on Mon'],
    ['FREQ=MONTHLY;COUNT=3', 'каждый месяц, 3 раза', 'every month, 3 times'],
  ])('%s', (rule, ru, en) => {
    expect(recurrenceLabel(rule, 'ru')).toBe(ru);
    expect(recurrenceLabel(rule, 'en')).toBe(en);
  });

  it('keeps a rule it cannot say as written', () => {
    const rule = 'FREQ=MONTHLY;BYSETPOS=-1;BYDAY=FR';
    expect(recurrenceLabel(rule, 'ru')).toBe(rule);
  });
});

describe('parseReminderOffsets', () => {
  it.each([
    ['за 2 часа и за 10 минут', [120, 10]],
    ['1 day, 30 min', [1440, 30]],
    ['за день, за час и в момент начала', [1440, 60, 0]],
    ['30 minutes before', [30]],
    ['an hour before and 1 day before', [1440, 60]],
    ['за 1ч 30м', [90]],
    ['2 дня', [2880]],
    ['нет', []],
    ['none', []],
  ])('"%s" is %p', (text, minutes) => expect(parseReminderOffsets(text)).toEqual(minutes));

  it('is null when a part is not an offset', () => {
    for (const text of ['', 'банан', 'за 2 часа и банан', 'завтра']) {
      expect(parseReminderOffsets(text)).toBeNull();
    }
  });
});

describe('parseRepeat (the assistant’s recurrence words)', () => {
  it.each([
    ['каждый вторник', 'FREQ=WEEKLY;BYDAY=TU'],
    ['every other day', 'FREQ=DAILY;INTERVAL=2'],
    ['по будням', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'],
    ['раз в две недели', 'FREQ=WEEKLY;INTERVAL=2'],
    ['every Monday and Wednesday', 'FREQ=WEEKLY;BYDAY=MO,WE'],
    ['не повторять', null],
    ['does not repeat', null],
    ['нет', null],
  ])('"%s" is %p', (text, rule) => expect(parseRepeat(text)).toEqual({ rule }));

  it('is null for words that are not a repetition', () => {
    for (const text of ['банан', 'завтра', '']) expect(parseRepeat(text)).toBeNull();
  });
});

describe('parseTime as people write it', () => {
  it.each([
    ['в 16:30', '16:30'],
    ['4:30pm', '16:30'],
    ['16.30', '16:30'],
  ])('"%s" is %s', (text, time) => expect(parseTime(text)).toBe(time));
});

describe('parseWhen (a step’s planned time)', () => {
  const zone = 'Europe/Moscow';
  const now = DateTime.fromISO('2026-12-07T12:00', { zone });
  it.each([
    ['в 16:30', '2026-12-07T16:30'],
    ['4:30pm', '2026-12-07T16:30'],
    ['16.30', '2026-12-07T16:30'],
    ['в 9', '2026-12-08T09:00'],
  ])('"%s" is the next such time: %s', (text, local) => {
    const when = DateTime.fromISO(parseWhen(text, zone, now)!, { zone });
    expect(when.toFormat("yyyy-MM-dd'T'HH:mm")).toBe(local);
  });

  it('keeps a date and time, and refuses what is neither', () => {
    expect(parseWhen('11.12 18:00', zone, now)).toContain('-12-11T18:00');
    expect(parseWhen('когда-нибудь', zone, now)).toBeNull();
  });
});
