import { describe, expect, it } from '@jest/globals';
import { iso, NEW_YORK, parseAs } from './parse-helpers.js';

/** Wednesday 2026-03-04, 12:00 in Moscow (UTC+3), as in every parse test. */
describe('errands and services said without a day', () => {
  it.each([
    'к нотариусу сходить надо',
    'внука из школы забрать',
    'зубной у сына',
    'груминг для собаки',
    'отвезти маму на дачу',
    'ремонт холодильника',
    'юбилей у деда',
    'vet for biscuit',
    'date night w my wife',
    'swim meet for tyler',
    'take the cat to the vet',
    'pick up the kids from school',
  ])('"%s" is an event whose day is asked', (text) => {
    expect(parseAs('event_create', text).missing).toContain('start');
  });
});

describe('clock words of a new event', () => {
  it.each(['завтра в 6 побегаю по набережной', 'лететь в дубай 20го в 5'])(
    '"%s": a run or a flight at a bare hour asks morning or evening',
    (text) => {
      expect(parseAs('event_create', text).missing).toEqual(['meridiem']);
    },
  );

  it.each([
    [
      'смена в приемном 24го с 8 утра до 8 вечера',
      '2026-03-24T05:00:00.000Z',
      720,
      'Смена в приемном',
    ],
    ['block 2h for bookkeeping tmrw from 1', '2026-03-05T10:00:00.000Z', 120, 'Bookkeeping'],
    ['выдели 3 часа на отчет в пятницу с 10', '2026-03-06T07:00:00.000Z', 180, 'Отчет'],
    ['staff xmas party fri the 13th at 7', '2026-03-13T16:00:00.000Z', 60, 'Staff xmas party'],
    ['pottery class three thirty friday', '2026-03-06T12:30:00.000Z', 60, 'Pottery class'],
  ])('"%s" starts at %s for %d min', (text, start, minutes, title) => {
    const intent = parseAs('event_create', text);
    expect(intent).toMatchObject({ title, durationMinutes: minutes, missing: [] });
    expect(iso(intent.start)).toBe(start);
  });

  it('"turns 90 on jan 16" is a birthday: all day', () => {
    const intent = parseAs('event_create', 'grandma rosa turns 90 on jan 16!!');
    expect(intent).toMatchObject({ allDay: true, missing: [] });
    expect(iso(intent.start)).toBe('2027-01-15T21:00:00.000Z');
  });

  it('"напомни в 6" after the event is a reminder at 6; before it, the event\'s own time', () => {
    const shift = parseAs('event_create', 'завтра в 7 утра на смену, напомни в 6');
    expect(shift).toMatchObject({ reminderMinutesBefore: [60], missing: [] });
    expect(iso(shift.start)).toBe('2026-03-05T04:00:00.000Z');
    const dinner = parseAs('event_create', 'dinner with tom friday at 7, remind me at 5');
    expect(dinner.reminderMinutesBefore).toEqual([120]);
    const call = parseAs('event_create', 'напомни в 6 позвонить маме');
    expect(call).toMatchObject({ reminderMinutesBefore: [0], missing: [] });
    expect(iso(call.start)).toBe('2026-03-04T15:00:00.000Z');
  });
});

describe('a time said in the zone of the city named', () => {
  it('"her time" with "in moscow" is Moscow\'s time', () => {
    const call = parseAs(
      'event_create',
      'video call w my daughter in moscow sunday 7pm her time',
      undefined,
      NEW_YORK,
    );
    expect(iso(call.start)).toBe('2026-03-08T16:00:00.000Z');
    expect(call.title).toBe('Video call w my daughter in moscow');
  });
});
