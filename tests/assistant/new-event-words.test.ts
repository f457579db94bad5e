import { describe, expect, it } from '@jest/globals';
import { iso, parse, parseAs } from './parse-helpers.js';

/** Wednesday 2026-03-04, 12:00 in Moscow (UTC+3), as in every parse test. */
describe('times, days and reminders of a new event', () => {
  it.each([
    ['в пятницу с 3 до полпятого вебинар', '2026-03-06T12:00:00.000Z', 90, 'Вебинар'],
    ['в след. чт в 16 защита диплома', '2026-03-12T13:00:00.000Z', 60, 'Защита диплома'],
    ['night shift fri 7pm to 7am', '2026-03-06T16:00:00.000Z', 720, 'Night shift'],
    [
      'dentist for the twins on thursday at like three fifteen',
      '2026-03-05T12:15:00.000Z',
      60,
      'Dentist for the twins',
    ],
    [
      'слушай короче мне надо чтобы ты записал в четверг в два часа дня встречу с заказчиком и там часа на полтора наверное',
      '2026-03-05T11:00:00.000Z',
      90,
      'Встреча с заказчиком',
    ],
  ])('"%s" starts at %s for %d min', (text, start, minutes, title) => {
    const intent = parseAs('event_create', text);
    expect(intent).toMatchObject({ title, durationMinutes: minutes, missing: [] });
    expect(iso(intent.start)).toBe(start);
  });

  it('"не дай забыть", "i need a reminder abt …" ask for a reminder at the time', () => {
    const patent = parseAs('event_create', 'патент оплатить в четверг в час дня — не дай забыть');
    expect(patent).toMatchObject({ title: 'Патент оплатить', reminderMinutesBefore: [0] });
    expect(iso(patent.start)).toBe('2026-03-05T10:00:00.000Z');
    expect(parseAs('event_create', 'не дай мне забыть записать сына к неврологу')).toMatchObject({
      missing: ['start'],
      reminderMinutesBefore: [0],
    });
    expect(parseAs('event_create', 'i need a reminder abt the birthday cake order')).toMatchObject({
      title: 'Birthday cake order',
      missing: ['start'],
      reminderMinutesBefore: [0],
    });
  });

  it('a day after "about" is what the event is about, not its day', () => {
    const call = parseAs(
      'event_create',
      'remind me at five thirty to call the daycare about friday',
    );
    expect(call).toMatchObject({ title: 'Call the daycare about friday', missing: [] });
    expect(iso(call.start)).toBe('2026-03-04T14:30:00.000Z');
  });

  it.each(['spin class sat at 7', 'call with the toronto client thursday at 5'])(
    '"%s" asks morning or evening',
    (text) => {
      expect(parseAs('event_create', text).missing).toEqual(['meridiem']);
    },
  );

  it('"this morning at 8" after 8 asks; "later" asks the time of today', () => {
    const huddle = parseAs('event_create', 'team huddle this morning at 8');
    expect(huddle.missing).toEqual(['past']);
    expect(iso(huddle.start)).toBe('2026-03-04T05:00:00.000Z');
    expect(parseAs('event_create', 'wine night w the girls later')).toMatchObject({
      title: 'Wine night w the girls',
      date: '2026-03-04',
      missing: ['time'],
    });
  });

  it('English "01/02" is asked about; a Russian one is day first', () => {
    expect(parseAs('event_create', '01/02 at 3 coffee w dani')).toMatchObject({
      title: 'Coffee w dani',
      missing: ['date'],
    });
    const ru = parseAs('event_create', '01/02 в 15 кофе с Даней');
    expect(iso(ru.start)).toBe('2027-02-01T12:00:00.000Z');
  });

  it('"6pm london time" is London\'s 6pm', () => {
    const call = parseAs('event_create', 'team call fri 6pm london time');
    expect(call).toMatchObject({ title: 'Team call', missing: [] });
    expect(iso(call.start)).toBe('2026-03-06T18:00:00.000Z');
  });

  it('"jan 9 is grandpa\'s 80th" is an all-day birthday', () => {
    const party = parseAs('event_create', "jan 9 is grandpa's 80th 🎉");
    expect(party).toMatchObject({ allDay: true, missing: [] });
    expect(party.title).toContain("Grandpa's 80th");
  });

  it('the weekday of today at the present hour asks which week', () => {
    expect(parseAs('event_create', 'обед с Олей в среду в 12').missing).toEqual(['weekday']);
  });

  it('"фотосессия для портфолио" is an event whose day and time are asked', () => {
    expect(parse('фотосессия для портфолио')).toMatchObject({
      intent: 'event_create',
      missing: ['start'],
    });
  });
});
