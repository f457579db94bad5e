import { describe, expect, it } from '@jest/globals';
import { classifyIntent } from '../../src/assistant/nlu/intent-classifier.js';
import { correctTypos } from '../../src/assistant/offline/typos.js';
import { rewriteSpokenTimes } from '../../src/assistant/offline/spoken-times.js';
import { parse } from './parse-helpers.js';

describe('habits in words', () => {
  it('reads a practice with a repetition as a habit, with its schedule and time', () => {
    expect(parse('по будням в 7 медитация')).toMatchObject({
      intent: 'habit_create',
      title: 'Медитация',
      schedule: { kind: 'weekdays', weekdays: [1, 2, 3, 4, 5] },
      reminderTime: '07:00',
    });
    expect(parse('хочу читать 20 страниц в день')).toMatchObject({
      intent: 'habit_create',
      schedule: { kind: 'daily' },
    });
    expect(parse('meditate 3 times a week')).toMatchObject({
      intent: 'habit_create',
      schedule: { kind: 'times_per_week', count: 3 },
    });
  });

  it('reads a wish to track, or a repetition with no clock time, as a habit', () => {
    expect(parse('каждый вечер в 21:30 прогулка с собакой, отслеживай')).toMatchObject({
      intent: 'habit_create',
      title: 'Прогулка с собакой',
      reminderTime: '21:30',
    });
    expect(parse('по вт и чт в 7 утра растяжка, веди стрик')).toMatchObject({
      intent: 'habit_create',
      title: 'Растяжка',
      schedule: { kind: 'weekdays', weekdays: [2, 4] },
    });
    expect(parse('yoga every 2 days, track it')).toMatchObject({
      intent: 'habit_create',
      title: 'Yoga',
      schedule: { kind: 'every_n_days', count: 2 },
    });
    expect(parse('каждое утро заправлять кровать')).toMatchObject({
      intent: 'habit_create',
      title: 'Заправлять кровать',
    });
    // …but a step said as one stays a step, and a repetition nobody could read is not a habit
    expect(parse('добавь шаг каждый день повторять слова').intent).toBe('step_add');
    expect(parse('каждое 45 число').intent).toBe('unknown');
    expect(parse('по вт и чт в 19 теннис')).toMatchObject({
      intent: 'event_create',
      recurrence: 'FREQ=WEEKLY;BYDAY=TU,TH',
    });
  });

  it('keeps appointments that repeat as recurring events', () => {
    expect(parse('по понедельникам в 10 планерка').intent).toBe('event_create');
    expect(parse('standup every day at 9am').intent).toBe('event_create');
  });

  it('reads check-ins and the list', () => {
    expect(parse('сделал зарядку')).toMatchObject({ intent: 'habit_check_in', status: 'done' });
    expect(parse('отметь чтение за вчера')).toMatchObject({
      intent: 'habit_check_in',
      target: 'чтение',
      date: '2026-03-03',
    });
    expect(parse('как у меня с привычками?').intent).toBe('habit_list');
  });
});

describe('words, not strings', () => {
  it('corrects typos of date words only', () => {
    expect(correctTypos('встреча завтар в 15')).toBe('встреча завтра в 15');
    expect(correctTypos('dentist wendesday, call tmrw')).toBe('dentist wednesday, call tomorrow');
    expect(correctTypos('завтрак по субботам')).toBe('завтрак по субботам');
  });

  it('rewrites spoken times into digits', () => {
    expect(rewriteSpokenTimes('полвосьмого')).toBe('в 7:30');
    expect(rewriteSpokenTimes('без пятнадцати восемь')).toBe('в 7:45');
    expect(rewriteSpokenTimes('half past six')).toBe('6:30');
    expect(rewriteSpokenTimes('ужин 23го')).toBe('ужин 23 числа');
  });

  it('classifies goals said without "хочу" with confidence', () => {
    const guess = classifyIntent('похудеть на 10 кг к лету');
    expect(guess.intent).toBe('goal_create');
    expect(guess.confidence).toBeGreaterThan(0.6);
    expect(parse('похудеть на 10 кг к лету').intent).toBe('goal_create');
    expect(parse('что на следующей неделе').intent).toBe('event_search');
  });
});
