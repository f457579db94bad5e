import { describe, expect, it } from '@jest/globals';
import { iso, NOW, parse, parseAs } from './parse-helpers.js';

/** Wednesday 2026-03-04, 12:00 in Moscow (UTC+3), as in every parse test. */
describe('days, times and durations said colloquially', () => {
  it('"первого числа каждого месяца в 9" is the 1st of each month', () => {
    const intent = parseAs('event_create', 'первого числа каждого месяца в 9 оплатить ипотеку');
    expect(intent).toMatchObject({ title: 'Оплатить ипотеку', missing: [] });
    expect(intent.recurrence).toBe('FREQ=MONTHLY;BYMONTHDAY=1');
    expect(iso(intent.start)).toBe('2026-04-01T06:00:00.000Z');
  });

  it('"пол седьмого вечера" is 18:30', () => {
    const intent = parseAs('event_create', 'пол седьмого вечера в пятницу йога');
    expect(iso(intent.start)).toBe('2026-03-06T15:30:00.000Z');
  });

  it('"часа на 2", "минут 40": the amount after its unit', () => {
    expect(parseAs('event_create', 'в пятницу в 16:00 встреча часа на 2')).toMatchObject({
      durationMinutes: 120,
      title: 'Встреча',
    });
    expect(parseAs('event_create', 'завтра в 10 созвон, минут 40')).toMatchObject({
      durationMinutes: 40,
    });
  });

  it('"прям сейчас …", "now: …" start now; "15 min" alone is the duration', () => {
    const ru = parseAs('event_create', 'прям сейчас митинг с заказчиком, минут 40');
    expect(ru).toMatchObject({ title: 'Митинг с заказчиком', durationMinutes: 40 });
    expect(ru.start).toEqual(NOW);
    const en = parseAs('event_create', 'now: quick sync w ops 15 min');
    expect(en).toMatchObject({ title: 'Quick sync w ops', durationMinutes: 15 });
  });

  it.each([
    ['в пятницу в десять тридцать встреча', '2026-03-06T07:30:00.000Z', 'Встреча'],
    ['meeting on friday at ten thirty', '2026-03-06T07:30:00.000Z', 'Meeting'],
    ['встреча в пятницу к одиннадцати часам', '2026-03-06T08:00:00.000Z', 'Встреча'],
    ['встреча в пятницу к 11 часам', '2026-03-06T08:00:00.000Z', 'Встреча'],
    ['запиши на пятницу на одиннадцать часов стрижку', '2026-03-06T08:00:00.000Z', 'Стрижка'],
    ['friday at seven fifteen call with bob', '2026-03-06T16:15:00.000Z', 'Call with bob'],
  ])('hours and minutes said as words: %s', (text, start, title) => {
    const intent = parseAs('event_create', text);
    expect(intent).toMatchObject({ title, missing: [] });
    expect(iso(intent.start)).toBe(start);
  });

  it('"с восьми до десяти" is a range; "на 12 часов с 8" keeps twelve hours from 8', () => {
    const range = parseAs('event_create', 'в субботу с восьми до десяти уборка');
    expect(range).toMatchObject({ title: 'Уборка', durationMinutes: 120 });
    expect(iso(range.start)).toBe('2026-03-07T05:00:00.000Z');
    const shift = parseAs('event_create', 'смена в пятницу на 12 часов с 8');
    expect(shift).toMatchObject({ title: 'Смена', durationMinutes: 720 });
    expect(iso(shift.start)).toBe('2026-03-06T05:00:00.000Z');
  });

  it('"отпуск с 21 до 24 марта" is an all-day event from the 21st, not a goal due then', () => {
    const intent = parseAs('event_create', 'отпуск с 21 до 24 марта');
    expect(intent).toMatchObject({ title: 'Отпуск', allDay: true });
    expect(iso(intent.start)).toBe('2026-03-20T21:00:00.000Z');
  });

  it('"i am busy now", "i\'m at the gym now" say how things are, they book nothing now', () => {
    for (const text of ['i am busy now', "i'm at the gym now"]) {
      expect(parse(text).intent).not.toBe('event_create');
    }
  });

  it('"drop off" is no deletion', () => {
    expect(parseAs('event_create', 'every weekday at 8:30am school drop off')).toMatchObject({
      title: 'School drop off',
      recurrence: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
    });
  });
});

describe('habits said colloquially', () => {
  it.each([
    ['через день планка', 'Планка', { kind: 'every_n_days', count: 2 }],
    ['run 4x a week', 'Run', { kind: 'times_per_week', count: 4 }],
    ['sketching tue thu sat', 'Sketching', { kind: 'weekdays', weekdays: [2, 4, 6] }],
    ['weekdays at 6am cold plunge', 'Cold plunge', { kind: 'weekdays', weekdays: [1, 2, 3, 4, 5] }],
    ['every evening at 9:30pm tidy the kitchen for 10 min', 'Tidy the kitchen', { kind: 'daily' }],
    ['ежедневно 10к шагов', '10к шагов', { kind: 'daily' }],
  ])('%s', (text, title, schedule) => {
    expect(parseAs('habit_create', text)).toMatchObject({ title, schedule });
  });

  it.each([
    'какой стрик по английскому',
    'статистика по привычкам',
    'сколько раз бегал на этой неделе',
    'how consistent have i been with guitar',
    "what's my streak",
  ])('"%s" asks how the habits go', (text) => {
    parseAs('habit_list', text);
  });

  it('"хочу стрик по чтению" starts tracking rather than asking', () => {
    parseAs('habit_create', 'хочу стрик по чтению');
  });

  it('"hows python going" asks about a goal', () => {
    expect(parseAs('goal_progress', 'hows python going')).toMatchObject({ target: 'python' });
  });
});

describe('appointments, practices and questions said without a day', () => {
  it.each(['созвон с мамой', "brunch with lily's parents", 'забронируй корт для тенниса'])(
    '"%s" is an event whose day and time are asked',
    (text) => {
      expect(parseAs('event_create', text).missing).toEqual(['start']);
    },
  );

  it('"медитация" alone asks what it is rather than checking a habit in', () => {
    expect(parseAs('unknown', 'медитация')).toMatchObject({ missing: ['kind'] });
  });

  it.each([
    ['покажи все на следующую неделю', 'event_search'],
    ['busy this weekend?', 'event_search'],
  ] as const)('"%s" is a question about the schedule, not an event', (text, intent) => {
    parseAs(intent, text);
  });
});

describe('speech as typed by voice and chat shorthand', () => {
  it('"зав", "ща", "в 19 30", "кароч", "hey so can you add um"', () => {
    expect(parseAs('event_create', 'зав в 14 созвон с юристом')).toMatchObject({
      title: 'Созвон с юристом',
    });
    expect(parseAs('event_create', 'ща созвон с командой на полчаса').start).toEqual(NOW);
    expect(iso(parseAs('event_create', 'кароч в пт в 19 30 бар с однокурсниками').start)).toBe(
      '2026-03-06T16:30:00.000Z',
    );
    expect(
      parseAs(
        'event_create',
        'hey so can you add um a meeting with the contractor on friday at 10:30',
      ),
    ).toMatchObject({ title: 'Meeting with the contractor' });
  });

  it.each([
    ['стоматолога перекинь на четверг', 'стоматолога', { newDate: '2026-03-05' }],
    ['театр не в пятницу а в субботу', 'театр', { newDate: '2026-03-07' }],
  ])('changes: %s', (text, target, change) => {
    expect(parseAs('event_update', text)).toMatchObject({ target: { text: target }, ...change });
  });

  it('"remind me in 45 min to move the laundry" is a reminder, not a move', () => {
    expect(parseAs('event_create', 'remind me in 45 min to move the laundry')).toMatchObject({
      title: 'Move the laundry',
      reminderMinutesBefore: [0],
    });
  });

  it('colloquial deletes and small talk', () => {
    parseAs('event_delete', 'кирилл слился, созвона не будет');
    expect(parseAs('goal_delete', 'kill the 10k goal, hurt my knee').target).toMatch(/^10k/);
    parseAs('small_talk', 'а что ты умеешь?');
    parseAs('small_talk', 'cheers mate');
  });
});

describe('more ways people say it', () => {
  it('"same time next week" moves by a week', () => {
    expect(parseAs('event_update', 'board meeting same time next week')).toMatchObject({
      target: { text: 'board meeting' },
      shiftMinutes: 7 * 1440,
    });
    expect(parseAs('event_update', 'встречу с ольгой на след неделю в это же время')).toMatchObject(
      { shiftMinutes: 7 * 1440 },
    );
  });

  it('"remind me what I have…" asks about the schedule', () => {
    parseAs('event_search', 'remind me what i have on wednesday');
    parseAs('event_search', 'напомни плиз, что там в субботу запланировано');
  });

  it('"займёт часа три" is the duration, not part of the title', () => {
    expect(
      parseAs('event_create', 'Завтра к 10:00 на ТО автомобиля, займёт часа три'),
    ).toMatchObject({ title: 'ТО автомобиля', durationMinutes: 180 });
  });

  it('"check off my habit" asks which habit', () => {
    expect(parseAs('habit_check_in', 'check off my habit').missing).toEqual(['target']);
  });
});

it('"twice a week" is a habit twice a week', () => {
  expect(parseAs('habit_create', 'swimming twice a week')).toMatchObject({
    title: 'Swimming',
    schedule: { kind: 'times_per_week', count: 2 },
  });
});

it.each([
  ['список книг еще не готов, сними галочку', 'список книг'],
  ['uncheck buy running shoes, returned them', 'buy running shoes'],
  ['mark the heart rate monitor step as not done, it broke', 'heart rate monitor'],
])('"%s" puts a step back to not done', (text, target) => {
  expect(parseAs('step_status', text)).toMatchObject({ status: 'todo', target });
});
