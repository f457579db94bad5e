import { describe, expect, it } from '@jest/globals';
import { takeDuration } from '../../src/assistant/offline/durations.js';
import { Scanner } from '../../src/assistant/offline/text.js';
import { parseAs } from './parse-helpers.js';

describe('durations', () => {
  it.each([
    ['на час', 60],
    ['на 1 час', 60],
    ['на два часа', 120],
    ['на полтора часа', 90],
    ['на полчаса', 30],
    ['на 30 минут', 30],
    ['на 45 мин', 45],
    ['на 1,5 часа', 90],
    ['на 2 часа 30 минут', 150],
    ['длительностью 20 минут', 20],
    ['for an hour', 60],
    ['for 90 minutes', 90],
    ['for 2 hours', 120],
    ['for an hour and a half', 90],
    ['for half an hour', 30],
    ['for 1.5 hours', 90],
    ['a 30-minute call', 30],
    ['a 2-hour meeting', 120],
  ])('"%s" lasts %i minutes', (text, minutes) => {
    expect(takeDuration(new Scanner(text)).minutes).toBe(minutes);
  });

  it.each([
    ['на час позже', 60],
    ['на 30 минут раньше', -30],
    ['an hour later', 60],
    ['15 minutes earlier', -15],
  ])('"%s" moves by %i minutes', (text, minutes) => {
    expect(takeDuration(new Scanner(text))).toEqual({ shiftMinutes: minutes });
  });

  it('does not read a time of day or a relative time as a duration', () => {
    for (const text of [
      'в 3 часа дня',
      'через 2 часа',
      'in 2 hours',
      'на 9 утра',
      'похудеть на 5 кг',
    ]) {
      expect(takeDuration(new Scanner(text)).minutes).toBeUndefined();
    }
  });

  it('defaults an event to 60 minutes without asking', () => {
    const event = parseAs('event_create', 'встреча с Олей завтра в 15:00');
    expect(event.durationMinutes).toBe(60);
    expect(event.missing).toEqual([]);
  });

  it('reads "с 10 до 12" and "from 2 to 3pm" as a start and a length', () => {
    expect(parseAs('event_create', 'завтра с 10 до 12 воркшоп').durationMinutes).toBe(120);
    const interview = parseAs('event_create', 'interview tomorrow from 2 to 3pm');
    expect(interview.start?.toISOString()).toBe('2026-03-05T11:00:00.000Z');
    expect(interview.durationMinutes).toBe(60);
  });

  it('makes a birthday an all-day event', () => {
    const event = parseAs('event_create', 'завтра день рождения мамы');
    expect(event).toMatchObject({ allDay: true, durationMinutes: 24 * 60, missing: [] });
    expect(event.start?.toISOString()).toBe('2026-03-04T21:00:00.000Z');
  });
});
