import { describe, expect, it } from '@jest/globals';
import { iso, parse, parseAs } from './parse-helpers.js';

const MONDAY = '2026-03-02T06:00:00Z'; // Mon 09:00 in Moscow
const TUESDAY = '2026-03-03T06:00:00Z'; // Tue 09:00 in Moscow

describe('clarifying questions', () => {
  it('asks for the time when only the day is known', () => {
    const ru = parseAs('event_create', 'встреча с Олей завтра');
    const en = parseAs('event_create', 'meeting with Anna tomorrow');
    expect(ru).toMatchObject({
      missing: ['time'],
      question: 'На какое время?',
      date: '2026-03-05',
    });
    expect(en).toMatchObject({ missing: ['time'], question: 'What time?', date: '2026-03-05' });
    expect(ru.start).toBeUndefined();
  });

  it('reads "next Tuesday" as the Tuesday of next calendar week, without asking', () => {
    const ru = parseAs('event_create', 'в следующий вторник в 10 созвон', MONDAY);
    const en = parseAs('event_create', 'call next Tuesday at 10am', MONDAY);
    const week = parseAs('event_create', 'на следующей неделе во вторник в 10 созвон', MONDAY);
    for (const event of [ru, en, week]) {
      expect(event.missing).toEqual([]);
      expect(iso(event.start)).toBe('2026-03-10T07:00:00.000Z');
    }
  });

  it('matches the weekday in gender when asking "today or next week"', () => {
    const friday = '2026-03-06T06:00:00Z';
    const sunday = '2026-03-08T06:00:00Z';
    expect(parseAs('event_create', 'в пятницу в 18:00 кино', friday).question).toBe(
      'Сегодня или в следующую пятницу?',
    );
    expect(parseAs('event_create', 'в воскресенье в 12 обед', sunday).question).toBe(
      'Сегодня или в следующее воскресенье?',
    );
  });

  it('asks instead of guessing the hour: morning or evening, a passed time, a part of the day', () => {
    const run = parseAs('event_create', 'пробежка завтра в 6', MONDAY);
    expect(run).toMatchObject({ missing: ['meridiem'], question: 'Утра или вечера?' });
    expect(iso(run.start)).toBe('2026-03-03T03:00:00.000Z');
    expect(iso(run.alternativeStart)).toBe('2026-03-03T15:00:00.000Z');
    expect(parseAs('event_create', 'today at 8:30 retro', MONDAY)).toMatchObject({
      missing: ['past'],
    });
    expect(parseAs('event_create', 'сегодня вечером кино', MONDAY)).toMatchObject({
      missing: ['time'],
      date: '2026-03-02',
    });
    // Social things at a bare 1–7 are in the afternoon, evening things at 8–11 in the evening.
    expect(iso(parseAs('event_create', 'в среду в 6 встреча с Олей', MONDAY).start)).toBe(
      '2026-03-04T15:00:00.000Z',
    );
    expect(iso(parseAs('event_create', 'work dinner fri at 9', MONDAY).start)).toBe(
      '2026-03-06T18:00:00.000Z',
    );
  });

  it('asks for the date when date-like words are left in the title, and keeps them out of it', () => {
    const odd = parseAs('event_create', 'feb 30 at 2 doctor', MONDAY);
    expect(odd).toMatchObject({
      missing: ['date'],
      question: 'I did not get the date. Which day?',
    });
    expect(odd.title).not.toMatch(/feb/iu);
    const counted = parseAs('event_create', 'завтра 3 встречи подряд', MONDAY);
    expect(counted.missing[0]).toBe('date');
    expect(counted.title).toBe('Встречи подряд');
    expect(parseAs('event_create', 'встреча с Олей завтра в 15:00', MONDAY).missing).toEqual([]);
  });

  it('reads what people type around a date: a bare hour after the day, ranges, holidays, a zone', () => {
    const at = (text: string) => iso(parseAs('event_create', text, MONDAY).start);
    // MONDAY is 2026-03-02 in Moscow (UTC+3)
    expect(at('work dinner fri 9')).toBe('2026-03-06T18:00:00.000Z');
    expect(at('darts with steve tmw 7')).toBe('2026-03-03T16:00:00.000Z');
    expect(at('в пн 16го в 9:30 собеседование')).toBe('2026-03-16T06:30:00.000Z');
    expect(at('в пятницу без четверти шесть вечера забрать посылку')).toBe(
      '2026-03-06T14:45:00.000Z',
    );
    expect(at('в воскр в 12 каток')).toBe('2026-03-08T09:00:00.000Z');
    expect(at('sun 7pm skype w grandpa')).toBe('2026-03-08T16:00:00.000Z');
    const range = parseAs('event_create', 'team lunch tomorrow 12:30 to 2', MONDAY);
    expect([iso(range.start), range.durationMinutes]).toEqual(['2026-03-03T09:30:00.000Z', 90]);
    const workshop = parseAs('event_create', 'wed 10 to 11:30 workshop', MONDAY);
    expect([iso(workshop.start), workshop.durationMinutes]).toEqual([
      '2026-03-04T07:00:00.000Z',
      90,
    ]);
    expect(at('xmas eve carol singing at 6')).toBe('2026-12-24T15:00:00.000Z');
    // Moscow time said by a user in Yekaterinburg (UTC+5)
    const yekaterinburg = parseAs(
      'event_create',
      'в четверг в 11 по мск созвон',
      MONDAY,
      'Asia/Yekaterinburg',
    );
    expect(iso(yekaterinburg.start)).toBe('2026-03-05T08:00:00.000Z');
    expect(yekaterinburg.title).toBe('Созвон');
  });

  it('asks "today or next week" for the weekday that is today, while the time is ahead', () => {
    const ahead = parseAs('event_create', 'во вторник в 15:00 созвон', TUESDAY);
    expect(ahead).toMatchObject({
      missing: ['weekday'],
      question: 'Сегодня или в следующий вторник?',
    });
    const passed = parseAs('event_create', 'во вторник в 8:00 созвон', TUESDAY);
    expect(passed.missing).toEqual([]);
    expect(iso(passed.start)).toBe('2026-03-10T05:00:00.000Z');
  });

  it('does not ask when the weekday is plainly the coming one', () => {
    const event = parseAs('event_create', 'во вторник в 10 созвон', '2026-03-04T09:00:00Z');
    expect(event.missing).toEqual([]);
    expect(iso(event.start)).toBe('2026-03-10T07:00:00.000Z');
  });

  it('asks when and what to call an event said with neither', () => {
    expect(parseAs('event_create', 'добавь встречу с Олей')).toMatchObject({
      title: 'Встреча с Олей',
      missing: ['start'],
      question: 'Когда? Назовите день и время.',
    });
    expect(parseAs('event_create', 'add an event')).toMatchObject({
      missing: ['title', 'start'],
      question: 'What should I call it?',
    });
  });

  it('asks which event, goal or step, and where to move an event', () => {
    expect(parseAs('event_delete', 'удали событие').question).toBe('Какое событие?');
    expect(parseAs('event_update', 'reschedule the meeting')).toMatchObject({
      missing: ['change'],
      question: 'When should I move it to?',
    });
    expect(parseAs('goal_delete', 'удали цель').question).toBe('Какую цель?');
    expect(parseAs('step_delete', 'delete a step').question).toBe('Which step?');
    expect(parseAs('goal_create', 'добавь цель').question).toBe('Какую цель поставим?');
  });

  it("answers in the language of the message, or the user's when the text has no letters", () => {
    expect(parse('встреча завтра').language).toBe('ru');
    expect(parse('meeting tomorrow').language).toBe('en');
    expect(parse('standup завтра в 10').language).toBe('ru');
    const bare = parse('15:00', '2026-03-04T09:00:00Z');
    expect(bare.language).toBe('ru');
  });
});
