import type {
  AssistantLanguage,
  IntentEngine,
  ParseContext,
  ParsedIntent,
} from '../intent.types.js';
import { buildEventDelete, buildEventUpdate, buildReminderChange } from './event-changes.js';
import { buildEventCreate } from './event-create.js';
import { buildGoalCreate, buildGoalDelete, buildGoalProgress, buildGoalSearch } from './goals.js';
import { classify, smallTalk } from './intent-rules.js';
import { type Decided, decide, isHabitLike } from './intent-decision.js';
import { buildHabitCheckIn, buildHabitCreate, buildHabitList } from './habits.js';
import { questionFor } from './questions.js';
import { changesReminderOffsets } from './reminders.js';
import type { Clock } from './local-time.js';
import { buildEventSearch, buildFreeSlots } from './searches.js';
import { buildStepAdd, buildStepDelete, buildStepStatus } from './steps.js';
import { rewriteSpokenTimes } from './spoken-times.js';
import { correctTypos } from './typos.js';
import { takeZoneWords } from './zone-words.js';
import { detectLanguage, GREETING_OPENING, normalize, Scanner } from './text.js';

/**
 * The offline, rule-based parser: keywords decide the intent, then extractors take dates,
 * times, durations and repetitions out of the message (computed in the user's timezone),
 * and what is left names the thing. Pure and synchronous; it never calls out.
 */
export function parseMessage(said: string, context: ParseContext): ParsedIntent {
  const { text, clock } = read(said, context);
  const language = detectLanguage(text, context.language);
  const scanner = new Scanner(text);
  const kind = smallTalk(normalize(text).trim());
  if (kind) return { intent: 'small_talk', kind, language, missing: [] };
  scanner.takeOpening(GREETING_OPENING);
  if (changesReminderOffsets(scanner.text)) return buildReminderChange(scanner, clock, language);
  const rule = classify(scanner.text.trim());
  if (rule.intent === 'maybe_event') {
    // A thing with a day, a time or a repetition is an event, whatever else it resembles.
    const event = build(rule, new Scanner(scanner.text), clock, language);
    if (event.intent !== 'unknown' && !isHabitLike(scanner.text)) {
      return build(rule, scanner, clock, language);
    }
  }
  const classified = decide(rule, scanner.text.trim());
  const intent = build(classified, scanner, clock, language);
  if (classified.confidence === undefined) return intent;
  // The classifier chose, but nothing is left to name the thing: not a request after all.
  if (intent.missing[0] === 'title') return { intent: 'unknown', language, missing: [] };
  return { ...intent, confidence: classified.confidence };
}

type Decision = Decided;

/** Reads the message as `intent`, decided elsewhere (the answer to "an event or a goal?"). */
export function parseMessageAs(
  said: string,
  context: ParseContext,
  intent:
    | 'event_create'
    | 'event_delete'
    | 'event_update'
    | 'goal_create'
    | 'habit_create'
    | 'habit_check_in'
    | 'step_add',
): ParsedIntent {
  const { text, clock } = read(said, context);
  const language = detectLanguage(text, context.language);
  const scanner = new Scanner(text);
  scanner.takeOpening(GREETING_OPENING);
  return build({ intent }, scanner, clock, language);
}

/** The message with typos and spoken times read, and the clock it speaks in. */
function read(said: string, context: ParseContext): { text: string; clock: Clock } {
  const { text, zone } = takeZoneWords(rewriteSpokenTimes(correctTypos(said)));
  return { text, clock: { now: context.now, zone: zone ?? context.timezone } };
}

function build(
  classified: Decision,
  scanner: Scanner,
  clock: Clock,
  language: AssistantLanguage,
): ParsedIntent {
  switch (classified.intent) {
    case 'event_create':
      return buildEventCreate(scanner, clock, language);
    case 'maybe_event': {
      const event = buildEventCreate(scanner, clock, language);
      // Without a day, a time or a repetition this is not an event, just words.
      const said =
        event.start ||
        event.date ||
        event.recurrence ||
        (event.within && !ASKING.test(scanner.text)) ||
        event.missing.includes('weekday');
      return said && event.title ? event : { intent: 'unknown', language, missing: [] };
    }
    case 'event_update':
      return buildEventUpdate(scanner, clock, language);
    case 'event_delete':
      return buildEventDelete(scanner, clock, language);
    case 'event_search':
      return buildEventSearch(scanner, clock, language);
    case 'free_slots':
      return buildFreeSlots(scanner, clock, language);
    case 'goal_create':
      return buildGoalCreate(scanner, clock, language);
    case 'goal_search':
      return buildGoalSearch(scanner, language);
    case 'goal_progress':
      return buildGoalProgress(scanner, language);
    case 'goal_delete':
      return buildGoalDelete(scanner, language);
    case 'step_add':
      return buildStepAdd(scanner, language);
    case 'step_status':
      return buildStepStatus(scanner, language);
    case 'step_delete':
      return buildStepDelete(scanner, language);
    case 'habit_create':
      return buildHabitCreate(scanner, language);
    case 'habit_check_in':
      return buildHabitCheckIn(scanner, clock, language);
    case 'habit_list':
      return buildHabitList(language);
    case 'week_review':
      return { intent: 'week_review', language, missing: [] };
    case 'unknown':
      if (!classified.choices) return { intent: 'unknown', language, missing: [] };
      return {
        intent: 'unknown',
        language,
        missing: ['kind'],
        choices: classified.choices,
        question: questionFor('unknown', 'kind', language),
      };
  }
}

/** A question about the schedule, not an event: "busy this weekend?", "покажи все на …". */
export const ASKING =
  /\?|^\s*(?:покажи|показать|что|есть|какие|busy|any|anything|what|show|got\s+time|do\s+i|am\s+i)(?![\p{L}])/iu;

/** The offline engine behind the common interface. */
export const offlineEngine: IntentEngine = { name: 'offline', parseMessage };
