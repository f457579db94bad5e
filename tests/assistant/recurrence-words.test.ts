import { describe, expect, it } from '@jest/globals';
import { takeRecurrence, toRRule } from '../../src/assistant/offline/recurrence-words.js';
import { Scanner } from '../../src/assistant/offline/text.js';
import { iso, parseAs } from './parse-helpers.js';

describe('recurrence in words', () => {
  // now: Wednesday 2026-03-04 12:00 Moscow (09:00Z)
  it.each([
    ['каждый понедельник в 9 планёрка', 'FREQ=WEEKLY;BYDAY=MO', '2026-03-09T06:00:00.000Z'],
    ['по будням в 8 планёрка', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', '2026-03-05T05:00:00.000Z'],
    ['в будни в 13:00 обед', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', '2026-03-04T10:00:00.000Z'],
    [
      'every other Friday at 5pm retro',
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR',
      '2026-03-06T14:00:00.000Z',
    ],
    [
      'каждое 1 число в 10 оплатить квартиру',
      'FREQ=MONTHLY;BYMONTHDAY=1',
      '2026-04-01T07:00:00.000Z',
    ],
    ['every day at 7 standup', 'FREQ=DAILY', '2026-03-05T04:00:00.000Z'],
    ['ежедневно в 22:00 созвон с Токио', 'FREQ=DAILY', '2026-03-04T19:00:00.000Z'],
    [
      'по вторникам и четвергам в 19:00 урок английского',
      'FREQ=WEEKLY;BYDAY=TU,TH',
      '2026-03-05T16:00:00.000Z',
    ],
    [
      'yoga on Mondays and Wednesdays at 8am',
      'FREQ=WEEKLY;BYDAY=MO,WE',
      '2026-03-09T05:00:00.000Z',
    ],
    ['по выходным в 11 йога в студии', 'FREQ=WEEKLY;BYDAY=SA,SU', '2026-03-07T08:00:00.000Z'],
    [
      'каждые две недели в пятницу в 17:00 ретро',
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR',
      '2026-03-06T14:00:00.000Z',
    ],
    [
      'каждую вторую пятницу в 18 ретро',
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR',
      '2026-03-06T15:00:00.000Z',
    ],
    ['call grandma every 3 days at 6:30am', 'FREQ=DAILY;INTERVAL=3', '2026-03-05T03:30:00.000Z'],
    [
      'pay rent on the 1st of every month at 10am',
      'FREQ=MONTHLY;BYMONTHDAY=1',
      '2026-04-01T07:00:00.000Z',
    ],
    [
      'каждый месяц 15 числа в 12:00 отчёт',
      'FREQ=MONTHLY;BYMONTHDAY=15',
      '2026-03-15T09:00:00.000Z',
    ],
    [
      'каждый первый понедельник месяца в 10 отчёт',
      'FREQ=MONTHLY;BYDAY=+1MO',
      '2026-04-06T07:00:00.000Z',
    ],
    [
      'every last Friday of the month at 5pm demo',
      'FREQ=MONTHLY;BYDAY=-1FR',
      '2026-03-27T14:00:00.000Z',
    ],
    ['team sync weekly on Wednesday at 3pm', 'FREQ=WEEKLY;BYDAY=WE', '2026-03-04T12:00:00.000Z'],
  ])('%s → %s, first at %s', (text, rule, start) => {
    const event = parseAs('event_create', text);
    expect({ recurrence: event.recurrence, start: iso(event.start) }).toEqual({
      recurrence: rule,
      start,
    });
  });

  it('asks for the time of a repetition said without one, and offers its first day', () => {
    const event = parseAs('event_create', 'по субботам встреча клуба');
    expect(event).toMatchObject({ recurrence: 'FREQ=WEEKLY;BYDAY=SA', date: '2026-03-07' });
    expect(event.missing).toEqual(['time']);
    expect(event.question).toBe('На какое время?');
  });

  it('takes "каждое утро" as daily at the morning hour', () => {
    const event = parseAs('event_create', 'каждое утро созвон с командой');
    expect({ rule: event.recurrence, start: iso(event.start) }).toEqual({
      rule: 'FREQ=DAILY',
      start: '2026-03-05T06:00:00.000Z',
    });
  });

  it('leaves one-off weekdays and plain text alone', () => {
    for (const text of ['встреча в пятницу', 'с понедельника по пятницу', 'meeting on Monday']) {
      expect(takeRecurrence(new Scanner(text))).toBeUndefined();
    }
  });

  it('builds RRULE text the recurrence service accepts', () => {
    expect(toRRule({ freq: 'WEEKLY', interval: 2, byDay: [5] })).toBe(
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR',
    );
    expect(toRRule({ freq: 'MONTHLY', byDay: [1], nth: 1 })).toBe('FREQ=MONTHLY;BYDAY=+1MO');
    expect(toRRule({ freq: 'MONTHLY', byMonthDay: 31 })).toBe('FREQ=MONTHLY;BYMONTHDAY=31');
  });
});
