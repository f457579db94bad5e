import type {
  ItemOption,
  EventCreateIntent,
  EventDeleteIntent,
  EventUpdateIntent,
  ParseContext,
  ParsedIntent,
} from '../intent.types.js';
import { readBareHour } from './clock-readings.js';
import { takeDuration } from './durations.js';
import { WEEKDAY_WORD } from './lexicon.js';
import {
  type Clock,
  isoDate,
  isoTime,
  type LocalDate,
  type LocalTime,
  startOfDate,
  toInstant,
  todayOf,
} from './local-time.js';
import { dayQuestion, questionFor } from './questions.js';
import { type DayRange, dayWithin, takeWeekRange } from './ranges.js';
import { type RecurrenceFound, takeRecurrence, toRRule } from './recurrence-words.js';
import { rewriteSpokenTimes } from './spoken-times.js';
import { ASKING, parseMessageAs } from './offline-engine.js';
import { ALL_DAY_TITLE } from './event-create.js';
import { cleanPhrase } from './titles.js';
import { Scanner, words } from './text.js';
import { correctTypos } from './typos.js';
import { takeZoneWords } from './zone-words.js';
import { hasWhen, placeWeekday, rangeMinutesOf, takeWhen, type WhenFound } from './when.js';

/**
 * Slot filling: the message after a question is read as the answer to what was asked
 * first ("вечера" picks the evening reading, "6pm" fills the time, "на вторник" the day,
 * "с Мариной" narrows the target), before it is read as a request of its own. Pure.
 */

const MORNING = /(?<![\p{L}])(?:утр\p{L}*|ночи|ночью|morning|night|am|a\.m\.?)(?![\p{L}])/iu;
const EVENING =
  /(?<![\p{L}])(?:вечер\p{L}*|дня|днем|днём|evening|afternoon|pm|p\.m\.?)(?![\p{L}])/iu;

export interface AnswerRead {
  intent: ParsedIntent;
  /** Words of the answer that were not about when: a target, or a new request's title. */
  leftover: string;
  /** "thursday 8 am… actually make it 9": a when said, then corrected (no new request). */
  changedMind?: boolean;
}

interface Heard {
  /** The answer as written. */
  said: string;
  when: WhenFound;
  /** "на следующей неделе", "sometime next week": days to pick one from, not a day yet. */
  range?: DayRange;
  /** The timezone the time was said in ("в 9 по мск"), when not the user's. */
  zone?: string;
  meridiem?: 'am' | 'pm';
  /** "the 19th all day": the day is the whole of it, no time to ask. */
  allDay?: boolean;
  /** "в 4, на два часа": how long, said with the time. */
  minutes?: number;
  /** "каждый день в 8": the answer makes it repeat. */
  recurrence?: RecurrenceFound;
  leftover: string;
}

const ALL_DAY_SAID =
  /(?<![\p{L}])(?:(?:на\s+)?(?:весь|целый)\s+день|all[\s-]day(?:\s+long)?|the\s+whole\s+day)(?![\p{L}])/iu;

/** A change of mind inside the answer: "в 10... хотя нет, давай в 11", "oh wait i meant tomorrow". */
const CORRECTED =
  /(?<![\p{L}])(?:хотя\s+нет|а\s+нет|нет,?\s+(?:лучше|давай)|точнее|вернее|i\s+mean[t]?|no\s+wait|actually)(?![\p{L}])/giu;

/** The answer before and after its last correction (all of it `after` without one). */
function splitAtCorrection(text: string): { before: string; after: string } {
  const marks = [...text.matchAll(CORRECTED)];
  const last = marks[marks.length - 1];
  if (!last) return { before: '', after: text };
  const after = text.slice(last.index + last[0].length);
  return after.trim() ? { before: text.slice(0, last.index), after } : { before: '', after: text };
}

/** "thursday not tomorrow", "в четверг, а не завтра": the day turned down is no day said. */
const DAY_TURNED_DOWN = words(
  `,?\\s*(?:а\\s+)?(?:не|not)\\s+(?:(?:в|во|on)\\s+)?(?:сегодня|завтра|послезавтра|today|tomorrow|${WEEKDAY_WORD})`,
);

/** "… actually make it 9": after a correction, a number alone is the hour. */
const LONE_HOUR = /^\s*(?:make\s+it|let['’]s\s+say|давай|лучше)?\s*(\d{1,2})\s*[.!]?\s*$/iu;

/** "make it 5" after a correction word: the hour said alone, as "at 5". */
export const asCorrectedHour = (text: string): string => text.replace(LONE_HOUR, 'at $1');

const DAY_FIELDS = ['date', 'weekday', 'rangeEnd', 'instant', 'tonight', 'today'] as const;
const TIME_FIELDS = ['time', 'end', 'partOfDay', 'later', 'bare'] as const;

/**
 * What was said last, with what the correction left out taken from before it: "thursday 8 am…
 * actually make it 9" keeps Thursday, "в 10 завтра… хотя нет, в среду" keeps the 10.
 */
function heardLast(text: string, clock: Clock): Heard {
  const { before, after } = splitAtCorrection(text);
  if (!before.trim()) return hearPart(after, clock);
  const last = hearPart(after.replace(LONE_HOUR, 'at $1'), clock);
  const first = hearPart(before, clock).when;
  const when = { ...last.when };
  const kept = (fields: readonly (keyof WhenFound)[]) =>
    !fields.some((field) => last.when[field] !== undefined);
  for (const fields of [DAY_FIELDS, TIME_FIELDS]) {
    if (!kept(fields)) continue;
    for (const field of fields)
      if (first[field] !== undefined) Object.assign(when, { [field]: first[field] });
  }
  return { ...last, when };
}

function hear(answer: string, clock: Clock): Heard {
  return { ...heardLast(answer, clock), said: answer };
}

function hearPart(answer: string, clock: Clock): Heard {
  const said = rewriteSpokenTimes(correctTypos(answer)).replace(DAY_TURNED_DOWN, ' ');
  const zoned = takeZoneWords(said);
  const allDay = ALL_DAY_SAID.test(zoned.text);
  const text = zoned.text.replace(ALL_DAY_SAID, ' ');
  const meridiem = MORNING.test(text) ? 'am' : EVENING.test(text) ? 'pm' : undefined;
  const scanner = new Scanner(text);
  const recurrence = takeRecurrence(scanner);
  const minutes = takeDuration(scanner).minutes;
  const range = takeWeekRange(scanner, clock);
  const when = takeWhen(scanner, clock);
  const leftover = cleanPhrase(
    scanner
      .rest()
      .replace(MORNING, ' ')
      .replace(EVENING, ' ')
      .replace(
        /(?<![\p{L}])(?:ну|тогда|давай|лучше|one|then|make\s+it|let['’]s\s+say|(?:в\s+)?(?:тот|этот)\s+же\s+день|(?:on\s+)?the\s+same\s+day)(?![\p{L}])/giu,
        ' ',
      )
      .replace(/\s+/g, ' '),
  );
  return {
    said: answer,
    when,
    ...(range ? { range } : {}),
    ...(zoned.zone ? { zone: zoned.zone } : {}),
    ...(meridiem ? { meridiem } : {}),
    ...(allDay ? { allDay } : {}),
    ...(minutes ? { minutes } : {}),
    ...(recurrence ? { recurrence } : {}),
    leftover,
  };
}

/** "с директором": the preposition the answer said before the words (cleaning took it). */
function withPreposition(words: string, said: string): string {
  const first = words.split(' ')[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const before = new RegExp(`(?<![\\p{L}])(с|со|у|для|with|for)\\s+${first}`, 'iu').exec(said);
  return before ? `${before[1]!.toLowerCase()} ${words}` : words;
}

/** The clock time of the answer, with its morning or evening word applied. */
function timeHeard(heard: Heard, title: string): LocalTime | undefined {
  const time = heard.when.time;
  if (!time) return undefined;
  if (!heard.when.bare) return time;
  const said = time.hour > 12 ? time.hour - 12 : time.hour;
  if (heard.meridiem === 'am') return { hour: said === 12 ? 0 : said, minute: time.minute };
  if (heard.meridiem === 'pm') return { hour: said === 12 ? 12 : said + 12, minute: time.minute };
  const reading = readBareHour(heard.when, title);
  return reading && 'time' in reading ? reading.time : time;
}

function dayOf(instant: Date, clock: Clock): LocalDate {
  return todayOf({ now: instant, zone: clock.zone });
}

function dateHeard(heard: Heard, clock: Clock, time?: LocalTime): LocalDate | undefined {
  if (heard.when.date) return heard.when.date;
  if (heard.when.weekday) return placeWeekday(heard.when.weekday, clock, time).date;
  if (heard.when.tonight) return todayOf(clock);
  return undefined;
}

const parseDate = (iso: string): LocalDate => {
  const [year, month, day] = iso.split('-').map(Number);
  return { year: year!, month: month!, day: day! };
};

/** The answer to a question about an event to create, or undefined when it is none. */
function answerEventCreate(
  pending: EventCreateIntent,
  said: Heard,
  clock: Clock,
): EventCreateIntent | undefined {
  let heard = said;
  const [slot, ...rest] = pending.missing;
  const title = pending.title ?? '';
  // "поставь встречу" + "с директором послезавтра в 16:30": the answer says whose meeting.
  const fuller =
    title && !title.includes(' ') && heard.leftover
      ? `${title} ${withPreposition(heard.leftover, heard.said)}`
      : title;
  const done = (start: Date): EventCreateIntent => {
    const answered: EventCreateIntent = { ...pending, start, missing: rest };
    if (fuller) answered.title = fuller;
    // "завтра с 19 до 20:30": the range says how long.
    const minutes = heard.minutes ?? rangeMinutesOf(heard.when);
    if (minutes) answered.durationMinutes = minutes;
    if (heard.recurrence && !pending.recurrence) answered.recurrence = toRRule(heard.recurrence);
    delete answered.alternativeStart;
    delete answered.within;
    delete answered.date;
    delete answered.question;
    return answered;
  };
  const pendingDay = pending.start
    ? dayOf(pending.start, clock)
    : pending.date
      ? parseDate(pending.date)
      : undefined;
  const time = timeHeard(heard, title);
  // "на следующей неделе" + "wed": that week's Wednesday.
  const inRange =
    pending.within &&
    heard.when.weekday &&
    dayWithin(rangeOf(pending.within), heard.when.weekday.weekday);
  if (inRange) heard = { ...heard, when: { ...heard.when, date: inRange } };
  // Only the period ("sometime next week"): "что у меня на следующей неделе" asks instead.
  const onlyPeriod =
    heard.range &&
    !heard.leftover &&
    !ASKING.test(heard.said) &&
    !heard.when.weekday &&
    !heard.when.date;
  const narrowed = onlyPeriod && narrow(pending, heard.range!);
  if (narrowed) return narrowed;
  if (slot === 'meridiem' && pending.start) {
    if (time)
      return done(toInstant(dateHeard(heard, clock, time) ?? pendingDay!, time, clock.zone));
    if (heard.meridiem === 'am') return done(pending.start);
    if (heard.meridiem === 'pm' && pending.alternativeStart) return done(pending.alternativeStart);
    return undefined;
  }
  if (slot === 'time' || slot === 'past' || slot === 'start' || slot === 'date') {
    const heardDay = dateHeard(heard, clock, time);
    const day = heardDay ?? (slot === 'date' ? undefined : pendingDay);
    // "в 9 по мск": the time is that zone's, on the day meant.
    const zone = heard.zone ?? clock.zone;
    if (time && day) return done(toInstant(day, time, zone));
    if (time && !day) {
      const today = todayOf(clock);
      const instant = toInstant(today, time, zone);
      return done(instant > clock.now ? instant : toInstant(placeTomorrow(today), time, zone));
    }
    if (slot === 'past' && heard.meridiem === 'pm' && pending.start) {
      const start = new Date(pending.start.getTime() + 12 * 3_600_000);
      if (dayOf(pending.start, clock).day === dayOf(start, clock).day) return done(start);
    }
    if (heardDay && !time && (heard.allDay || ALL_DAY_TITLE.test(title.toLowerCase()))) {
      // "др у коллеги" + "в этот чт": a birthday needs a day, not a time.
      return { ...done(startOfDate(heardDay, clock.zone)), allDay: true, durationMinutes: 1440 };
    }
    if (heardDay) {
      const day = heardDay;
      // A date that did not exist, or a passed time moved to another day: the time said stays.
      if (pending.start && (slot === 'date' || slot === 'past')) {
        return done(toInstant(day, localTimeOf(pending.start, clock), clock.zone));
      }
      const answered: EventCreateIntent = { ...pending, date: isoDate(day), missing: ['time'] };
      delete answered.start;
      delete answered.within;
      answered.question = questionFor('event_create', 'time', pending.language);
      return answered;
    }
  }
  return undefined;
}

/**
 * "на следующей неделе" as the answer to "when?": still no day, so the range is kept and the
 * day asked again (the answer's weekday is then placed in it); a time said stays.
 */
function narrow(pending: EventCreateIntent, range: DayRange): EventCreateIntent | undefined {
  if (pending.missing[0] !== 'start' && pending.missing[0] !== 'date') return undefined;
  const asked: EventCreateIntent = {
    ...pending,
    within: { first: isoDate(range.first), last: isoDate(range.last) },
    missing: ['date'],
    question: dayQuestion(pending.language),
  };
  delete asked.start;
  delete asked.date;
  return asked;
}

/** A range kept in a pending question (ISO dates) as days. */
const rangeOf = (within: { first: string; last: string }) => ({
  first: parseDate(within.first),
  last: parseDate(within.last),
});

const placeTomorrow = (today: LocalDate): LocalDate => {
  const date = new Date(Date.UTC(today.year, today.month - 1, today.day + 1));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
};

function localTimeOf(instant: Date, clock: Clock): LocalTime {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: clock.zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { hour: value('hour'), minute: value('minute') };
}

/** "перенеси встречу" + "с Артемом на четверг в 15": the target narrowed, the change filled. */
function answerEventChange<T extends EventUpdateIntent | EventDeleteIntent>(
  pending: T,
  said: Heard,
  clock: Clock,
): T | undefined {
  let heard = said;
  const target = { ...pending.target };
  if (heard.leftover) {
    target.text = [target.text, heard.leftover].filter(Boolean).join(' ');
  }
  const answered = { ...pending, target } as T;
  delete answered.question;
  const missing = pending.missing.filter((slot) => !(slot === 'target' && heard.leftover));
  if (pending.intent === 'event_update' && hasWhen(heard.when)) {
    const update = answered as EventUpdateIntent;
    const inRange =
      update.within &&
      heard.when.weekday &&
      dayWithin(rangeOf(update.within), heard.when.weekday.weekday);
    if (inRange) heard = { ...heard, when: { ...heard.when, date: inRange } };
    delete update.within;
    const time = timeHeard(heard, target.text ?? '');
    const day = dateHeard(heard, clock, time);
    if (day && time) update.newStart = toInstant(day, time, clock.zone);
    else if (day) update.newDate = isoDate(day);
    else if (time) update.newTime = isoTime(time);
    answered.missing = missing.filter((slot) => slot !== 'change' && slot !== 'weekday');
    return answered;
  }
  if (missing.length === pending.missing.length) {
    // "по химии" to "which day?": the event narrowed, the question still stands.
    if (!heard.leftover || !pending.target.text || !NARROWING.test(heard.said)) return undefined;
    answered.missing = pending.missing;
    if (pending.question) answered.question = pending.question;
    return answered;
  }
  answered.missing = missing;
  return answered;
}

/** "с дизайнером", "по химии", "with the accountant": words that narrow the event named. */
const NARROWING = /^\s*(?:с|со|по|про|для|with|about|for\s+the)\s/iu;

/**
 * Reads `answer` as the answer to `pending`'s first missing slot; undefined when it does
 * not answer it (then the message is a request of its own, or the question stands).
 */
export function readAnswer(
  pending: ParsedIntent,
  answer: string,
  context: ParseContext,
): AnswerRead | undefined {
  const clock: Clock = { now: context.now, zone: context.timezone };
  if (pending.options?.length) {
    const picked = pickOption(pending.options, answer);
    if (!picked) {
      // Not one of the buttons: the answer's words name the item ("про квартиру").
      const named = renamed(pending, answer, context);
      return named && { intent: named, leftover: '' };
    }
    const intent = { ...pending, pickedId: picked.id, missing: [] } as ParsedIntent;
    if (intent.intent === 'habit_check_in') {
      // "guitar, for yesterday": the pick, and the day said with it.
      const said = parseMessageAs(answer, context, 'habit_check_in');
      if (said.intent === 'habit_check_in' && said.date) intent.date = said.date;
    }
    if (intent.intent === 'step_add' && !intent.title) {
      // "to the 10k goal: buy a foam roller": the goal picked, and the step said with it.
      const said = parseMessageAs(answer, context, 'step_add');
      if (said.intent === 'step_add' && said.goalTarget && said.title) intent.title = said.title;
    }
    if (intent.intent === 'event_update' && pending.missing.includes('change')) {
      return { intent: withChangeSaid(intent, answer, context), leftover: '' };
    }
    delete intent.options;
    delete intent.question;
    return { intent, leftover: '' };
  }
  const heard = hear(answer, clock);
  let intent: ParsedIntent | undefined;
  if (pending.intent === 'event_create') intent = answerEventCreate(pending, heard, clock);
  else if (pending.intent === 'event_update' || pending.intent === 'event_delete') {
    const named = oneNamed(pending, answer, context);
    intent = named
      ? answerEventChange(
          named,
          hear(answer.replace(ONE_NAMED, ' ').replace(STARTS, ' '), clock),
          clock,
        )
      : answerEventChange(pending, heard, clock);
  }
  if (!intent) return undefined;
  const { before } = splitAtCorrection(answer);
  const changedMind = Boolean(before.trim()) && hasWhen(hearPart(before, clock).when);
  return { intent, leftover: heard.leftover, ...(changedMind ? { changedMind } : {}) };
}

/** What an answer may change of an event besides naming it. */
const CHANGES = [
  'newStart',
  'newDate',
  'newTime',
  'newTimeBare',
  'newDurationMinutes',
  'shiftMinutes',
  'durationDeltaMinutes',
  'newEndTime',
  'newTitle',
] as const;

/** "the saturday one", "тот, что в среду": words that pick the event, no new day or time. */
const ONE_NAMED =
  /(?<![\p{L}])(?:(?:the\s+)?[\p{L}\d:'’]+\s+one|(?:тот|та|то|котор\p{L}+),?\s+(?:что\s+)?(?:в|во|на)\s+[\p{L}\d:.]+)(?![\p{L}])/giu;

/** "start at 8 instead", "пусть начнётся в 9": words of the change, no name of the event. */
const STARTS =
  /(?<![\p{L}])(?:starts?|starting|begins?|instead|начало|начн\p{L}*|начина\p{L}*|вместо\s+этого)(?![\p{L}])/giu;

/** "the saturday one, at 8": the pending change with the event's day or time it names. */
function oneNamed<T extends EventUpdateIntent | EventDeleteIntent>(
  pending: T,
  answer: string,
  context: ParseContext,
): T | undefined {
  const phrase = answer.match(ONE_NAMED)?.[0];
  if (!phrase) return undefined;
  const said = parseMessageAs(phrase, context, 'event_delete');
  if (said.intent !== 'event_delete' || (!said.target.date && !said.target.time)) return undefined;
  const { date, time } = said.target;
  return {
    ...pending,
    target: { ...pending.target, ...(date ? { date } : {}), ...(time ? { time } : {}) },
  };
}

/**
 * "move my shift" + "the saturday one, start at 8 instead": the event picked, and the change
 * said with it; without one the change is still asked.
 */
function withChangeSaid(
  picked: EventUpdateIntent,
  answer: string,
  context: ParseContext,
): EventUpdateIntent {
  const said = parseMessageAs(answer.replace(ONE_NAMED, ' '), context, 'event_update');
  const intent: EventUpdateIntent = { ...picked };
  delete intent.options;
  delete intent.question;
  if (said.intent !== 'event_update') return intent;
  for (const key of CHANGES)
    if (said[key] !== undefined) Object.assign(intent, { [key]: said[key] });
  if (CHANGES.some((key) => intent[key] !== undefined)) return intent;
  intent.missing = ['change'];
  intent.question = questionFor('event_update', 'change', picked.language);
  return intent;
}

/** Words around a name in an answer: "про квартиру", "из книги", "для немецкого", "the …". */
const NAME_NOISE =
  /(?<![\p{L}])(?:про|из|в|во|для|к|ко|от|about|from|in|for|to|the|my|one|цель|цели|шаг|goal|step|привычк\p{L}*|habit)(?![\p{L}])/giu;

/** "про 20 откликов который", "the one with the tutor": words pointing at the item. */
const RELATIVE =
  /(?<![\p{L}])(?:котор\p{L}*|где|that\s+one|the\s+one(?:\s+(?:with|about))?|which|with)(?![\p{L}])/giu;

/**
 * The pending request with the item named by the answer's words instead of a button: the
 * executor looks them up (several close ones are asked again); undefined for a request that
 * names nothing.
 */
function renamed(
  pending: ParsedIntent,
  answer: string,
  context: ParseContext,
): ParsedIntent | undefined {
  const base = { ...pending, missing: [] } as ParsedIntent;
  delete base.options;
  delete base.question;
  delete base.pickedId;
  if (base.intent === 'habit_check_in') {
    // "бег, в пятницу", "guitar, for yesterday": the habit, and maybe the day.
    const said = parseMessageAs(answer, context, 'habit_check_in');
    if (said.intent !== 'habit_check_in' || !said.target) return undefined;
    return { ...base, target: said.target, ...(said.date ? { date: said.date } : {}) };
  }
  const words = cleanPhrase(
    answer.replace(NAME_NOISE, ' ').replace(RELATIVE, ' ').replace(/\s+/g, ' '),
  );
  if (!words) return undefined;
  switch (base.intent) {
    case 'goal_delete':
    case 'goal_progress':
    case 'step_status':
    case 'step_delete':
      return { ...base, target: words };
    case 'step_add': {
      // "to the 10k goal: buy a foam roller": the goal, and maybe the step too.
      const said = parseMessageAs(answer, context, 'step_add');
      if (said.intent === 'step_add' && said.goalTarget && said.title && !base.title) {
        return { ...base, goalTarget: said.goalTarget, title: said.title };
      }
      return { ...base, goalTarget: words };
    }
    case 'event_update':
    case 'event_delete': {
      // "которая в среду в три", "the one on friday": the day and time name the event too.
      const said = parseMessageAs(answer, context, 'event_delete');
      const when = said.intent === 'event_delete' ? said.target : {};
      if (!when.date && !when.time) return { ...base, target: { ...base.target, text: words } };
      return { ...base, target: { ...base.target, ...when, text: when.text ?? base.target.text } };
    }
    default:
      return undefined;
  }
}

const ORDINALS: [RegExp, number][] = [
  [/^(?:1|перв\p{L}*|first|1st)$/iu, 0],
  [/^(?:2|втор\p{L}*|second|2nd)$/iu, 1],
  [/^(?:3|треть\p{L}*|трет\p{L}*|third|3rd)$/iu, 2],
  [/^(?:4|четв[её]рт\p{L}*|fourth|4th)$/iu, 3],
];

const stemsOf = (text: string) =>
  text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 3)
    .map((word) => word.slice(0, Math.max(3, word.length - 2)));

/**
 * The option an answer picks: its button's label exactly (the button carries it), its
 * number or ordinal ("второй", "the second one"), or words only one option's label has.
 */
export function pickOption<T extends ItemOption>(options: T[], answer: string): T | undefined {
  const said = answer.trim().toLowerCase();
  const exact = options.find((option) => option.label.toLowerCase() === said);
  if (exact) return exact;
  const ordinal = said
    .replace(/(?<![\p{L}])(?:the|one|вариант|номер|который|которая)(?![\p{L}])/giu, '')
    .trim();
  for (const [pattern, index] of ORDINALS) if (pattern.test(ordinal)) return options[index];
  const last = /^(?:последн\p{L}*|last)$/iu.test(ordinal) ? options[options.length - 1] : undefined;
  if (last) return last;
  // "про 20 откликов который": "про" is no stem of «Продать…».
  const wanted = stemsOf(answer.replace(NAME_NOISE, ' ').replace(RELATIVE, ' '));
  if (wanted.length === 0) return undefined;
  const fitting = options.filter((option) => {
    const label = stemsOf(option.label);
    return wanted.some((stem) =>
      label.some((word) => word.startsWith(stem) || stem.startsWith(word)),
    );
  });
  return fitting.length === 1 ? fitting[0] : undefined;
}
