import { describe, expect, it } from '@jest/globals';
import {
  type EventState,
  instantOfLocal,
  localWallClock,
  type Observation,
  remindAtOf,
  sameLocalStart,
  sameRecurrence,
  scoreEffect,
  startFrom,
  titleProblems,
  type UserState,
} from '../../bench/assistant-heldout-scoring.js';

const MOSCOW = 'Europe/Moscow';
const NEW_YORK = 'America/New_York';
const NOW = instantOfLocal('2026-12-07T10:00', MOSCOW);

function event(overrides: Partial<EventState> = {}): EventState {
  return {
    id: 'e1',
    title: 'Встреча с Олей',
    startsAt: instantOfLocal('2026-12-08T15:00', MOSCOW),
    timezone: MOSCOW,
    allDay: false,
    durationMinutes: 60,
    recurrence: null,
    reminderMinutesBefore: [15],
    reminderEnabled: true,
    ...overrides,
  };
}

const empty: UserState = { events: [], goals: [] };
const seen = (
  before: UserState,
  after: UserState,
  question: string | null = null,
): Observation => ({
  before,
  after,
  replies: [{ text: 'ok', question, intent: 'event_create' }],
  now: NOW,
  zone: MOSCOW,
});

describe('title words', () => {
  it('finds stems as lowercase substrings, ё read as е', () => {
    expect(titleProblems('Ёлка у Оли', ['елк', 'ол'])).toEqual([]);
    expect(titleProblems('Встреча', ['ол'])).toEqual(['lacks "ол"']);
  });

  it('flags words that must not be in the title', () => {
    expect(titleProblems('Завтра встреча с Олей', ['ол'], ['завтра'])).toEqual(['has "завтра"']);
  });
});

describe('local wall-clock times', () => {
  it('compares a start in the case zone, not in UTC', () => {
    const start = instantOfLocal('2026-12-08T15:00', MOSCOW);
    expect(start.toISOString()).toBe('2026-12-08T12:00:00.000Z');
    expect(sameLocalStart('2026-12-08T15:00', start, MOSCOW)).toBe(true);
    expect(sameLocalStart('2026-12-08T15:00', start, NEW_YORK)).toBe(false);
    expect(localWallClock(start, NEW_YORK)).toBe('2026-12-08T07:00');
  });

  it('compares only the day of an all-day start', () => {
    const start = instantOfLocal('2026-12-16T00:00', MOSCOW);
    expect(sameLocalStart('2026-12-16', start, MOSCOW)).toBe(true);
    expect(sameLocalStart('2026-12-17', start, MOSCOW)).toBe(false);
  });

  it('puts a recurring start at its first occurrence from now on', () => {
    const monday = instantOfLocal('2026-12-07T09:00', MOSCOW);
    const daily = event({ startsAt: monday, recurrence: 'FREQ=DAILY' });
    expect(localWallClock(startFrom(daily, NOW), MOSCOW)).toBe('2026-12-08T09:00');
  });

  it('reads the reminder as start minus the smallest offset', () => {
    const start = instantOfLocal('2026-12-07T19:00', MOSCOW);
    const remind = remindAtOf(event({ reminderMinutesBefore: [30, 0] }), start);
    expect(localWallClock(remind!, MOSCOW)).toBe('2026-12-07T19:00');
    expect(remindAtOf(event({ reminderEnabled: false }), start)).toBeNull();
  });
});

describe('RRULE comparison', () => {
  it('ignores the order of parts and of BYDAY days, a + sign and INTERVAL=1', () => {
    expect(
      sameRecurrence('FREQ=WEEKLY;BYDAY=MO,WE', 'RRULE:BYDAY=WE,MO;INTERVAL=1;FREQ=WEEKLY'),
    ).toBe(true);
    expect(sameRecurrence('FREQ=MONTHLY;BYDAY=2TH', 'FREQ=MONTHLY;BYDAY=+2TH')).toBe(true);
  });

  it('tells different rules and a missing rule apart', () => {
    expect(sameRecurrence('FREQ=WEEKLY;BYDAY=MO', 'FREQ=WEEKLY;BYDAY=TU')).toBe(false);
    expect(sameRecurrence('FREQ=WEEKLY;INTERVAL=2', 'FREQ=WEEKLY')).toBe(false);
    expect(sameRecurrence(null, 'FREQ=DAILY')).toBe(false);
    expect(sameRecurrence(null, null)).toBe(true);
  });
});

describe('effects', () => {
  const created = {
    type: 'event_created',
    titleWords: ['ол'],
    start: '2026-12-08T15:00',
    durationMinutes: 60,
    recurrence: null,
  };

  it('accepts the expected new event and names what is wrong with another', () => {
    expect(scoreEffect(created, seen(empty, { ...empty, events: [event()] })).ok).toBe(true);
    const late = event({ startsAt: instantOfLocal('2026-12-08T16:00', MOSCOW) });
    const verdict = scoreEffect(created, seen(empty, { ...empty, events: [late] }));
    expect(verdict).toMatchObject({ ok: false, wrote: true });
    expect(verdict.problems).toEqual(['event_created: start time']);
  });

  it('fails a question_only case that wrote something or asked nothing', () => {
    const asked = seen(empty, empty, 'Во сколько?');
    expect(scoreEffect({ type: 'question_only' }, asked).ok).toBe(true);
    expect(scoreEffect({ type: 'question_only' }, seen(empty, empty)).ok).toBe(false);
    const wrote = seen(empty, { ...empty, events: [event()] }, 'Во сколько?');
    expect(scoreEffect({ type: 'question_only' }, wrote).problems).toEqual([
      'question_only: wrote something',
    ]);
  });

  it('requires the target itself to change for an update, keeping the rest', () => {
    const before = { ...empty, events: [event()] };
    const moved = {
      ...empty,
      events: [event({ startsAt: instantOfLocal('2026-12-11T15:00', MOSCOW) })],
    };
    const update = { type: 'event_updated', target: 'Встреча с Олей', start: '2026-12-11T15:00' };
    expect(scoreEffect(update, seen(before, moved)).ok).toBe(true);
    expect(scoreEffect(update, seen(before, before)).problems).toEqual([
      'event_updated: target unchanged',
    ]);
  });

  it('marks habit effects unsupported and failed', () => {
    const verdict = scoreEffect({ type: 'habit_created', schedule: 'daily' }, seen(empty, empty));
    expect(verdict).toMatchObject({ ok: false, unsupported: true });
  });
});
