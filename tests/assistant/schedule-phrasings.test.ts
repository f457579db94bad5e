import { describe, expect, it } from '@jest/globals';
import { iso, parseAs } from './parse-helpers.js';

/** Changes, deletes, schedule and free-time questions said in everyday words (now: Wed 2026-03-04). */
describe('changes of an event said in everyday words', () => {
  it.each([
    ['клиент просит созвон на полчасика позже', { shiftMinutes: 30 }],
    ['семинар будет не три часа а два', { newDurationMinutes: 120 }],
    ['the workshop is not 3 hours but 2', { newDurationMinutes: 120 }],
    ['у планерки поменяй название на синк с отделом', { newTitle: 'Синк с отделом' }],
    ['с юристом засидимся, пусть встреча будет до пяти', { newEndTime: '05:00' }],
    ['собрание жильцов теперь в пятницу', { newDate: '2026-03-06' }],
    ['dentist moved to 4', { newTime: '16:00', newTimeBare: true }],
    ['dentist pushed to 5', { target: { text: 'dentist' }, newTime: '17:00' }],
    ['перенеси стоматолога на 11', { newTime: '11:00', newTimeBare: true }],
    ['the sync needs to slide to friday', { newDate: '2026-03-06' }],
  ])('%s', (text, change) => {
    expect(parseAs('event_update', text)).toMatchObject({ missing: [], ...change });
  });

  it('names the event by its day and time: "то что в пятницу в 10 утра сдвинь на 11"', () => {
    expect(parseAs('event_update', 'то что в пятницу в 10 утра сдвинь на 12')).toMatchObject({
      missing: [],
      target: { date: '2026-03-06', time: '10:00' },
      newTime: '12:00',
    });
  });

  it('with a new length a day names the event: "make tmrw\'s thing 2.5 hours"', () => {
    const intent = parseAs('event_update', "make tmrw's thing 2.5 hours");
    expect(intent).toMatchObject({ target: { date: '2026-03-05' }, newDurationMinutes: 150 });
    expect(intent.target.text).toBeUndefined();
    expect(intent.newDate).toBeUndefined();
  });

  it('"needs a new time" asks when', () => {
    const intent = parseAs('event_update', "ben's checkup needs a new time");
    expect(intent).toMatchObject({ missing: ['change'], target: { text: "ben's checkup" } });
  });
});

describe('deletes said in everyday words', () => {
  it.each([
    ['с теннисом всё, удаляй', 'теннисом всё'],
    ['удолить зачет по истории', 'зачет по истории'],
  ])('%s', (text, target) => {
    expect(parseAs('event_delete', text).target.text).toContain(target.split(' ')[0]);
  });

  it('"в пятницу не успеваю, отмени что-нибудь одно" names only the day', () => {
    const intent = parseAs('event_delete', 'в пятницу не успеваю, отмени что-нибудь одно');
    expect(intent.target).toEqual({ date: '2026-03-06' });
  });

  it('"cancel whatever is on friday at 3" names the event by its day and time', () => {
    const intent = parseAs('event_delete', 'cancel whatever is on friday at 3');
    expect(intent.target).toEqual({ date: '2026-03-06', time: '15:00' });
  });
});

describe('schedule questions', () => {
  it.each([
    ['15го что-нибудь стоит?', '2026-03-15'],
    ['план на сегодня?', '2026-03-04'],
    ['wats on friday', '2026-03-06'],
    ['do i have anything saturday', '2026-03-07'],
    ['am i slammed tmrw?', '2026-03-05'],
    ["how's my friday looking", '2026-03-06'],
    ['стоп, сначала покажи пятницу', '2026-03-06'],
  ])('%s', (text, day) => {
    const intent = parseAs('event_search', text);
    expect(iso(intent.from)).toBe(new Date(`${day}T00:00:00+03:00`).toISOString());
  });

  it.each([
    ["what's booked sat/sun", '2026-03-07', '2026-03-09'],
    ['what do i have fri or sat', '2026-03-06', '2026-03-08'],
    ['rundown of next week pls', '2026-03-09', '2026-03-16'],
  ])('asks about days: %s', (text, first, end) => {
    const intent = parseAs('event_search', text);
    expect(iso(intent.from)).toBe(new Date(`${first}T00:00:00+03:00`).toISOString());
    expect(iso(intent.to)).toBe(new Date(`${end}T00:00:00+03:00`).toISOString());
  });

  it.each([
    ['концерт во сколько начинается', 'концерт'],
    ["what time's the dentist", 'dentist'],
    ['what time does the dentist start', 'dentist'],
  ])('asks about one event: %s', (text, query) => {
    expect(parseAs('event_search', text).query).toBe(query);
  });
});

describe('free-time questions', () => {
  it.each([
    'в пятницу есть просвет между делами?',
    'завтра нужен час на реферат, куда воткнуть?',
    'friday morning — any room for a call?',
    'next week when am i not booked',
    'got any open time sunday?',
    'any openings thursday?',
    'got anything open wednesday after lunch',
    'am i open friday afternoon?',
  ])('%s', (text) => {
    parseAs('free_slots', text);
  });
});

describe('appointments said without a day', () => {
  it.each(['надо записаться на маникюр', 'gotta squeeze in a vet visit for the cat'])(
    '%s',
    (text) => {
      expect(parseAs('event_create', text).missing).toContain('start');
    },
  );
});

describe('what these phrasings do not take', () => {
  it('"план на неделю: …" states a plan, it is no schedule question', () => {
    expect(parseAs('event_create', 'план на неделю: бег и чтение').intent).toBe('event_create');
  });

  it('"make X for 2 hours" is no change of length', () => {
    expect(parseAs('event_create', 'make dinner reservation for 2 hours').intent).toBe(
      'event_create',
    );
  });
});
