import { describe, expect, it } from '@jest/globals';
import { offlineEngine } from '../../src/assistant/offline/offline-engine.js';
import { iso, NOW, parse, parseAs } from './parse-helpers.js';

describe('the offline engine', () => {
  it('is available behind the common engine interface', () => {
    const parsed = offlineEngine.parseMessage('привет', { now: NOW, timezone: 'Europe/Moscow' });
    expect(parsed).toEqual({ intent: 'small_talk', kind: 'greeting', language: 'ru', missing: [] });
  });

  it('answers unknown, without throwing, for text it cannot use', () => {
    const odd = ['', '   ', '15:00', '«', 'in 1000000 years', 'каждое 45 число', 'asdf qwer'];
    for (const text of odd) expect(parse(text).intent).toBe('unknown');
  });

  it('reads reactions, acknowledgements and questions about itself as small talk', () => {
    for (const text of [
      '👍',
      '😂',
      'норм',
      'ладно понял',
      'cool cool',
      'ты бот?',
      'who made you',
    ]) {
      expect({ text, intent: parse(text).intent }).toEqual({ text, intent: 'small_talk' });
    }
  });

  it('reads a request that opens with a greeting', () => {
    const ru = parseAs('event_create', 'Привет! Напомни завтра в 10 позвонить маме');
    const en = parseAs('event_create', 'hi, schedule a call with Bob tomorrow at 3pm');
    expect({ title: ru.title, start: iso(ru.start) }).toEqual({
      title: 'Позвонить маме',
      start: '2026-03-05T07:00:00.000Z',
    });
    expect(en.title).toBe('Call with Bob');
  });

  it('keeps request-like verbs that belong to the title', () => {
    expect(parseAs('event_create', 'every Sunday at 9pm plan the week').title).toBe(
      'Plan the week',
    );
    expect(parseAs('event_create', 'every Thursday at 6:30pm book club').title).toBe('Book club');
  });

  it('does not change the context it is given', () => {
    const now = new Date(NOW);
    parseAs('event_create', 'встреча завтра в 10', now);
    expect(now.toISOString()).toBe(NOW.toISOString());
  });

  it('computes in the zone it is given', () => {
    const moscow = parseAs('event_create', 'встреча завтра в 10', NOW, 'Europe/Moscow');
    const tokyo = parseAs('event_create', 'встреча завтра в 10', NOW, 'Asia/Tokyo');
    expect(iso(moscow.start)).toBe('2026-03-05T07:00:00.000Z');
    expect(iso(tokyo.start)).toBe('2026-03-05T01:00:00.000Z');
  });
});
