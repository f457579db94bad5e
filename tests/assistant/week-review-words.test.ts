import { describe, expect, it } from '@jest/globals';
import { toParsedIntent, intentAnswerSchema } from '../../src/assistant/model/intent-schema.js';
import { parse } from './parse-helpers.js';

describe('"how was my week?" in words', () => {
  it.each([
    'как прошла неделя?',
    'Как прошла моя неделя',
    'как у меня прошла неделя?',
    'как неделя прошла',
    'подведи итоги недели',
    'итоги недели',
    'что я успел за неделю?',
    'обзор за неделю',
    'как я провела эту неделю',
    'how was my week?',
    'How did my week go',
    'how did I do this week?',
    'weekly review',
    'sum up my week',
    'my week in review',
  ])('%s → the weekly review', (text) => {
    expect(parse(text)).toMatchObject({ intent: 'week_review', missing: [] });
  });

  it('answers in the language it was asked in', () => {
    expect(parse('how was my week?').language).toBe('en');
    expect(parse('как прошла неделя?').language).toBe('ru');
  });

  it('keeps what is planned this week, habits and goals apart', () => {
    expect(parse('что у меня на этой неделе?').intent).toBe('event_search');
    expect(parse('как у меня с привычками?').intent).toBe('habit_list');
    expect(parse('как там цель выучить испанский?').intent).toBe('goal_progress');
    expect(parse('встреча через неделю в 15').intent).toBe('event_create');
  });
});

describe('the model path', () => {
  it('takes week_review from the model as an intent without slots', () => {
    const nulls = Object.fromEntries(
      Object.keys(intentAnswerSchema.shape).map((key) => [key, null]),
    );
    const answer = intentAnswerSchema.parse({
      ...nulls,
      intent: 'week_review',
      language: 'en',
      missing: [],
      confidence: 0.9,
    });
    expect(toParsedIntent(answer)).toEqual({
      intent: 'week_review',
      language: 'en',
      missing: [],
      confidence: 0.9,
    });
  });
});
