import { describe, expect, it } from '@jest/globals';
import { parseAs } from './parse-helpers.js';

/** Monday 2026-12-07, 10:00 in Moscow. */
const NOW = '2026-12-07T07:00:00Z';
const deadline = (text: string) => {
  const goal = parseAs('goal_create', text, NOW);
  return [goal.title, goal.targetDate];
};

describe('goal deadlines said the way people say them', () => {
  it('reads a year, the end of a month and half a year, and keeps them out of the title', () => {
    expect(deadline('накопить на машину полтора ляма в 2027')).toEqual([
      'Накопить на машину полтора ляма',
      '2027-12-31',
    ]);
    expect(deadline('goal to visit 5 new countries next year')).toEqual([
      'Visit 5 new countries',
      '2027-12-31',
    ]);
    expect(deadline('научиться стоять на руках до конца марта')).toEqual([
      'Научиться стоять на руках',
      '2027-03-31',
    ]);
    expect(deadline('pay off the car loan by the end of april')).toEqual([
      'Pay off the car loan',
      '2027-04-30',
    ]);
    expect(deadline('до конца декабря прочитать 3 книги')).toEqual([
      'Прочитать 3 книги',
      '2026-12-31',
    ]);
    expect(deadline('хочу за полгода выйти на зп 150к')).toEqual([
      'Выйти на зп 150к',
      '2027-06-07',
    ]);
  });
});
