import type {
  AssistantLanguage,
  HabitCheckInIntent,
  HabitCreateIntent,
  HabitListIntent,
  HabitScheduleSaid,
} from '../intent.types.js';
import { WEEKDAY, WEEKDAY_WORD, weekdayOf } from './lexicon.js';
import {
  type Clock,
  addDays,
  isoDate,
  isoTime,
  type LocalTime,
  todayOf,
  weekdayOfDate,
} from './local-time.js';
import { takeDuration } from './durations.js';
import { readNumber, NUMBER } from './numbers.js';
import { questionFor } from './questions.js';
import { type RecurrenceFound, takeRecurrence } from './recurrence-words.js';
import { type Scanner, words } from './text.js';
import { takeTimeOfDay } from './time-of-day.js';
import { takeFillers, targetFrom, titleFrom } from './titles.js';

/**
 * Habits in words: "каждое утро зарядка 10 минут", "хочу читать 20 страниц в день", "по
 * будням в 7 медитация" (a habit to create), "сделал зарядку", "отметь чтение за вчера"
 * (a check-in), "как у меня с привычками?" (the list).
 */

/** Things people keep doing: a repetition of one of these is a habit, not a calendar event. */
export const HABIT_ACTIVITY = words(
  'зарядк\\p{L}*|гимнастик\\p{L}*|gymnastics|медитац\\p{L}*|медитир\\p{L}*|чтени\\p{L}*|читать|читаю|пробежк\\p{L}*|бегать|бег|йог\\p{L}*|растяжк\\p{L}*|отжиман\\p{L}*|приседан\\p{L}*|планк\\p{L}*|пресс|дневник\\p{L}*|прогулк\\p{L}*|гулять|пить\\s+вод\\p{L}*|вод[уыа]|витамин\\p{L}*|зуб\\p{L}*|слов\\p{L}*|учить|английск\\p{L}*|дуолинго|спорт\\p{L}*|тренир\\p{L}*|workout|exercis\\p{L}*|meditat\\p{L}*|read(?:ing)?|run(?:ning)?|jog(?:ging)?|yoga|stretch\\p{L}*|push-?ups|squats|plank|journal(?:ing)?|walk(?:ing)?|water|vitamins?|floss(?:ing)?|duolingo|words|practice|gym|pages?|страниц\\p{L}*|шаг(?:ов)?|steps|сахар\\p{L}*|sugar|курить|smoking|душ|contrast\\s+shower|cold\\s+(?:plunge|shower)|plunge|уборк\\p{L}*|убират\\p{L}*|прибрат\\p{L}*|tidy\\p{L}*|clean(?:ing)?|кроват\\p{L}*|bed|рисова\\p{L}*|рисую|скетч\\p{L}*|sketch\\p{L}*|draw(?:ing)?|гитар\\p{L}*|guitar|пианино|piano|музык\\p{L}*|instrument|испанск\\p{L}*|немецк\\p{L}*|французск\\p{L}*|китайск\\p{L}*|spanish|german|french|язык\\p{L}*|language|вокал\\p{L}*|распевк\\p{L}*|молитв\\p{L}*|pray\\p{L}*|благодарност\\p{L}*|gratitude|skincare|уход\\s+за\\s+кож\\p{L}*|массаж\\p{L}*|велосипед\\p{L}*|bike|cycling|плава\\p{L}*|swim(?:ming)?|пресс\\p{L}*|abs|подтягиван\\p{L}*|pull-?ups|сон|sleep|лечь\\s+до|bedtime|no\\s+phone|без\\s+телефона|соцсет\\p{L}*|social\\s+media|кофе|coffee|алкогол\\p{L}*|alcohol|sweets|сладк\\p{L}*',
);
/** "хочу отслеживать", "веди стрик", "track it": a practice to keep count of is a habit. */
const TRACKING_WORDS =
  "отслежива\\p{L}*|отслеживай|трекать|трекай|трекаю|стрик\\p{L}*|streaks?|track(?:ing)?\\s+(?:it|this|that|my)|keep\\s+track|(?:хочу|чтобы|буду|стараюсь|постараюсь)\\s+не\\s+пропуска\\p{L}*(?:\\s+ни\\s+дня)?|never\\s+miss(?:\\s+a\\s+day)?|(?:don['’]t|do\\s+not)\\s+want\\s+to\\s+miss\\s+a\\s+day";
/** The tracking words with what is said around them, taken out of a habit's title. */
export const TRACKING = words(
  `(?:(?:я\\s+)?хочу\\s+|буду\\s+|веди\\s+|вести\\s+|i\\s+want\\s+to\\s+|(?:build|keep|start)\\s+(?:a\\s+|the\\s+|my\\s+)?|(?:and\\s+)?)?(?:${TRACKING_WORDS})(?:\\s+(?:это|его|её|ее|the\\s+streak))?`,
);
/** Said outright: "привычка", "habit". */
export const HABIT_WORD = words(`привычк\\p{L}*|привычек|habits?|${TRACKING_WORDS}`);
/** "20 страниц в день", "a day", "per day", "3 раза в неделю". */
const PER_DAY = words('в\\s+день|(?:a|per)\\s+day|ежедневно|daily');
export const TIMES_PER = words(
  `(?:(${NUMBER})\\s*(?:раз[а]?|р\\.?|times?|x|х)|(twice|дважды|thrice|трижды|once))\\s*(?:в|a|per|/)\\s*(недел\\p{L}*|нед\\.?|месяц|мес\\.?|week|wk|month)`,
);
/** "twice a week": the count said as a word. */
const COUNT_WORDS: Record<string, number> = { once: 1, twice: 2, дважды: 2, thrice: 3, трижды: 3 };
/** "через день планка", "every other day": every second day. */
const EVERY_OTHER_DAY = words('через\\s+день|every\\s+other\\s+day|every\\s+second\\s+day');
/** "sketching tue thu sat", "по пн и ср": two or more weekdays said as a list. */
export const WEEKDAY_LIST = words(
  `(?:по\\s+|on\\s+)?${WEEKDAY_WORD}(?:\\s*(?:,|и|and|&|/)?\\s*${WEEKDAY_WORD})+`,
);
/** "на 21 день", "for 30 days" */
const TARGET_DAYS = words(`(?:на|for|в\\s+течение)\\s+(${NUMBER})\\s+(?:дн(?:ей|я)|день|days)`);

const CREATE_FILLERS = [
  '(?:я\\s+)?(?:хочу|хотел[аи]?\\s+бы|буду|начну|планирую|собираюсь)(?:\\s+(?:завести|начать|приучить\\s+себя|каждый\\s+день))?',
  "i\\s+(?:want|would\\s+like|wanna|will|'ll)(?:\\s+to)?|i['’]d\\s+like\\s+to|start(?:\\s+a\\s+habit\\s+of)?|track|add|create|new",
  // "хочу вести как привычку", "keep it as a habit"
  '(?:(?:хочу|буду)\\s+)?(?:вести|записать|добавить)\\s+(?:это\\s+)?как(?=\\s+привычк)|(?:as|like)(?=\\s+(?:a\\s+)?habit)',
  '(?:нов(?:ая|ую)\\s+)?привычк\\p{L}*|(?:a\\s+|new\\s+)?habits?(?:\\s+of|\\s+to)?',
  'добав\\p{L}*|созда\\p{L}*|заведи|завести',
  // "track it, like 3 times a week": "like" was said of the count, taken before.
  '(?:like|about|around|примерно|где-?то)(?=[\\s,.!]*$)',
];

function scheduleOf(found: RecurrenceFound | undefined): HabitScheduleSaid {
  if (!found) return { kind: 'daily' };
  if (found.freq === 'DAILY') {
    return found.interval && found.interval > 1
      ? { kind: 'every_n_days', count: found.interval }
      : { kind: 'daily' };
  }
  if (found.freq === 'WEEKLY' && found.byDay?.length) {
    return found.byDay.length === 7
      ? { kind: 'daily' }
      : { kind: 'weekdays', weekdays: [...found.byDay].sort((a, b) => a - b) };
  }
  if (found.freq === 'WEEKLY') return { kind: 'times_per_week', count: 1 };
  if (found.freq === 'MONTHLY') return { kind: 'times_per_month', count: 1 };
  return { kind: 'daily' };
}

/** A time of the day from a part of it said with a repetition ("каждое утро"). */
const PART_TIMES: Record<string, LocalTime> = {
  morning: { hour: 8, minute: 0 },
  evening: { hour: 20, minute: 0 },
};

/** The weekdays of a list ("tue thu sat"), taken out; undefined without one. */
function weekdayList(scanner: Scanner): number[] | undefined {
  const match = scanner.take(WEEKDAY_LIST);
  if (!match) return undefined;
  const days = [...match[0].matchAll(new RegExp(WEEKDAY, 'giu'))]
    .map((day) => weekdayOf(day[1] ?? ''))
    .filter((day): day is number => day !== undefined);
  return [...new Set(days)].sort((a, b) => a - b);
}

export function buildHabitCreate(scanner: Scanner, language: AssistantLanguage): HabitCreateIntent {
  const times = scanner.take(TIMES_PER);
  const everyOther = !times && scanner.take(EVERY_OTHER_DAY);
  const listed = times || everyOther ? undefined : weekdayList(scanner);
  const recurrence = times || everyOther || listed ? undefined : takeRecurrence(scanner);
  const timeFound = takeTimeOfDay(scanner);
  // "tidy the kitchen for 10 min": how long each time is not part of the habit's name.
  takeDuration(scanner);
  scanner.takeAll(PER_DAY);
  const target = scanner.take(TARGET_DAYS);
  scanner.takeAll(TRACKING);
  takeFillers(scanner, CREATE_FILLERS);
  const title = titleFrom(scanner);

  let schedule = scheduleOf(recurrence);
  if (everyOther) schedule = { kind: 'every_n_days', count: 2 };
  if (listed) schedule = { kind: 'weekdays', weekdays: listed };
  if (times) {
    const said = times[1] ? readNumber(times[1]) : COUNT_WORDS[times[2]?.toLowerCase() ?? ''];
    const count = Math.round(said ?? 1);
    const monthly = /^(?:месяц|мес|month)/iu.test(times[3] ?? '');
    schedule = monthly
      ? { kind: 'times_per_month', count: Math.min(Math.max(count, 1), 31) }
      : count >= 7
        ? { kind: 'daily' }
        : { kind: 'times_per_week', count: Math.max(count, 1) };
  }
  const intent: HabitCreateIntent = { intent: 'habit_create', language, schedule, missing: [] };
  if (title) intent.title = title;
  const time =
    timeFound.time ??
    (recurrence?.partOfDay ? PART_TIMES[recurrence.partOfDay] : undefined) ??
    (timeFound.partOfDay ? PART_TIMES[timeFound.partOfDay] : undefined);
  if (time) intent.reminderTime = isoTime(time);
  const days = target ? readNumber(target[1]) : undefined;
  if (days && Number.isInteger(days) && days > 0) intent.target = days;
  if (!title) {
    intent.missing = ['title'];
    intent.question = language === 'ru' ? 'Какую привычку завести?' : 'Which habit?';
  }
  return intent;
}

/** "вчера", "for yesterday", "last night" (a check-in's day, said of the evening before). */
const YESTERDAY = words(
  "(?:за\\s+)?вчера(?:шн\\p{L}*)?|(?:for\\s+)?yesterday(?:['’]s)?|last\\s+night",
);
const TODAY = words("(?:за\\s+)?сегодня(?:шн\\p{L}*)?|(?:for\\s+)?today(?:['’]s)?");
/** "в пятницу бегал", "log guitar for saturday": a check-in's day is the latest such day. */
const PAST_WEEKDAY = words(`(?:(?:в|во|за|on|for|last)\\s+)?${WEEKDAY}`);
const SKIPPED = words('пропус\\p{L}*|пропущ\\p{L}*|skip(?:ped|ping)?|не\\s+(?:сделал\\p{L}*|буду)');
const CHECK_IN_FILLERS = [
  '(?:постав\\p{L}*|ставь)\\s+(?:мне\\s+)?(?:галочк\\p{L}*|галк\\p{L}*|отметк\\p{L}*)(?:\\s+(?:в|по|для))?|tick|отметь|отметить|отмечаю|mark(?:ed)?|check(?:ed)?\\s*-?\\s*in|(?:check|tick)(?:ed)?\\s+off|log(?:ged)?|чекин',
  'сделал\\p{L}*|выполнил\\p{L}*|сделан\\p{L}*|готов[оа]?|есть|done|did|finished|completed?|had',
  'привычк\\p{L}*|привычек|habits?|(?:как|as)\\s+(?:сделан\\p{L}*|выполнен\\p{L}*|done)',
  "я|мою|мой|мое|моё|свою|свой|my|i|i['’]ve|with|w|today|сегодня|уже|already|also|тоже|just|только\\s+что",
  // "done w one of my habits": which one is not said yet.
  'one\\s+of(?:\\s+my)?|одн\\p{L}+\\s+из(?:\\s+мо\\p{L}*)?|плиз|pls|please|пожалуйста',
];

/** "сделал зарядку", "отметь чтение за вчера", "skip yoga today". */
export function buildHabitCheckIn(
  scanner: Scanner,
  clock: Clock,
  language: AssistantLanguage,
): HabitCheckInIntent {
  const yesterday = scanner.take(YESTERDAY);
  scanner.take(TODAY);
  const weekday = scanner.take(PAST_WEEKDAY);
  const skipped = scanner.take(SKIPPED);
  takeFillers(scanner, CHECK_IN_FILLERS);
  const target = targetFrom(scanner, { accusative: true });
  const intent: HabitCheckInIntent = {
    intent: 'habit_check_in',
    language,
    status: skipped ? 'skipped' : 'done',
    missing: [],
  };
  if (yesterday) intent.date = isoDate(addDays(todayOf(clock), -1));
  const day = weekday?.[1] ? weekdayOf(weekday[1]) : undefined;
  if (day && !yesterday) {
    const today = todayOf(clock);
    intent.date = isoDate(addDays(today, -((weekdayOfDate(today) - day + 7) % 7)));
  }
  if (target) intent.target = target;
  else {
    intent.missing = ['target'];
    intent.question = questionFor('habit_check_in', 'target', language);
  }
  return intent;
}

export function buildHabitList(language: AssistantLanguage): HabitListIntent {
  return { intent: 'habit_list', language, missing: [] };
}
