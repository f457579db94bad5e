import type { IntentName } from '../intent.types.js';
import { classifyIntent } from '../nlu/intent-classifier.js';
import { HABIT_ACTIVITY, HABIT_WORD, TIMES_PER } from './habits.js';
import { takeRecurrence } from './recurrence-words.js';
import type { Classification } from './intent-rules.js';
import { Scanner, words } from './text.js';
import { mentionsClockTime } from './time-of-day.js';

export type Decided = {
  intent: Classification['intent'] | 'habit_create' | 'habit_check_in' | 'habit_list';
  /** The classifier's posterior when it decided. */
  confidence?: number;
  /** With `unknown`: the intents to ask between. */
  choices?: IntentName[];
};

/** The classifier decides alone at or above this posterior; below, the assistant asks. */
export const CONFIDENT = 0.6;

const has = (pattern: RegExp, text: string) => {
  pattern.lastIndex = 0;
  return pattern.test(text);
};

const REPEATS = words(
  'кажд\\p{L}*|ежедневн\\p{L}*|по\\s+(?:будням|утрам|вечерам|понедельникам|вторникам|средам|четвергам|пятницам|субботам|воскресеньям|выходным)|через\\s+день|в\\s+день|раз[а]?\\s+в\\s+(?:день|неделю|месяц)|every|daily|weekdays|each\\s+(?:day|morning|evening)|(?:a|per)\\s+day|times\\s+(?:a|per)\\s+(?:week|month)',
);
/** What makes a repetition a calendar event rather than a habit: people, places, reminders. */
const EVENT_LIKE = words(
  'напомни\\p{L}*|remind\\p{L}*|встреч\\p{L}*|созвон\\p{L}*|звон\\p{L}*|планерк\\p{L}*|стендап\\p{L}*|урок\\p{L}*|заняти\\p{L}*|пар[аыу]|лекци\\p{L}*|врач\\p{L}*|meeting|call|standup|class|lesson|lecture|appointment|с\\s+\\p{Lu}\\p{L}*|with\\s+\\p{L}+|таблетк\\p{L}*|pills?|оплат\\p{L}*|pay|студи\\p{L}*|studio|бассейн\\p{L}*|pool|клуб\\p{L}*|club|секци\\p{L}*',
);
const LIST_ASK = words(
  'как|какие|покажи|мои|список|сколько|что\\s+с|how|show|my|list|which|streaks?|status',
);
const CHECK_IN = words(
  'сделал\\p{L}*|выполнил\\p{L}*|отметь|отметить|готово|пропуска\\p{L}*|пропусти\\p{L}*|done|did|mark|check\\s*-?\\s*in|log|skip\\p{L}*|finished|completed',
);
const STEP = words('шаг\\p{L}*|steps?');

/**
 * A practice said with a repetition ("каждое утро зарядка"), a repetition without a clock time
 * of something that is no appointment ("каждое утро заправлять кровать": a calendar event
 * needs a time, a habit does not), or a habit said outright.
 */
export function isHabitLike(text: string): boolean {
  if (has(HABIT_WORD, text)) return true;
  if (!has(REPEATS, text) || has(EVENT_LIKE, text)) return false;
  if (has(HABIT_ACTIVITY, text)) return true;
  return !mentionsClockTime(text) && (has(TIMES_PER, text) || repetitionIn(text));
}

/** Whether the text says a repetition the recurrence grammar reads ("каждое 45 число" is none). */
const repetitionIn = (text: string) => takeRecurrence(new Scanner(text)) !== undefined;

/**
 * The final say on the intent: the keyword rules where they are sure, habits told apart
 * from recurring events and steps, and the trained classifier for what the rules do not
 * know — asking between the two likeliest when it is not sure either.
 */
export function decide(rule: Classification, text: string): Decided {
  const activity = has(HABIT_ACTIVITY, text);
  const habitWord = has(HABIT_WORD, text);
  if (habitWord && !has(STEP, text)) {
    if (has(CHECK_IN, text)) return { intent: 'habit_check_in' };
    if (has(LIST_ASK, text) && !has(REPEATS, text)) return { intent: 'habit_list' };
    return { intent: 'habit_create' };
  }
  const habitCreate = isHabitLike(text);
  if (
    habitCreate &&
    (rule.intent === 'event_create' ||
      rule.intent === 'maybe_event' ||
      rule.intent === 'goal_create' ||
      (rule.intent === 'step_add' && !has(STEP, text)) ||
      rule.intent === 'unknown')
  ) {
    return { intent: 'habit_create' };
  }
  if (rule.intent === 'step_status' && activity && !has(STEP, text)) {
    return { intent: 'habit_check_in' };
  }
  if (rule.intent !== 'unknown' && rule.intent !== 'maybe_event') return rule;

  const guess = classifyIntent(text);
  if (guess.intent === 'unknown' || guess.known < 0.5) return rule;
  // A repetition of something that is not a practice is a recurring event ("standup daily").
  if (guess.intent === 'habit_create' && (!activity || has(EVENT_LIKE, text))) {
    return rule.intent === 'maybe_event'
      ? rule
      : {
          intent: 'unknown',
          confidence: guess.confidence,
          choices: ['event_create', 'habit_create'],
        };
  }
  if (guess.confidence >= CONFIDENT) {
    // "maybe_event" is still built as an event when the classifier agrees.
    // A thing to do with someone or somewhere, said without a day ("созвон с мамой",
    // "brunch with lily's parents"), is an event whose time is asked; one word is not.
    const severalWords = text.trim().split(/\s+/).length >= 2;
    const intent =
      guess.intent === 'event_create' && rule.intent === 'maybe_event' && !severalWords
        ? 'maybe_event'
        : guess.intent;
    return { intent, confidence: guess.confidence };
  }
  if (rule.intent === 'maybe_event') return { ...rule, confidence: guess.confidence };
  const creating: IntentName[] = ['event_create', 'goal_create', 'habit_create'];
  if (creating.includes(guess.intent) && creating.includes(guess.runnerUp)) {
    return {
      intent: 'unknown',
      confidence: guess.confidence,
      choices: [guess.intent, guess.runnerUp],
    };
  }
  return { intent: 'unknown', confidence: guess.confidence };
}
