import { describe, expect, it } from '@jest/globals';
import { readAnswer } from '../../src/assistant/offline/answers.js';
import { iso, MOSCOW, parseAs } from './parse-helpers.js';

/** Changes said in the past tense or the present, events named vaguely, schedule questions (now: Wed 2026-03-04). */
describe('changes of an event said as news', () => {
  it.each([
    ['встречу двигаем на пт', { target: { text: 'встреча' }, newDate: '2026-03-06' }],
    [
      'контрольную перенесли на пятницу',
      { target: { text: 'контрольная' }, newDate: '2026-03-06' },
    ],
    ['math test got postponed to friday', { target: { text: 'math test' }, newDate: '2026-03-06' }],
    ['bls thing got cut to 3 hrs', { target: { text: 'bls thing' }, newDurationMinutes: 180 }],
    ['кино с лехой в 8 теперь', { target: { text: 'кино с лехой' }, newTime: '08:00' }],
    ['dinner with sam at 8 now', { target: { text: 'dinner with sam' }, newTimeBare: true }],
    [
      'созвон с упаковкой переименуй в созвон по коробкам',
      { target: { text: 'созвон с упаковкой' }, newTitle: 'Созвон по коробкам' },
    ],
    [
      'арматуру привезут не в 13 а в 15',
      { target: { text: 'арматура привезут' }, newTime: '15:00' },
    ],
    [
      'терапефта перенисите на четверх в тоже время',
      { target: { text: 'терапефта' }, newDate: '2026-03-05' },
    ],
  ])('%s', (text, change) => {
    expect(parseAs('event_update', text)).toMatchObject({ missing: [], ...change });
  });

  it('a new day said just before the new time is new too: "на пятницу на полвосьмого утра"', () => {
    const intent = parseAs('event_update', 'анализы перенесли на пятницу на полвосьмого утра');
    expect(intent.target).toEqual({ text: 'анализы' });
    expect(iso(intent.newStart)).toBe('2026-03-06T04:30:00.000Z');
  });

  it('"ту штуку в пятницу утром" names the event by its day only', () => {
    const intent = parseAs('event_update', 'ту штуку в пятницу утром передвинь на 11');
    expect(intent.target).toEqual({ date: '2026-03-06' });
    expect(intent).toMatchObject({ newTime: '11:00', newTimeBare: true });
  });

  it('"удали встречу, ту что в пятницу" deletes the one on Friday (no schedule question)', () => {
    expect(parseAs('event_delete', 'удали встречу, ту что в пятницу').target).toEqual({
      text: 'встреча',
      date: '2026-03-06',
    });
    expect(parseAs('event_delete', 'отмени ту, что в пятницу').target).toEqual({
      date: '2026-03-06',
    });
  });

  it('"перенеси то, что в субботу" names the event and asks for the new day', () => {
    expect(parseAs('event_update', 'перенеси то что в субботу')).toMatchObject({
      missing: ['change'],
      target: { date: '2026-03-07' },
    });
  });
});

describe('deleting an event with why', () => {
  it.each([
    ['анализы удали, сдала сегодня утром', 'анализы'],
    ['удали йогу, уже сходила вчера', 'йога'],
    ['drop the dentist, went yesterday', 'dentist'],
  ])("the day of what was already done is not the event's: %s", (text, name) => {
    expect(parseAs('event_delete', text).target).toEqual({ text: name });
  });
});

describe('questions about when an event is', () => {
  it.each([
    ['аттестация какого числа?', 'аттестация'],
    ['напомни когда у меня собрание тсж', 'собрание тсж'],
    ['when do i run payroll', 'run payroll'],
  ])('%s', (text, query) => {
    expect(parseAs('event_search', text)).toMatchObject({ query });
  });

  it('"что у меня в пятницу и субботу" asks about both days', () => {
    const intent = parseAs('event_search', 'что у меня в пятницу и субботу');
    expect(iso(intent.from)).toBe('2026-03-05T21:00:00.000Z');
    expect(iso(intent.to)).toBe('2026-03-07T21:00:00.000Z');
  });
});

describe('answers that pick or narrow the event to change', () => {
  const MONDAY = '2026-12-07T07:00:00Z'; // Mon 10:00 in Moscow
  const context = { now: new Date(MONDAY), timezone: MOSCOW };

  it('"по химии" to "which day?" narrows the event and asks the day again', () => {
    const test = parseAs('event_update', 'контрольную перенесли на след неделю', MONDAY);
    expect(test.missing).toEqual(['change']);
    const narrowed = readAnswer(test, 'по химии', context)?.intent;
    expect(narrowed).toMatchObject({ missing: ['change'], target: { text: 'контрольная химии' } });
    expect(readAnswer(test, 'зачем', context)).toBeUndefined();
  });

  it('a button picked with the change said: "the saturday one, start at 8 instead"', () => {
    const shift = parseAs('event_update', 'move my shift', MONDAY);
    expect(shift.target).toEqual({ text: 'shift' });
    const options = [
      { id: 'a', label: 'Night shift · Thu, Dec 10, 19:00' },
      { id: 'b', label: 'Charge nurse shift · Sat, Dec 12, 07:00' },
    ];
    const picked = readAnswer(
      { ...shift, missing: ['target', 'change'], options },
      'the saturday one, start at 8 instead',
      context,
    )?.intent;
    expect(picked).toMatchObject({ pickedId: 'b', missing: [] });
    expect(picked).toMatchObject({ newTime: '08:00', newTimeBare: true });
    const still = readAnswer({ ...shift, options }, 'the saturday one', context)?.intent;
    expect(still).toMatchObject({ pickedId: 'b', missing: ['change'] });
  });

  it('"the saturday one, start at 8" to "when?" names the event by its day', () => {
    const shift = parseAs('event_update', 'move my shift', MONDAY);
    expect(shift.missing).toEqual(['change']);
    expect(
      readAnswer(shift, 'the saturday one, start at 8 instead', context)?.intent,
    ).toMatchObject({
      missing: [],
      target: { text: 'shift', date: '2026-12-12' },
      newTime: '08:00',
    });
  });

  it('"the 2 o\'clock" names the event by its time', () => {
    const thing = parseAs('event_delete', "cancel wednesday's thing", MONDAY);
    expect(readAnswer(thing, "the 2 o'clock", context)).toBeUndefined();
    const options = [
      { id: 'a', label: 'Espresso machine repair · Wed, Dec 9, 08:00' },
      { id: 'b', label: 'Barista interview · Wed, Dec 9, 14:00' },
    ];
    expect(
      readAnswer({ ...thing, missing: ['target'], options }, "the 2 o'clock", context)?.intent,
    ).toMatchObject({ target: { date: '2026-12-09', time: '14:00' } });
  });
});
