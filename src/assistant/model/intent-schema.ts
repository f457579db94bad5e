import { z } from 'zod';
import { INTENT_NAMES, type EventTarget, type ParsedIntent } from '../intent.types.js';
import { questionFor } from '../offline/questions.js';
import { ModelAnswerError, toStrictJsonSchema } from './model-client.js';

/** An instant with its offset, e.g. 2026-03-05T10:00:00+03:00. */
const instant = z.iso.datetime({ offset: true }).nullable();
/** A local date, YYYY-MM-DD. */
const localDate = z.iso.date().nullable();
/** A local time, HH:mm. */
const localTime = z.iso.time({ precision: -1 }).nullable();
const text = z.string().trim().min(1).nullable();
const minutes = z.int().min(1).max(100_000).nullable();

/**
 * What the model answers: one flat object with every slot of every intent, the ones that do
 * not apply set to null (strict structured outputs want every property present). The
 * prompt (prompts/intent.md) says which slots belong to which intent.
 */
export const intentAnswerSchema = z.object({
  intent: z.enum(INTENT_NAMES),
  language: z.enum(['ru', 'en']),
  missing: z.array(
    z.enum([
      'title',
      'start',
      'time',
      'weekday',
      'target',
      'change',
      'kind',
      'meridiem',
      'past',
      'date',
      'range',
    ]),
  ),
  question: text,
  smallTalkKind: z.enum(['greeting', 'thanks', 'help', 'farewell', 'chat']).nullable(),
  title: text,
  start: instant,
  date: localDate,
  alternativeStart: instant,
  durationMinutes: minutes,
  recurrence: text,
  allDay: z.boolean().nullable(),
  target: text,
  targetDate: localDate,
  targetTime: localTime,
  newStart: instant,
  newDate: localDate,
  newTime: localTime,
  newDurationMinutes: minutes,
  shiftMinutes: z.int().min(-100_000).max(100_000).nullable(),
  reminderMinutesBefore: z.array(z.int().min(0).max(40_320)).max(5).nullable(),
  from: instant,
  to: instant,
  query: text,
  minMinutes: minutes,
  deadline: localDate,
  goalTarget: text,
  goalStatus: z.enum(['active', 'paused', 'completed', 'archived']).nullable(),
  stepStatus: z.enum(['done', 'skipped', 'in_progress', 'todo']).nullable(),
  /** A step by its place in the goal's list: 1-based, -1 the last. */
  stepNumber: z.int().min(-1).max(100).nullable(),
  habitSchedule: z
    .enum(['daily', 'weekdays', 'times_per_week', 'times_per_month', 'every_n_days'])
    .nullable(),
  /** ISO weekdays 1 (Monday) … 7 (Sunday) of a `weekdays` habit. */
  habitWeekdays: z.array(z.int().min(1).max(7)).max(7).nullable(),
  /** N of `times_per_week`, `times_per_month`, `every_n_days`. */
  habitCount: z.int().min(1).max(365).nullable(),
  reminderTime: localTime,
  habitTarget: z.int().min(1).max(3650).nullable(),
  habitStatus: z.enum(['done', 'skipped']).nullable(),
  /** How sure the model is of the intent, 0…1. */
  confidence: z.number().min(0).max(1).nullable(),
});

export type IntentAnswer = z.infer<typeof intentAnswerSchema>;

export const INTENT_JSON_SCHEMA = toStrictJsonSchema(intentAnswerSchema);

const DAY_MINUTES = 24 * 60;

/** "the first step of X": the place and the goal, when the model named a step by its place. */
const stepPlace = (a: IntentAnswer) =>
  a.stepNumber === null || a.stepNumber === 0
    ? {}
    : compact({ stepNumber: a.stepNumber, goalTarget: a.goalTarget });

/** The model's answer as the engines' common contract (null slots dropped, dates parsed). */
export function toParsedIntent(a: IntentAnswer): ParsedIntent {
  const { language, missing } = a;
  const first = missing[0];
  // Without the model's own question, the offline engine's wording for the first slot.
  const question = a.question ?? (first ? questionFor(a.intent, first, language) : undefined);
  const base = compact({ language, missing, question, confidence: a.confidence });
  switch (a.intent) {
    case 'small_talk':
      return { intent: a.intent, ...base, kind: required(a.smallTalkKind, a.intent, 'kind') };
    case 'event_create':
      return compact({
        intent: a.intent,
        ...base,
        title: a.title,
        start: toDate(a.start),
        date: a.date,
        alternativeStart: toDate(a.alternativeStart),
        durationMinutes: a.durationMinutes ?? (a.allDay ? DAY_MINUTES : 60),
        recurrence: a.recurrence,
        allDay: a.allDay,
        reminderMinutesBefore: a.reminderMinutesBefore,
      });
    case 'event_update':
      return compact({
        intent: a.intent,
        ...base,
        target: eventTarget(a),
        newStart: toDate(a.newStart),
        newDate: a.newDate,
        newTime: a.newTime,
        newDurationMinutes: a.newDurationMinutes,
        shiftMinutes: a.shiftMinutes,
        reminderMinutesBefore: a.reminderMinutesBefore,
      });
    case 'event_delete':
      return { intent: a.intent, ...base, target: eventTarget(a) };
    case 'event_search':
      return compact({ intent: a.intent, ...base, ...range(a), query: a.query });
    case 'free_slots':
      return compact({ intent: a.intent, ...base, ...range(a), minMinutes: a.minMinutes });
    case 'goal_create':
      return compact({ intent: a.intent, ...base, title: a.title, targetDate: a.deadline });
    case 'goal_search':
      return compact({ intent: a.intent, ...base, status: a.goalStatus });
    case 'goal_progress':
    case 'goal_delete':
      return compact({ intent: a.intent, ...base, target: a.target });
    case 'step_delete':
      return compact({ intent: a.intent, ...base, target: a.target, ...stepPlace(a) });
    case 'step_add':
      return compact({ intent: a.intent, ...base, goalTarget: a.goalTarget, title: a.title });
    case 'step_status':
      return compact({
        intent: a.intent,
        ...base,
        target: a.target,
        status: required(a.stepStatus, a.intent, 'stepStatus'),
        ...stepPlace(a),
      });
    case 'habit_create':
      return compact({
        intent: a.intent,
        ...base,
        title: a.title,
        schedule: compact({
          kind: a.habitSchedule ?? 'daily',
          weekdays: a.habitWeekdays,
          count: a.habitCount,
        }),
        reminderTime: a.reminderTime?.slice(0, 5) ?? null,
        target: a.habitTarget,
      });
    case 'habit_check_in':
      return compact({
        intent: a.intent,
        ...base,
        target: a.target,
        date: a.date,
        status: a.habitStatus ?? 'done',
      });
    case 'habit_list':
    case 'week_review':
    case 'unknown':
      return { intent: a.intent, ...base };
  }
}

function eventTarget(a: IntentAnswer): EventTarget {
  return compact({ text: a.target, date: a.targetDate, time: a.targetTime });
}

function range(a: IntentAnswer): { from: Date; to: Date } {
  const from = new Date(required(a.from, a.intent, 'from'));
  const to = new Date(required(a.to, a.intent, 'to'));
  if (from >= to) throw new ModelAnswerError(`${a.intent}: "from" is not before "to"`);
  return { from, to };
}

function required<T>(value: T | null, intent: string, slot: string): T {
  if (value === null) throw new ModelAnswerError(`${intent} without ${slot}`);
  return value;
}

function toDate(iso: string | null): Date | null {
  return iso === null ? null : new Date(iso);
}

/** Keys that may hold null become optional; the others stay as they are. */
type Compacted<T> = { [K in keyof T as null extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as null extends T[K] ? K : never]?: Exclude<T[K], null>;
};

/** Drops null and undefined values, so absent slots are absent, as the offline engine does. */
function compact<T extends object>(value: T): Compacted<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== null && v !== undefined),
  ) as Compacted<T>;
}
