import type { IntentName } from '../intent.types.js';
import { classifyIntent } from '../nlu/intent-classifier.js';
import { HABIT_ACTIVITY, HABIT_WORD, TIMES_PER, TRACKING, WEEKDAY_LIST } from './habits.js';
import { takeRecurrence } from './recurrence-words.js';
import { STEP_BY_PLACE, UNDONE } from './steps.js';
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
/** Asking to see habits ("вести как привычку" is no question; "habit report" is one). */
const LIST_ASK = words(
  'как(?!\\s+привычк)|что\\s+(?:там\\s+)?(?:у\\s+меня|по)(?![\\p{L}])|report|отч[её]т\\p{L}*|summary|recap|какие|какой|какая|каков\\p{L}*|покажи|мои|список|сколько|что\\s+с|how|show|my|list|which|streaks?|status',
);
const CHECK_IN = words(
  '(?:постав\\p{L}*|ставь)\\s+(?:мне\\s+)?(?:галочк\\p{L}*|галк\\p{L}*|отметк\\p{L}*)|tick|сделал\\p{L}*|выполнил\\p{L}*|отметь|отметить|готово|check\\s+off|tick\\s+off|пропуска\\p{L}*|пропусти\\p{L}*|done|did|mark|check\\s*-?\\s*in|log|skip\\p{L}*|finished|completed',
);
const STEP = words('шаг\\p{L}*|пункт(?:а|ов|ы|ом)?(?!\\s+выдач)|steps?');
/** "for leo's reading goal add: read together every night": a step of a goal, not a habit. */
const GOAL_WORD = words('цел\\p{L}*|goals?');
/** A habit's schedule said ("трижды в неделю", "mon wed fri"): a new habit, not a list asked. */
const saysSchedule = (text: string) =>
  has(REPEATS, text) || has(TIMES_PER, text) || has(WEEKDAY_LIST, text);
const UNDONE_WORDS = words(UNDONE);
/**
 * Errands and services said without a day: going or taking someone somewhere ("к нотариусу
 * сходить", "отвезти маму на дачу", "pick up the kids from school"), a service booked
 * ("груминг", "ремонт холодильника", "vet"), a family occasion ("юбилей у деда").
 */
const ERRAND = words(
  'сходить|съездить|сгонять|навестить|(?:зайти|заглянуть)\\s+(?:к|ко)|заехать|заскочить|забрать|отвезти|завезти|отвести|подвезти|нотариус\\p{L}*|зубн(?:ой|ому|ого|ым)|ветеринар\\p{L}*|ветклиник\\p{L}*|груминг\\p{L}*|ремонт\\p{L}*|сантехник\\p{L}*|мфц|юбиле\\p{L}*|(?:pick\\s+up|drop\\s+off)\\s+(?:the\\s+|my\\s+)?(?:kids?|son|daughter|\\p{L}+\\s+(?:from|at))|(?:the|to)\\s+vets?|vet(?=\\s+(?:for|appointment|visit|check))|notary|grooming|groomer|repair\\p{L}*|plumber|recital|(?:swim|track)\\s+meet|date\\s+night|anniversary',
);
/** Things done at a time, with someone or somewhere: appointments, meals out, bookings. */
const APPOINTMENT = words(
  "записат\\p{L}*\\s+(?:на|к|ко)|запис[ьи]\\s+(?:на|к|ко)|консультаци\\p{L}*|репетици\\p{L}*|consultation|consultant\\s+(?:visit|appointment)|(?:doctor|clinic|consultant|therapist|nurse)\\s+visit|rehearsal|созвон\\p{L}*|звонок|др|днюх\\p{L}*|день\\s+рождени\\p{L}*|birthday|bday|встреч[аиу]|митинг\\p{L}*|ужин\\p{L}*|обед\\p{L}*|завтрак\\p{L}*|бранч\\p{L}*|кофе\\s+с|брон\\p{L}*|забронир\\p{L}*|корт\\p{L}*|стрижк\\p{L}*|парикмахер\\p{L}*|барбер\\p{L}*|стоматолог\\p{L}*|дантист\\p{L}*|врач\\p{L}*|приём|прием|свидани\\p{L}*|кино|концерт\\p{L}*|театр\\p{L}*|вечеринк\\p{L}*|собеседовани\\p{L}*|фотосесси\\p{L}*|маникюр\\p{L}*|педикюр\\p{L}*|массаж\\p{L}*|вебинар\\p{L}*|экзамен\\p{L}*|(?:с|со)\\s+\\p{Lu}\\p{L}+|(?:с|со)\\s+(?:мам|пап|бабушк|дедушк|сестр|брат|друз|коллег|начальник|директор)\\p{L}*|call\\s+with|meeting|brunch|dinner|lunch|breakfast|coffee\\s+with|drinks|appointment|interview|haircut|barber|dentist|doctor|photo\\s*shoot|manicure|pedicure|massage|webinar|exam|book\\s+(?:a|the)|reserve|court|movie|concert|party|date\\s+with|with\\s+(?:my\\s+)?\\p{L}+['’]s|(?:with|w)\\s+(?:mom|dad|my|the)",
);
/** A verb in the past: "бегал", "сделала", "practiced". */
const PAST_VERB = words(
  '\\p{L}{2,}(?:ал|ял|ил|ел|ыл|ул)(?:а|и|ся|ась|ись)?|\\p{L}{3,}ed|did|ran|went|read|done',
);
/** A day already gone: what is said of it was done, not planned. */
const DAY_GONE = words('вчера|позавчера|yesterday|last\\s+night|the\\s+other\\s+day');
/** "10к шагов", "12 тыщ шагов", "10000 steps": a count of walking steps, not a goal's step. */
const COUNTED_STEPS = words(
  '\\d+(?:[.,]\\d+)?\\s*(?:к|k|тыс\\p{L}*|тыщ\\p{L}*|000)?\\.?\\s*(?:шаг(?:ов|а)?|steps)',
);
/** "какой стрик по английскому", "what's my streak": a question, not "веди стрик". */
const STREAK_ASK = words(
  "(?:какой|какая|каков\\p{L}*|мой|моя|мои|покажи|сколько|what(?:['’]s|\\s+is|\\s+are)?|show(?:\\s+me)?|my)\\s+(?:(?:у\\s+меня|сейчас|current|my)\\s+)*(?:стрик\\p{L}*|сери[яюи]|streaks?)",
);
/** "how consistent have i been with guitar", "сколько раз бегал", "статистика по привычкам". */
const HABIT_STATUS = words(
  'сколько\\s+(?:дней|недель)\\s+(?:я\\s+)?(?:уже\\s+)?(?:держусь|продержал\\p{L}*|без|не\\s+\\p{L}+)|how\\s+(?:many\\s+days|long)\\s+(?:have\\s+i\\s+)?(?:been\\s+|gone\\s+)?(?:without|no|off)|how\\s+consistent|consistency|how\\s+(?:many\\s+times|often)\\s+(?:have|did)\\s+i|сколько\\s+раз\\s+(?:я\\s+)?\\p{L}+(?:л|ла|ли|лся|лась)(?![\\p{L}])|статистик\\p{L}*|stats|statistics',
);

/**
 * A practice said with a repetition ("каждое утро зарядка"), a repetition without a clock time
 * of something that is no appointment ("каждое утро заправлять кровать": a calendar event
 * needs a time, a habit does not), or a habit said outright.
 */
export function isHabitLike(text: string): boolean {
  if (has(HABIT_WORD, text)) return true;
  // "sketching tue thu sat": a practice on listed weekdays, without a clock time.
  if (has(WEEKDAY_LIST, text) && has(HABIT_ACTIVITY, text) && !has(EVENT_LIKE, text)) {
    return !mentionsClockTime(text);
  }
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
export function decide(said: Classification, text: string): Decided {
  const activity = has(HABIT_ACTIVITY, text);
  const habitWord = has(HABIT_WORD, text);
  const stepWord = has(STEP, text.replace(COUNTED_STEPS, ' ')) || has(STEP_BY_PLACE, text);
  // "ежедневно 10к шагов": the only "step" is a count of them, so the step rules did not apply.
  const rule: Classification =
    !stepWord && has(COUNTED_STEPS, text) && /^step_/u.test(said.intent)
      ? { intent: 'unknown' }
      : said;
  if ((has(HABIT_STATUS, text) || has(STREAK_ASK, text)) && !has(REPEATS, text)) {
    return { intent: 'habit_list' };
  }
  if (habitWord && !stepWord) {
    // "подведи итоги недели по привычкам": the habits' week, not a new habit.
    if (said.intent === 'week_review') return { intent: 'habit_list' };
    // "хочу не пропускать" is a habit to keep, not a day skipped.
    if (has(CHECK_IN, text.replace(TRACKING, ' '))) return { intent: 'habit_check_in' };
    if (has(LIST_ASK, text) && !saysSchedule(text)) return { intent: 'habit_list' };
    return { intent: 'habit_create' };
  }
  const habitCreate = isHabitLike(text);
  if (
    habitCreate &&
    (rule.intent === 'event_create' ||
      rule.intent === 'maybe_event' ||
      rule.intent === 'goal_create' ||
      (rule.intent === 'step_add' && !stepWord && !has(GOAL_WORD, text)) ||
      rule.intent === 'unknown')
  ) {
    return { intent: 'habit_create' };
  }
  if (rule.intent === 'step_status' && activity && !stepWord && !has(UNDONE_WORDS, text)) {
    return { intent: 'habit_check_in' };
  }
  if (rule.intent !== 'unknown' && rule.intent !== 'maybe_event') return rule;
  // "созвон с мамой", "brunch with lily's parents", "забронируй корт": an appointment whose
  // day and time are asked, not "an event, a goal or a habit?".
  // An errand is never a practice ("зубной у сына" is no brushing, "swim meet" no swim).
  const booked = has(ERRAND, text) || (has(APPOINTMENT, text) && !activity);
  if (rule.intent === 'maybe_event' && booked && !text.includes('?')) {
    return { intent: 'event_create' };
  }

  const guess = classifyIntent(text);
  if (guess.intent === 'unknown' || guess.known < 0.5) return rule;
  // "медитация" alone names a practice but says nothing done: ask what it is.
  if (guess.intent === 'habit_check_in' && !has(CHECK_IN, text) && !has(PAST_VERB, text)) {
    return { intent: 'unknown', choices: ['habit_create', 'event_create', 'goal_create'] };
  }
  // "read the kids a story yesterday": a goal is never set for a day gone (a report, read later).
  if (guess.intent === 'goal_create' && has(DAY_GONE, text)) return rule;
  // "10к шагов есть!": a count of steps walked is no step of a goal (a report, read later).
  if (guess.intent.startsWith('step_') && has(COUNTED_STEPS, text)) return rule;
  // "на курсы записался": something done, not a step to add (a report, read later).
  if (guess.intent === 'step_add' && !stepWord && has(PAST_VERB, text)) return rule;
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
