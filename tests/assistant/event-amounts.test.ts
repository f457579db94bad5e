import { describe, expect, it } from '@jest/globals';
import { parseAs } from './parse-helpers.js';

/** Changes of an event said as amounts and properties, not as a new time (event-amounts.ts). */
describe('changes by amount', () => {
  it.each([
    [
      'встречу с мариной сделай на 45 минут дольше',
      'встреча с мариной',
      { durationDeltaMinutes: 45 },
    ],
    ['баню на час короче', 'баню', { durationDeltaMinutes: -60 }],
    ['make the meeting 30 minutes longer', 'meeting', { durationDeltaMinutes: 30 }],
    ['extend sprint planning by 20 min', 'sprint planning', { durationDeltaMinutes: 20 }],
    ['сократи планерку на 15 минут', 'планерка', { durationDeltaMinutes: -15 }],
    ['на планерку хватит 15 минут', 'планерка', { newDurationMinutes: 15 }],
    ['shorten the quarterly review to 90 min', 'quarterly review', { newDurationMinutes: 90 }],
    ['make the call with dana a full hour', 'call with dana', { newDurationMinutes: 60 }],
    ['ужин с лешей продли до 23', 'ужин с лешей', { newEndTime: '23:00' }],
    ['extend the dinner until 11pm', 'dinner', { newEndTime: '23:00' }],
    ['окулиста на 2 дня позже', 'окулиста', { shiftMinutes: 2 * 1440 }],
    ['встречу с мариной двигаем ровно на неделю', 'встреча с мариной', { shiftMinutes: 10080 }],
    ['the review got pushed a week', 'review', { shiftMinutes: 10080 }],
    ['chiro 30 min later pls', 'chiro', { shiftMinutes: 30 }],
    ['ретро удлини до полутора часов', 'ретро', { newDurationMinutes: 90 }],
    ['сократи студию до трех часов', 'студия', { newDurationMinutes: 180 }],
    ['заседание кафедры сократи на полчаса', 'заседание кафедры', { durationDeltaMinutes: -30 }],
  ])('%s', (text, target, change) => {
    const intent = parseAs('event_update', text);
    expect(intent).toMatchObject({ missing: [], target: { text: target }, ...change });
  });

  it.each([
    ['переименуй планерку в синк с отделом', 'планерка', 'Синк с отделом'],
    ['назови встречу с мариной «ревью дизайна»', 'встреча с мариной', 'Ревью дизайна'],
    ['rename date night to dinner at nobu', 'date night', 'Dinner at nobu'],
  ])('renames: %s', (text, target, newTitle) => {
    expect(parseAs('event_update', text)).toMatchObject({ target: { text: target }, newTitle });
  });

  it('"в пятницу, время то же" changes only the day', () => {
    const intent = parseAs('event_update', 'окулиста давай в пятницу, время то же');
    expect(intent).toMatchObject({ target: { text: 'окулиста' }, newDate: '2026-03-06' });
    expect(intent.newTime).toBeUndefined();
  });

  it('a bare new hour is marked so the event keeps its part of the day', () => {
    expect(parseAs('event_update', 'recital starts at 6:30 now, not 6')).toMatchObject({
      newTime: '06:30',
      newTimeBare: true,
    });
  });
});
