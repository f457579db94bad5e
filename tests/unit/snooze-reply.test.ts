import { describe, expect, it } from '@jest/globals';
import { readSnoozeReply } from '../../src/clients/shared/features/notifications/snooze-reply.js';

// Issue 18, "NL snooze by reply": the words people answer a reminder with.
const zone = 'Europe/Moscow';
// Tuesday 08.12.2026, 14:10 in Moscow.
const now = new Date('2026-12-08T11:10:00Z');
const read = (text: string) => readSnoozeReply(text, zone, now);

describe('readSnoozeReply', () => {
  it.each([
    ['через час', 60],
    ['Через 2 часа', 120],
    ['через 20 минут', 20],
    ['через полчаса', 30],
    ['отложи на час', 60],
    ['20 мин', 20],
    ['in 20 min', 20],
    ['in an hour', 60],
    ['in 2 hours', 120],
    ['snooze for 10 min', 10],
    ['remind me in half an hour', 30],
  ])('"%s" snoozes for %i minutes', (text, minutes) => {
    expect(read(text)).toEqual({ minutes });
  });

  it.each([
    ['завтра в 9', 18 * 60 + 50],
    ['завтра в 9 утра', 18 * 60 + 50],
    ['в 18:30', 4 * 60 + 20],
    ['в 7 вечера', 4 * 60 + 50],
    ['tomorrow at 9am', 18 * 60 + 50],
    ['at 6pm', 3 * 60 + 50],
    // A time already passed today is tomorrow's.
    ['в 9', 18 * 60 + 50],
  ])('"%s" snoozes until that clock time (%i minutes)', (text, minutes) => {
    expect(read(text)).toEqual({ minutes });
  });

  it('reads the user-set evening and morning as presets', () => {
    expect(read('вечером')).toEqual({ preset: 'eve' });
    expect(read('this evening')).toEqual({ preset: 'eve' });
    expect(read('завтра утром')).toEqual({ preset: 'tmr' });
    expect(read('tomorrow morning')).toEqual({ preset: 'tmr' });
  });

  it('skips one occurrence or marks it done', () => {
    for (const text of [
      'пропустить',
      'skip this week',
      'skip',
      'не сегодня',
      'Пропусти на этой неделе',
    ])
      expect(read(text)).toEqual({ skip: true });
    for (const text of ['готово', 'Done!', 'сделал']) expect(read(text)).toEqual({ done: true });
  });

  it('leaves everything else to the assistant', () => {
    for (const text of ['что у меня завтра?', '5', 'час', 'встреча завтра в 15', 'через 9 лет', ''])
      expect(read(text)).toBeNull();
    // Beyond the API's week.
    expect(read('через 8 дней')).toBeNull();
  });
});
