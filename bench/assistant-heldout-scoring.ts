import { DateTime } from 'luxon';
import { nextOccurrenceStart } from '../src/services/recurrence.js';

/**
 * Pure scoring of the held-out assistant set (tests/fixtures/assistant-heldout.json): the
 * expected effect, written in user terms and local wall-clock times, against the user's rows
 * before and after the dialog. The runner (assistant-heldout.bench.ts) does the I/O.
 */

export type Lang = 'ru' | 'en';

/** An expected effect: `type` plus the fields the set's conventions describe for it. */
export interface ExpectedEffect {
  type: string;
  [field: string]: unknown;
}

export interface SetupEvent {
  title: string;
  /** Local `YYYY-MM-DDTHH:mm`, or a date for an all-day event. */
  start: string;
  durationMinutes?: number;
  recurrence?: string | null;
}

export interface SetupGoal {
  title: string;
  deadline?: string | null;
  steps?: { title: string; done: boolean }[];
}

export interface HeldoutCase {
  id: string;
  lang: Lang;
  now?: string;
  timezone?: string;
  turns: string[];
  setup?: { events?: SetupEvent[]; goals?: SetupGoal[]; habits?: unknown[] };
  expect: { intent: string; asks: boolean; effect: ExpectedEffect };
  note?: string;
}

export interface HeldoutSet {
  now: string;
  timezone: string;
  cases: HeldoutCase[];
}

export interface EventState {
  id: string;
  title: string;
  startsAt: Date;
  timezone: string;
  allDay: boolean;
  durationMinutes: number;
  recurrence: string | null;
  reminderMinutesBefore: number[];
  reminderEnabled: boolean;
}

export interface StepState {
  id: string;
  title: string;
  status: string;
}

export interface GoalState {
  id: string;
  title: string;
  status: string;
  /** `YYYY-MM-DD` or null. */
  targetDate: string | null;
  steps: StepState[];
}

export interface HabitState {
  id: string;
  title: string;
  /** 'daily', 'weekdays:1,2,3,4,5', 'times_per_week:4', 'every_n_days:2'. */
  schedule: string;
  reminderTimes: string[];
}

export interface CheckInState {
  habitId: string;
  localDate: string;
  status: string;
}

/** Everything of one user the assistant can write. */
export interface UserState {
  events: EventState[];
  goals: GoalState[];
  habits?: HabitState[];
  checkIns?: CheckInState[];
}

export interface Reply {
  text: string;
  question: string | null;
  intent: string;
}

/** What one case left behind: the rows before the first and after the last turn. */
export interface Observation {
  before: UserState;
  after: UserState;
  replies: Reply[];
  now: Date;
  zone: string;
}

export interface EffectVerdict {
  ok: boolean;
  /** The effect needs something the schema does not have yet (habits). */
  unsupported: boolean;
  /** Something of the user's changed. */
  wrote: boolean;
  /** Failure kinds, `effect type: what` (empty when ok). */
  problems: string[];
  /** What was found, for the report. */
  got: unknown;
}

/** Lowercase with ё as е: how titles and title words are compared. */
export const plain = (text: string): string => text.toLowerCase().replace(/ё/g, 'е');

/** Title problems: a stem of `words` missing from the title, or a word of `not` in it. */
export function titleProblems(title: string, words: string[] = [], not: string[] = []): string[] {
  const text = plain(title);
  return [
    ...words.filter((word) => !text.includes(plain(word))).map((word) => `lacks "${word}"`),
    ...not.filter((word) => text.includes(plain(word))).map((word) => `has "${word}"`),
  ];
}

/** The instant of a local `YYYY-MM-DDTHH:mm` (or a date: its midnight) in `zone`. */
export function instantOfLocal(local: string, zone: string): Date {
  const parsed = DateTime.fromISO(local, { zone });
  if (!parsed.isValid) throw new Error(`Not a local date-time: ${local}`);
  return parsed.toJSDate();
}

/** `instant` as local `YYYY-MM-DDTHH:mm` in `zone`. */
export const localWallClock = (instant: Date, zone: string): string =>
  DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");

/** Whether `instant` is the expected local start: a bare date compares the day only. */
export function sameLocalStart(expected: string, instant: Date, zone: string): boolean {
  const local = localWallClock(instant, zone);
  return expected.length === 10 ? local.slice(0, 10) === expected : local === expected;
}

/**
 * An RRULE as sorted `KEY=VALUE` parts: list values sorted and without a `+` sign, INTERVAL=1
 * dropped (the default), so that equal rules written differently compare equal.
 */
export function rruleParts(rule: string): string[] {
  return rule
    .trim()
    .replace(/^RRULE:/i, '')
    .split(';')
    .filter(Boolean)
    .map((part) => {
      const [key = '', value = ''] = part.split('=');
      // BYDAY=+2TH is BYDAY=2TH.
      const values = value
        .toUpperCase()
        .split(',')
        .map((item) => item.replace(/^\+/, ''))
        .sort()
        .join(',');
      return `${key.toUpperCase()}=${values}`;
    })
    .filter((part) => part !== 'INTERVAL=1')
    .sort();
}

export function sameRecurrence(expected: string | null, actual: string | null): boolean {
  if (!expected || !actual) return !expected && !actual;
  return rruleParts(expected).join(';') === rruleParts(actual).join(';');
}

/** Where an event starts for the user: a recurring one at its first occurrence from now on. */
export function startFrom(event: EventState, now: Date): Date {
  if (!event.recurrence) return event.startsAt;
  const justBefore = new Date(now.getTime() - 1);
  return nextOccurrenceStart(event, justBefore) ?? event.startsAt;
}

/** When the reminder for `start` fires: start − the smallest offset; null without reminders. */
export function remindAtOf(event: EventState, start: Date): Date | null {
  if (!event.reminderEnabled || event.reminderMinutesBefore.length === 0) return null;
  return new Date(start.getTime() - Math.min(...event.reminderMinutesBefore) * 60_000);
}

const eventKey = (e: EventState) =>
  JSON.stringify([
    e.title,
    e.startsAt.getTime(),
    e.allDay,
    e.durationMinutes,
    e.recurrence,
    [...e.reminderMinutesBefore].sort((a, b) => a - b),
    e.reminderEnabled,
  ]);
const stepKey = (s: StepState) => JSON.stringify([s.title, s.status]);
const goalKey = (g: GoalState) =>
  JSON.stringify([g.title, g.status, g.targetDate, g.steps.map((s) => [s.id, stepKey(s)])]);

/** Whether anything of the user's differs between the two states. */
export function stateChanged(before: UserState, after: UserState): boolean {
  const events = (s: UserState) =>
    s.events
      .map((e) => `${e.id}:${eventKey(e)}`)
      .sort()
      .join('\n');
  const goals = (s: UserState) =>
    s.goals
      .map((g) => `${g.id}:${goalKey(g)}`)
      .sort()
      .join('\n');
  const habits = (s: UserState) =>
    [
      ...(s.habits ?? []).map((h) => JSON.stringify(h)),
      ...(s.checkIns ?? []).map((c) => JSON.stringify(c)),
    ]
      .sort()
      .join('\n');
  return (
    events(before) !== events(after) ||
    goals(before) !== goals(after) ||
    habits(before) !== habits(after)
  );
}

const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/**
 * A set's habit schedule ('daily', 'weekdays' = Monday to Friday, 'weekly:MO,WE,FR',
 * 'times_per_week:4', 'every_n_days:2') in the form `HabitState.schedule` uses.
 */
export function habitScheduleOf(said: string): string {
  if (said === 'weekdays') return 'weekdays:1,2,3,4,5';
  const [kind = '', value = ''] = said.split(':');
  if (kind === 'weekly') {
    const days = value.split(',').map((code) => WEEKDAY_CODES.indexOf(code.trim()) + 1);
    return `weekdays:${days.sort((a, b) => a - b).join(',')}`;
  }
  return value ? `${kind}:${value}` : kind;
}

function habitProblems(
  effect: ExpectedEffect,
  before: UserState,
  after: UserState,
  lastIntent?: string,
): string[] {
  const oldHabits = new Set((before.habits ?? []).map((h) => h.id));
  if (effect.type === 'habits_shown') {
    if (lastIntent !== 'habit_list') return [`answered as ${lastIntent}`];
    return stateChanged(before, after) ? ['wrote something'] : [];
  }
  if (effect.type === 'habit_created') {
    const created = (after.habits ?? []).filter((h) => !oldHabits.has(h.id));
    if (created.length === 0) return ['nothing created'];
    const problems = (habit: HabitState) => [
      ...(titleProblems(habit.title, effect.titleWords as string[] | undefined).length
        ? ['title']
        : []),
      ...(effect.schedule && habitScheduleOf(effect.schedule as string) !== habit.schedule
        ? ['schedule']
        : []),
      ...(effect.time && !habit.reminderTimes.includes(effect.time as string) ? ['time'] : []),
    ];
    return created.map(problems).sort((a, b) => a.length - b.length)[0]!;
  }
  // habit_checked_in
  const habit = byTitle(before.habits ?? [], effect.habit as string);
  if (!habit) return ['habit not in setup'];
  const key = (c: CheckInState) => `${c.habitId}:${c.localDate}:${c.status}`;
  const old = new Set((before.checkIns ?? []).map(key));
  const added = (after.checkIns ?? []).filter((c) => !old.has(key(c)));
  const wanted = (effect.status as string | undefined) ?? 'done';
  const hit = added.some(
    (c) =>
      c.habitId === habit.id &&
      c.status === wanted &&
      (!effect.date || c.localDate === effect.date),
  );
  const others = added.some((c) => c.habitId !== habit.id);
  return [...(hit ? [] : ['no check-in of the day']), ...(others ? ['other habits checked'] : [])];
}

const byTitle = <T extends { title: string }>(rows: T[], title: string) =>
  rows.find((row) => plain(row.title) === plain(title));

/** A created or updated event as the report shows it: local times in the case zone. */
export function describeEvent(event: EventState, now: Date, zone: string) {
  const start = startFrom(event, now);
  const remindAt = remindAtOf(event, start);
  return {
    title: event.title,
    start: event.allDay ? localWallClock(start, zone).slice(0, 10) : localWallClock(start, zone),
    durationMinutes: event.durationMinutes,
    recurrence: event.recurrence,
    remindAt: remindAt ? localWallClock(remindAt, zone) : null,
  };
}

/** Problems of `event` against the expected fields of an event_created/event_updated. */
export function eventProblems(
  effect: ExpectedEffect,
  event: EventState,
  now: Date,
  zone: string,
): string[] {
  const problems = titleProblems(
    event.title,
    effect.titleWords as string[] | undefined,
    effect.titleNot as string[] | undefined,
  ).length
    ? ['title']
    : [];
  const start = startFrom(event, now);
  const expectedStart = effect.start as string | undefined;
  const allDay = expectedStart?.length === 10;
  if (expectedStart && !sameLocalStart(expectedStart, start, zone)) {
    problems.push(
      expectedStart.slice(0, 10) === localWallClock(start, zone).slice(0, 10)
        ? 'start time'
        : 'start day',
    );
  }
  const remindAt = effect.remindAt as string | undefined;
  // A pure reminder's duration is not checked, nor an all-day event's.
  if (typeof effect.durationMinutes === 'number' && !allDay && !remindAt) {
    if (event.durationMinutes !== effect.durationMinutes) problems.push('duration');
  }
  if ('recurrence' in effect && !allDay) {
    if (!sameRecurrence(effect.recurrence as string | null, event.recurrence))
      problems.push('recurrence');
  }
  if (remindAt) {
    const fires = remindAtOf(event, start);
    if (!fires || localWallClock(fires, zone) !== remindAt) problems.push('remindAt');
  }
  return problems;
}

const LISTING_INTENTS: Record<string, string[]> = {
  events_listed: ['event_search'],
  free_slots_listed: ['free_slots'],
  goal_progress_shown: ['goal_progress', 'goal_search'],
};
const HABIT_EFFECTS = new Set(['habit_created', 'habit_checked_in', 'habits_shown']);
const STEP_STATUS: Record<string, string[]> = { done: ['done'], todo: ['pending', 'in_progress'] };

/** Scores the expected effect of a case against what the dialog left behind. */
export function scoreEffect(effect: ExpectedEffect, seen: Observation): EffectVerdict {
  const { before, after, now, zone } = seen;
  const wrote = stateChanged(before, after);
  const last = seen.replies.at(-1);
  const verdict = (problems: string[], got: unknown = null): EffectVerdict => ({
    ok: problems.length === 0,
    unsupported: false,
    wrote,
    problems: problems.map((p) => `${effect.type}: ${p}`),
    got,
  });
  const oldIds = new Set(before.events.map((e) => e.id));
  const newEvents = after.events.filter((e) => !oldIds.has(e.id));
  const wroteNote = wrote ? ['wrote something'] : [];

  if (HABIT_EFFECTS.has(effect.type)) {
    if (!after.habits) {
      return { ...verdict([]), ok: false, unsupported: true, problems: ['habits: unsupported'] };
    }
    return verdict(habitProblems(effect, before, after, last?.intent));
  }
  switch (effect.type) {
    case 'nothing':
      return verdict(wroteNote);
    case 'question_only':
      return verdict([...(last?.question ? [] : ['no question asked']), ...wroteNote], last);
    case 'events_listed':
    case 'free_slots_listed':
    case 'goal_progress_shown': {
      const intents = LISTING_INTENTS[effect.type]!;
      const problems = [...wroteNote];
      if (!last || !intents.includes(last.intent)) problems.push(`answered as ${last?.intent}`);
      else if (last.question) problems.push('asked instead of listing');
      if (effect.type === 'events_listed' && problems.length === 0 && effect.from && effect.to) {
        problems.push(...unlistedEvents(before, last?.text ?? '', effect, zone));
      }
      return verdict(problems, last);
    }
    case 'event_created': {
      if (newEvents.length === 0) return verdict(['nothing created']);
      const scored = newEvents
        .map((event) => ({ event, problems: eventProblems(effect, event, now, zone) }))
        .sort((a, b) => a.problems.length - b.problems.length);
      const best = scored[0]!;
      const extra = newEvents.length > 1 ? ['more than one event created'] : [];
      return verdict(
        [...best.problems, ...extra],
        newEvents.map((e) => describeEvent(e, now, zone)),
      );
    }
    case 'event_updated':
    case 'event_deleted': {
      const target = byTitle(before.events, effect.target as string);
      if (!target) return verdict(['target not in setup']);
      const now_ = after.events.find((e) => e.id === target.id);
      const others = (s: UserState) =>
        s.events
          .filter((e) => e.id !== target.id)
          .map((e) => `${e.id}:${eventKey(e)}`)
          .sort()
          .join('\n');
      const othersChanged = others(before) !== others(after) ? ['other events changed'] : [];
      if (effect.type === 'event_deleted') {
        return verdict([...(now_ ? ['target still there'] : []), ...othersChanged]);
      }
      if (!now_) return verdict(['target deleted', ...othersChanged]);
      if (eventKey(now_) === eventKey(target))
        return verdict(['target unchanged', ...othersChanged]);
      return verdict(
        [...eventProblems(effect, now_, now, zone), ...othersChanged],
        describeEvent(now_, now, zone),
      );
    }
    case 'goal_created': {
      const oldGoals = new Set(before.goals.map((g) => g.id));
      const created = after.goals.filter((g) => !oldGoals.has(g.id));
      if (created.length === 0) return verdict(['nothing created']);
      const problems = (goal: GoalState) => [
        ...(titleProblems(goal.title, effect.titleWords as string[] | undefined).length
          ? ['title']
          : []),
        ...('deadline' in effect && (effect.deadline ?? null) !== goal.targetDate
          ? ['deadline']
          : []),
      ];
      const best = created.map(problems).sort((a, b) => a.length - b.length)[0]!;
      return verdict(
        best,
        created.map((g) => ({ title: g.title, deadline: g.targetDate })),
      );
    }
    case 'goal_deleted': {
      const target = byTitle(before.goals, effect.target as string);
      if (!target) return verdict(['target not in setup']);
      const left = after.goals.find((g) => g.id === target.id);
      const gone = !left || left.status === 'archived';
      const othersGone = before.goals.some(
        (g) => g.id !== target.id && !after.goals.some((a) => a.id === g.id),
      );
      return verdict([
        ...(gone ? [] : ['target still there']),
        ...(othersGone ? ['other goals deleted'] : []),
      ]);
    }
    case 'step_added':
    case 'step_status_changed':
    case 'step_deleted':
      return verdict(...stepProblems(effect, before, after));
    default:
      return verdict([`unknown effect type ${effect.type}`]);
  }
}

function stepProblems(
  effect: ExpectedEffect,
  before: UserState,
  after: UserState,
): [string[], unknown] {
  const goalBefore = byTitle(before.goals, effect.goal as string);
  if (!goalBefore) return [['goal not in setup'], null];
  const goalAfter = after.goals.find((g) => g.id === goalBefore.id);
  if (!goalAfter) return [['goal deleted'], null];
  if (effect.type === 'step_added') {
    const old = new Set(before.goals.flatMap((g) => g.steps.map((s) => s.id)));
    const added = goalAfter.steps.filter((s) => !old.has(s.id));
    const elsewhere = after.goals.flatMap((g) =>
      g.id === goalBefore.id
        ? []
        : g.steps.filter((s) => !old.has(s.id)).map((s) => ({ goal: g.title, step: s.title })),
    );
    if (added.length === 0)
      return [[elsewhere.length ? 'added to another goal' : 'no step added'], elsewhere];
    const titled = added.some(
      (s) => titleProblems(s.title, effect.titleWords as string[] | undefined).length === 0,
    );
    return [titled ? [] : ['title'], added.map((s) => s.title)];
  }
  const step = byTitle(goalBefore.steps, effect.step as string);
  if (!step) return [['step not in setup'], null];
  const stepAfter = goalAfter.steps.find((s) => s.id === step.id);
  if (effect.type === 'step_deleted') return [stepAfter ? ['step still there'] : [], null];
  if (!stepAfter) return [['step deleted'], null];
  const wanted = STEP_STATUS[effect.status as string] ?? [effect.status as string];
  return [wanted.includes(stepAfter.status) ? [] : ['status'], stepAfter.status];
}

/** Single setup events inside from..to (local days) that the listing reply does not name. */
function unlistedEvents(
  before: UserState,
  text: string,
  effect: ExpectedEffect,
  zone: string,
): string[] {
  const inRange = before.events.filter((event) => {
    if (event.recurrence) return false;
    const day = localWallClock(event.startsAt, zone).slice(0, 10);
    return day >= (effect.from as string) && day <= (effect.to as string);
  });
  const missed = inRange.some((event) => !plain(text).includes(plain(event.title)));
  return missed ? ['an event of the range not listed'] : [];
}
