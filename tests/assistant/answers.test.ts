import { describe, expect, it } from '@jest/globals';
import { readAnswer } from '../../src/assistant/offline/answers.js';
import { iso, MOSCOW, parse, parseAs } from './parse-helpers.js';

const MONDAY = '2026-12-07T07:00:00Z'; // Mon 10:00 in Moscow
const context = { now: new Date(MONDAY), timezone: MOSCOW };
const startOf = (intent: unknown) => iso((intent as { start?: Date } | undefined)?.start);
const answer = (pending: Parameters<typeof readAnswer>[0], text: string) =>
  readAnswer(pending, text, context)?.intent;

describe('answers to a pending question (slot filling)', () => {
  it('picks the morning or evening reading, or takes the time said with it', () => {
    const taxi = parseAs('event_create', 'в четверг в 4 такси в аэропорт', MONDAY);
    expect(taxi.missing).toEqual(['meridiem']);
    expect(startOf(answer(taxi, 'утра'))).toBe('2026-12-10T01:00:00.000Z');
    expect(startOf(answer(taxi, 'вечера'))).toBe('2026-12-10T13:00:00.000Z');
    expect(answer(taxi, 'ночи, в 4:20')).toMatchObject({ missing: [], title: 'Такси в аэропорт' });
    expect(startOf(answer(taxi, 'ночи, в 4:20'))).toBe('2026-12-10T01:20:00.000Z');
    const ferry = parseAs('event_create', 'ferry to lisbon friday at 7', MONDAY);
    expect(startOf(answer(ferry, 'evening one, 7:05'))).toBe('2026-12-11T16:05:00.000Z');
  });

  it('fills the time of the day asked about, and moves a passed time to the evening', () => {
    const dinner = parseAs('event_create', 'dinner with the hendersons saturday', MONDAY);
    expect(dinner.missing).toEqual(['time']);
    expect(startOf(answer(dinner, '7:30'))).toBe('2026-12-12T16:30:00.000Z');
    expect(startOf(answer(dinner, '6pm'))).toBe('2026-12-12T15:00:00.000Z');
    const call = parseAs('event_create', 'сегодня в 9 созвон с питером', MONDAY);
    expect(call.missing).toEqual(['past']);
    expect(startOf(answer(call, 'вечера'))).toBe('2026-12-07T18:00:00.000Z');
  });

  it('narrows the target and fills the change of an event to move', () => {
    const move = parseAs('event_update', 'перенеси встречу', MONDAY);
    expect(move.missing).toContain('change');
    const answered = answer(move, 'с артемом на четверг в 15');
    expect(answered).toMatchObject({ intent: 'event_update', missing: [] });
    expect(answered).toMatchObject({ target: { text: expect.stringContaining('артем') } });
    expect(iso((answered as { newStart?: Date }).newStart)).toBe('2026-12-10T12:00:00.000Z');
  });

  it('is no answer when the message says nothing the question asked', () => {
    const dinner = parseAs('event_create', 'dinner with the hendersons saturday', MONDAY);
    expect(answer(dinner, 'как мои цели?')).toBeUndefined();
    expect(parse('как мои цели?', MONDAY).intent).toBe('goal_search');
  });
});

describe('answers about a new event that correct, narrow or name a zone', () => {
  it('"в 10... хотя нет, давай в 11" takes the time said last', () => {
    const meeting = parseAs('event_create', 'совещание в деканате завтра', MONDAY);
    expect(startOf(answer(meeting, 'в 10... хотя нет, давай в 11'))).toBe(
      '2026-12-08T08:00:00.000Z',
    );
    const huddle = parseAs('event_create', 'team huddle this morning at 8', MONDAY);
    expect(huddle.missing).toEqual(['past']);
    expect(startOf(answer(huddle, 'oh wait i meant tomorrow morning'))).toBe(
      '2026-12-08T05:00:00.000Z',
    );
  });

  it('a correction keeps what it does not change; a day turned down is no day', () => {
    const cleaner = parseAs('event_create', 'book the window cleaner', MONDAY);
    const read = readAnswer(cleaner, 'thursday 8 am... actually make it 9', context);
    expect(startOf(read?.intent)).toBe('2026-12-10T06:00:00.000Z');
    expect(read?.changedMind).toBe(true);
    const visit = parseAs('event_create', 'зайти к бабушке', MONDAY);
    expect(startOf(answer(visit, 'завтра в 10... хотя нет, в среду'))).toBe(
      '2026-12-09T07:00:00.000Z',
    );
    const tea = parseAs('event_create', 'tea w mrs patel tomorrow', MONDAY);
    expect(startOf(answer(tea, 'oh wait, thursday not tomorrow, at 4'))).toBe(
      '2026-12-10T13:00:00.000Z',
    );
  });

  it('"the 19th all day" makes the event all-day', () => {
    const meet = parseAs('event_create', 'swim meet for tyler', MONDAY);
    expect(answer(meet, 'the 19th all day')).toMatchObject({ allDay: true, missing: [] });
  });

  it('"на следующей неделе" asks the day of that week; the weekday said is placed in it', () => {
    const tutor = parseAs('event_create', 'встреча с репетитором по химии', MONDAY);
    const narrowed = answer(tutor, 'на следующей неделе');
    expect(narrowed).toMatchObject({
      missing: ['date'],
      within: { first: '2026-12-14', last: '2026-12-20' },
    });
    expect(startOf(answer(narrowed as typeof tutor, 'в среду в 17'))).toBe(
      '2026-12-16T14:00:00.000Z',
    );
    expect(answer(tutor, 'что у меня на следующей неделе')).toBeUndefined();
  });

  it('reads "ten thirty", an evening thing\'s "8:30" and "в 9 по мск"', () => {
    const coffee = parseAs('event_create', 'coffee w my thesis advisor on friday', MONDAY);
    expect(startOf(answer(coffee, 'ten thirty'))).toBe('2026-12-11T07:30:00.000Z');
    const wine = parseAs('event_create', 'wine night w the soccer moms later', MONDAY);
    expect(startOf(answer(wine, '8:30'))).toBe('2026-12-07T17:30:00.000Z');
    const vladivostok = { now: new Date(MONDAY), timezone: 'Asia/Vladivostok' };
    const call = parse('созвон с москвой завтра', MONDAY, 'Asia/Vladivostok');
    expect(startOf(readAnswer(call, 'в 9 по мск', vladivostok)?.intent)).toBe(
      '2026-12-08T06:00:00.000Z',
    );
  });

  it('takes how long and how often when the answer says them', () => {
    const rehearsal = parseAs('event_create', 'репетиция с вокалисткой в пятницу', MONDAY);
    expect(answer(rehearsal, 'часа в 4, на два часа')).toMatchObject({ durationMinutes: 120 });
    const pills = parseAs('event_create', 'напомни про таблетки от сердца', MONDAY);
    const daily = answer(pills, 'каждый день в 8 вечиром');
    expect(daily).toMatchObject({ recurrence: 'FREQ=DAILY', missing: [] });
    expect(startOf(daily)).toBe('2026-12-07T17:00:00.000Z');
  });

  it('asks morning or evening of a bare hour for skiing or yoga', () => {
    const ski = parseAs('event_create', 'в субботу в 7 лыжи с кафедрой', MONDAY);
    expect(ski.missing).toEqual(['meridiem']);
    expect(startOf(answer(ski, 'утра, в 7'))).toBe('2026-12-12T04:00:00.000Z');
    const yoga = parseAs('event_create', 'yoga class at the studio thursday at 6', MONDAY);
    expect(startOf(answer(yoga, 'am'))).toBe('2026-12-10T03:00:00.000Z');
  });

  it('asks about a bare hour whose morning and evening have both passed today', () => {
    const late = '2026-12-07T18:00:00Z'; // 21:00 in Moscow
    const meeting = parseAs('event_create', 'в 8 планерка на объекте', late);
    expect(meeting.missing).toEqual(['past']);
    const tomorrow = readAnswer(meeting, 'завтра', { now: new Date(late), timezone: MOSCOW });
    expect(startOf(tomorrow?.intent)).toBe('2026-12-08T05:00:00.000Z');
    expect(parseAs('event_create', 'в 10 ужин', late).missing).toEqual([]);
  });
});
