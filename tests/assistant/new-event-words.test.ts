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

  it('"с 21 по 24 декабря" are days of the month, not 21 o\'clock', () => {
    const trip = parseAs('event_create', 'с 21 по 24 декабря командировка в Казань');
    expect(trip).toMatchObject({ allDay: true, missing: [] });
    expect(iso(trip.start)).toBe('2026-12-20T21:00:00.000Z');
  });

  it.each([
    ['gig saturday 9pm to midnight', '2026-03-07T18:00:00.000Z', 180],
    ['party fri 10 till midnight', '2026-03-06T19:00:00.000Z', 120],
    ['вечеринка в субботу с 21 до полуночи', '2026-03-07T18:00:00.000Z', 180],
    ['дежурство в пятницу с 8 до полудня', '2026-03-06T05:00:00.000Z', 240],
  ])('"%s" ends at midnight or noon', (text, start, minutes) => {
    const event = parseAs('event_create', text);
    expect(iso(event.start)).toBe(start);
    expect(event.durationMinutes).toBe(minutes);
  });

  it.each(['запись к акушеру', 'консультация для дипломников', 'lactation consultant visit'])(
    '"%s" is an appointment whose day and time are asked',
    (text) => {
      expect(parse(text)).toMatchObject({ intent: 'event_create', missing: ['start'] });
    },
  );

  it('a holiday said with a date is what the event is; "put it on my calender" is the request', () => {
    const pageant = parseAs(
      'event_create',
      'grandkids christmas pagent on the 17th at 6 in the evning put it on my calender',
    );
    expect(pageant).toMatchObject({ title: 'Grandkids christmas pagent', missing: [] });
    expect(iso(pageant.start)).toBe('2026-03-17T15:00:00.000Z');
  });

  it.each([
    ['in 2 weeks same time call the surveyor', '2026-03-18T09:00:00.000Z'],
    ['через неделю в это же время созвон с Петей', '2026-03-11T09:00:00.000Z'],
  ])('"%s" is a new event at the time it is now', (text, start) => {
    expect(iso(parseAs('event_create', text).start)).toBe(start);
  });

  it('a word without a vowel next to a date is no title ("щрвлк"), an acronym is', () => {
    expect(parse('завтра в 11 щрвлк').intent).toBe('unknown');
    expect(parse('tomorrow at 11 fjdkl').intent).toBe('unknown');
    expect(parseAs('event_create', 'завтра в 11 МФЦ').title).toBe('МФЦ');
  });
});
