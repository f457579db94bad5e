/**
 * The contract between the assistant's parsers (the offline rule-based engine and a model
 * engine) and the code that acts on what a person wrote: an intent with typed slots.
 */

export type AssistantLanguage = 'ru' | 'en';

export interface ParseContext {
  /** The moment the message was received. */
  now: Date;
  /** The user's IANA timezone; every local date and time is read in it. */
  timezone: string;
  /** The user's preferred language, used when the text itself does not tell. */
  language?: AssistantLanguage;
  /** Names of the user's own items, so a model can match "the marathon" to its goal. */
  known?: KnownNames;
}

/** The titles of a user's active goals, upcoming events and habits (a few dozen at most). */
export interface KnownNames {
  goals: string[];
  events: string[];
  habits: string[];
}

/**
 * Names of required slots that are absent or ambiguous:
 * - `title`: what the event, goal or step is called;
 * - `start`: neither a date nor a time was given;
 * - `time`: a date was given but no time of day;
 * - `weekday`: a weekday that may mean this week's or next week's day;
 * - `target`: which existing event, goal or step is meant;
 * - `change`: what to change in an event (new time, date or duration);
 * - `kind`: whether an event, a goal or a habit is meant (the classifier was not sure).
 */
/**
 * What a question asks for. `meridiem`: morning or evening of a bare hour (`start` is the
 * morning reading, `alternativeStart` the evening one); `past`: the time said today has
 * passed; `date`: a date that does not exist or is ambiguous ("30 февраля", "11/12");
 * `range`: only a range of days was said ("на следующей неделе"), which day?
 */
export type MissingSlot =
  | 'title'
  | 'start'
  | 'time'
  | 'weekday'
  | 'target'
  | 'change'
  | 'kind'
  | 'meridiem'
  | 'past'
  | 'date'
  | 'range';

export type IntentName = ParsedIntent['intent'];

/** Every intent name, for schemas and coverage checks. */
export const INTENT_NAMES = [
  'small_talk',
  'event_create',
  'event_update',
  'event_delete',
  'event_search',
  'free_slots',
  'goal_create',
  'goal_search',
  'goal_progress',
  'goal_delete',
  'step_add',
  'step_status',
  'step_delete',
  'habit_create',
  'habit_check_in',
  'habit_list',
  'week_review',
  'unknown',
] as const satisfies readonly IntentName[];

interface IntentBase {
  /** The language the message is written in ('ru' when Cyrillic dominates). */
  language: AssistantLanguage;
  /** Required slots that are absent or ambiguous, most important first. */
  missing: MissingSlot[];
  /** The clarifying question for `missing[0]`, in `language`. */
  question?: string;
  /** How sure the engine is of the intent, 0…1 (the offline classifier's posterior). */
  confidence?: number;
  /** Items offered when several matched the words ("which one?"), as buttons. */
  options?: ItemOption[];
  /** The id of the item picked among `options`: the executor acts on it directly. */
  pickedId?: string;
}

/** One of the user's items offered to pick: its id and the label on its button. */
export interface ItemOption {
  id: string;
  label: string;
}

/** A reference to an existing event by words and/or when it happens. */
export interface EventTarget {
  /** Words naming the event, e.g. "встреча с Олей" (matched fuzzily downstream). */
  text?: string;
  /** Local date of the event, YYYY-MM-DD. */
  date?: string;
  /** Local time of the event, HH:mm. */
  time?: string;
}

/** `chat`: an acknowledgement, a mood or an emoji ("норм", "устал", "😂"): nothing to do. */
export type SmallTalkKind = 'greeting' | 'thanks' | 'help' | 'farewell' | 'chat';
export type StepStatusValue = 'done' | 'skipped' | 'in_progress' | 'todo';
export type GoalStatusFilter = 'active' | 'paused' | 'completed' | 'archived';

export interface SmallTalkIntent extends IntentBase {
  intent: 'small_talk';
  kind: SmallTalkKind;
}

export interface EventCreateIntent extends IntentBase {
  intent: 'event_create';
  title?: string;
  /** First occurrence, an instant computed in the user's timezone. */
  start?: Date;
  /** Local date (YYYY-MM-DD) when the day is known but the time is not. */
  date?: string;
  /** The other reading of an ambiguous weekday (the same time a week later). */
  alternativeStart?: Date;
  /** Days said as a range ("на этой неделе"): the day asked for is one of them (ISO dates). */
  within?: { first: string; last: string };
  /** 60 when not said; a whole day for all-day events. */
  durationMinutes: number;
  /** RFC 5545 RRULE text without DTSTART, e.g. "FREQ=WEEKLY;BYDAY=MO". */
  recurrence?: string;
  allDay?: boolean;
  /**
   * Reminder offsets said in the message, minutes before the start: [0] for "напомни…" /
   * "remind me…" (remind at the time said), [60] for "за час" / "an hour before", [] for
   * "без напоминания". Absent: the user's default applies.
   */
  reminderMinutesBefore?: number[];
}

export interface EventUpdateIntent extends IntentBase {
  intent: 'event_update';
  target: EventTarget;
  /** New start when both the new day and time are known. */
  newStart?: Date;
  /** New local date (keep the time) when only the day is given. */
  newDate?: string;
  /** New local time HH:mm (keep the day) when only the time is given. */
  newTime?: string;
  /** `newTime` was a bare hour ("at 6:30"): morning or evening as the event already is. */
  newTimeBare?: boolean;
  /** A range said as the new day ("на следующую неделю"): the day asked is one of them. */
  within?: { first: string; last: string };
  newDurationMinutes?: number;
  /** Move by this many minutes (negative: earlier). */
  shiftMinutes?: number;
  /** Longer (shorter: negative) by this many minutes: "на 45 минут дольше". */
  durationDeltaMinutes?: number;
  /** A new end, HH:mm local, on the event's day: "продли до 23". */
  newEndTime?: string;
  /** A new title: "переименуй планерку в синк с отделом". */
  newTitle?: string;
  /** New reminder offsets ("напомни за день до стоматолога"); [] switches reminders off. */
  reminderMinutesBefore?: number[];
}

export interface EventDeleteIntent extends IntentBase {
  intent: 'event_delete';
  target: EventTarget;
}

export interface EventSearchIntent extends IntentBase {
  intent: 'event_search';
  /** Range [from, to) of instants. */
  from: Date;
  to: Date;
  /** Words naming the event looked for ("когда у меня встреча с Олей?"). */
  query?: string;
}

export interface FreeSlotsIntent extends IntentBase {
  intent: 'free_slots';
  from: Date;
  to: Date;
  minMinutes?: number;
}

export interface GoalCreateIntent extends IntentBase {
  intent: 'goal_create';
  title?: string;
  /** Local date YYYY-MM-DD. */
  targetDate?: string;
}

export interface GoalSearchIntent extends IntentBase {
  intent: 'goal_search';
  status?: GoalStatusFilter;
}

export interface GoalProgressIntent extends IntentBase {
  intent: 'goal_progress';
  /** Words naming the goal; absent means all goals. */
  target?: string;
}

export interface GoalDeleteIntent extends IntentBase {
  intent: 'goal_delete';
  target?: string;
}

export interface StepAddIntent extends IntentBase {
  intent: 'step_add';
  goalTarget?: string;
  title?: string;
}

/** "первый шаг в марафоне", "the last step of the cooking goal": a step by its place. */
export interface StepByPlace {
  /** 1-based place in the goal's list; -1 is the last one. */
  stepNumber?: number;
  /** Words naming the goal whose list is meant; absent means the only or newest goal. */
  goalTarget?: string;
}

export interface StepStatusIntent extends IntentBase, StepByPlace {
  intent: 'step_status';
  target?: string;
  status: StepStatusValue;
}

export interface StepDeleteIntent extends IntentBase, StepByPlace {
  intent: 'step_delete';
  target?: string;
}

/** A habit's schedule as said: every day, chosen weekdays (ISO 1–7), N times a period. */
export interface HabitScheduleSaid {
  kind: 'daily' | 'weekdays' | 'times_per_week' | 'times_per_month' | 'every_n_days';
  weekdays?: number[];
  count?: number;
}

export interface HabitCreateIntent extends IntentBase {
  intent: 'habit_create';
  title?: string;
  schedule: HabitScheduleSaid;
  /** Local HH:mm to remind at, when a time was said. */
  reminderTime?: string;
  /** Successful days to reach ("21 день"), when said. */
  target?: number;
}

export interface HabitCheckInIntent extends IntentBase {
  intent: 'habit_check_in';
  /** Words naming the habit ("зарядку"). */
  target?: string;
  /** Local date YYYY-MM-DD of the day checked off; absent means today. */
  date?: string;
  status: 'done' | 'skipped';
}

export interface HabitListIntent extends IntentBase {
  intent: 'habit_list';
}

/** "как прошла неделя?", "how was my week?": the weekly review, now. */
export interface WeekReviewIntent extends IntentBase {
  intent: 'week_review';
  /** The calendar week asked about: this one (the default) or last week ("прошлая неделя"). */
  week?: 'this' | 'last';
}

export interface UnknownIntent extends IntentBase {
  intent: 'unknown';
  /** With `missing: ['kind']`: the intents asked between, and the message to re-read. */
  choices?: IntentName[];
}

export type ParsedIntent =
  | SmallTalkIntent
  | EventCreateIntent
  | EventUpdateIntent
  | EventDeleteIntent
  | EventSearchIntent
  | FreeSlotsIntent
  | GoalCreateIntent
  | GoalSearchIntent
  | GoalProgressIntent
  | GoalDeleteIntent
  | StepAddIntent
  | StepStatusIntent
  | StepDeleteIntent
  | HabitCreateIntent
  | HabitCheckInIntent
  | HabitListIntent
  | WeekReviewIntent
  | UnknownIntent;

/** What every engine offers; a model engine may answer asynchronously. */
export interface IntentEngine {
  readonly name: string;
  parseMessage(text: string, context: ParseContext): ParsedIntent | Promise<ParsedIntent>;
}
