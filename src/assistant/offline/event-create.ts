import type { AssistantLanguage, EventCreateIntent, MissingSlot } from '../intent.types.js';
import { takeDuration } from './durations.js';
import { firstOccurrence } from './first-occurrence.js';
import {
  addDays,
  type Clock,
  isoDate,
  type LocalDate,
  nowIn,
  type LocalTime,
  startOfDate,
  toInstant,
  todayOf,
  weekdayOfDate,
} from './local-time.js';
import { SAME_TIME_FROM_NOW } from './phrasings.js';
import { dayQuestion, questionFor, weekdayQuestion } from './questions.js';
import { dayWithin, takeWeekRange } from './ranges.js';
import { type RecurrenceFound, takeRecurrence, toRRule } from './recurrence-words.js';
import { type Scanner, startsWith, words } from './text.js';
import { takeReminder } from './reminders.js';
import { takeFillers, titleFrom } from './titles.js';
import { onlyWeekdaysLeft, readBareHour, withoutDateLeftovers } from './clock-readings.js';
import { rangeMinutesOf, resolveWhen, takeWhen, timeOfWhen, type WhenFound } from './when.js';

const DAY_MINUTES = 24 * 60;
const DEFAULT_MINUTES = 60;

/** Words that ask for an event rather than name it; a following noun is in the accusative. */
const ACCUSATIVE_FILLERS = [
  'напомни(?:те)?(?:\\s+мне)?(?:\\s+пожалуйста)?\\s+про',
  // "мне надо чтобы ты записал встречу": the request said as a wish
  '(?:чтобы|чтоб)\\s+ты\\s+(?:записал|запланировал|добавил|поставил|внес|вн[её]с)(?:\\s+мне)?',
  '(?:запланируй|запланировать|добавь|добавить|создай|создать|назначь|назначить|поставь|поставить|запиши|записать|внеси)(?:\\s+мне)?(?:\\s+(?:в\\s+календарь|в\\s+расписание))?(?:\\s+(?:событие|напоминание|мероприятие))?',
];
const EVENT_NOUN =
  '(?:\\s+(?:new\\s+)?(?:event|reminder))?(?:\\s+(?:in|to|on)\\s+(?:my\\s+)?calendar)?';
/** English request verbs that open the message. */
const REQUEST = startsWith(
  `(?:please\\s+)?(?:schedule|add|set\\s+up|create)(?:\\s+(?:an?|the|my))?${EVENT_NOUN}`,
);
/** Verbs that may also start a title ("every Sunday plan the week"): only as the first words. */
const FIRST_WORDS = startsWith(
  `(?:please\\s+)?(?:(?:book|put|arrange)\\s+(?:an?|the|my)${EVENT_NOUN}|put\\s+(?:down|in)(?:\\s+that)?)`,
);
/** Words of speech, not of the event: "кароч", "слушай", "hey so can you add um …". */
const SPEECH = [
  '^\\s*(?:кароч\\p{L}*|короче|слушай|слышь|так|ну|hey|so|ok(?:ay)?)(?:\\s*,)?(?:\\s+(?:so|then))?',
  '(?<![\\p{L}])(?:эм+|э+м|um+|uh+|erm)(?![\\p{L}])',
  'can\\s+you|could\\s+you|would\\s+you|можешь|можете',
  // hedges of speech: "там часа на полтора наверное"
  'наверное|наверно|типа|(?:и\\s+)?там(?=\\s*$)',
];
const FILLERS = [
  'напомни(?:те)?(?:\\s+мне)?(?:\\s+пожалуйста)?(?:\\s+(?:о|об|что|чтобы))?',
  // "напоминай каждый вечер…", "поставь напоминалку…", "set a reminder for … to …"
  '(?:поставь|создай|сделай|добавь)?\\s*(?:напоминай(?:те)?|напоминалк\\p{L}*|напоминани[ея])(?:\\s+мне)?(?:\\s+(?:о|об|про|что|чтобы))?',
  '(?:i\\s+(?:need|want)\\s+an?\\s+|(?:please\\s+)?(?:set|make|add|create)\\s+(?:me\\s+)?an?\\s+)?reminder(?:\\s+(?:to|about|abt|for|of|that))?',
  'мне\\s+(?:нужно|надо)|нужно|надо|не\\s+забыть|пожалуйста|у\\s+меня(?:\\s+будет)?',
  ',?\\s*(?:займ[её]т|will\\s+take)(?=\\s*$)|пингани(?:\\s+меня)?|ping\\s+me(?:\\s+(?:to|about))?|later(?:\\s+on)?(?=\\s+to\\s)',
  '(?:please\\s+)?remind\\s+me(?:\\s+(?:to|about|of|that))?',
  "(?:ping|nudge|alert)\\s+me(?:\\s+(?:to|about))?|не\\s+забудь(?:те)?|[—–-]?\\s*не\\s+да(?:й|йте)\\s+(?:мне\\s+)?забыть|don['’]?t\\s+let\\s+me\\s+forget(?:\\s+to)?",
  "i\\s+(?:need|have|want)\\s+to|i\\s+have(?:\\s+(?:an?|the))?|don['’]?t\\s+(?:let\\s+me\\s+)?forget\\s+to|please",
  // "… put it on my calendar", "… занеси в календарь": the request, said after the event
  ',?\\s*(?:(?:please\\s+)?(?:put|add|stick|pop|get)\\s+(?:it|this|that)\\s+(?:on|in|to|into)\\s+(?:my|the)\\s+(?:calendar|schedule)|(?:занеси|добавь|запиши|внеси|поставь)(?:\\s+(?:это|его|её|ее))?\\s+в\\s+(?:мой\\s+)?(?:календарь|расписание))(?=\\s*[.!]?\\s*$)',
];

/** Titles of events that take the whole day. */
export const ALL_DAY_TITLE = words(
  "день\\s+рождения|др|(?:turns|turning|исполняется|стукнет)\\s+\\d{1,3}|днюх\\p{L}*|юбиле\\p{L}*|(?<=['’]s\\s+)\\d{1,3}(?:st|nd|rd|th)|годовщин\\p{L}*|праздник\\p{L}*|отпуск\\p{L}*|выходной|свадьб\\p{L}*|командировк\\p{L}*|поездк\\p{L}*|путешестви\\p{L}*|бизнес-?трип\\p{L}*|birthday|b-?day|anniversary|holiday|vacation|day\\s+off|wedding|trip|road\\s+trip|offsite|off-site|conference|festival|фестивал\\p{L}*|конференци\\p{L}*",
  'iu',
);

/**
 * Minutes from a reminder said at a clock time ("напомни в 6") to the event's start: the
 * latest such moment before it, a bare hour read as morning or evening, within a day.
 */
function minutesBeforeAt(at: LocalTime, start: Date, zone: string): number | undefined {
  const day = todayOf({ now: start, zone });
  const hours = at.hour > 12 || at.hour === 0 ? [at.hour] : [at.hour, (at.hour % 12) + 12];
  const before = [0, -1]
    .flatMap((days) => hours.map((hour) => toInstant(addDays(day, days), { ...at, hour }, zone)))
    .map((instant) => (start.getTime() - instant.getTime()) / 60000)
    .filter((minutes) => minutes >= 0 && minutes <= DAY_MINUTES);
  return before.length ? Math.min(...before) : undefined;
}

/** Where an event falls: its start, or its day when the time is not known yet. */
interface Placement {
  start?: Date;
  date?: LocalDate;
  /** The other reading of an ambiguous weekday. */
  alternative?: LocalDate;
}

/** The first occurrence of a repetition, from its rule and the time said. */
function placeRecurring(
  rule: RecurrenceFound,
  when: WhenFound,
  clock: Clock,
  allDay: boolean,
): Placement {
  const partOfDay = when.time || when.partOfDay ? when.partOfDay : rule.partOfDay;
  // "каждые две недели в пятницу": the weekday said separately is the rule's day.
  if (rule.freq === 'WEEKLY' && !rule.byDay && when.weekday) rule.byDay = [when.weekday.weekday];
  const from = when.date ?? (rule.freq === 'YEARLY' ? todayOf(clock) : undefined);
  const time = allDay ? undefined : timeOfWhen({ ...when, ...(partOfDay ? { partOfDay } : {}) });
  const first = firstOccurrence(rule, clock, time, from);
  return first ? { date: first.date, ...(first.start ? { start: first.start } : {}) } : {};
}

function placeOnce(when: WhenFound, clock: Clock): Placement {
  const resolved = resolveWhen(when, clock);
  const placement: Placement = {};
  if (resolved.date) placement.date = resolved.date;
  if (resolved.start) placement.start = resolved.start;
  if (resolved.alternativeDate) placement.alternative = resolved.alternativeDate;
  return placement;
}

/**
 * Never a silent guess on the hour: a part of the day without a clock time, an hour that
 * could be morning or evening, or a time today that has passed is asked about. The parse
 * keeps the day (`date`) and, for morning-or-evening, both readings.
 */
function guard(
  intent: EventCreateIntent,
  said: {
    vagueTime: boolean;
    eitherEnd: { morning: LocalTime; evening: LocalTime } | undefined;
    clock: Clock;
  },
  missing: MissingSlot[],
): void {
  const start = intent.start;
  if (!start || missing.includes('weekday')) return;
  const day = todayOf({ now: start, zone: said.clock.zone });
  if (said.vagueTime) {
    delete intent.start;
    intent.date = isoDate(day);
    return;
  }
  if (said.eitherEnd) {
    intent.start = toInstant(day, said.eitherEnd.morning, said.clock.zone);
    intent.alternativeStart = toInstant(day, said.eitherEnd.evening, said.clock.zone);
    missing.push('meridiem');
    return;
  }
  if (start < said.clock.now) missing.push('past');
}

/** One lowercase word of 4+ letters without a vowel ("Щрвлк", "Fjdkl"): keys hit, not a name. */
const KEYBOARD_MASH = /^\s*\p{L}(?:(?![аеёиоуыэюяaeiouy])\p{Ll}){3,}\s*$/u;

/** The words "same time" of SAME_TIME_FROM_NOW, once the moment is taken. */
const SAME_TIME_WORDS = words('(?:at\\s+)?(?:the\\s+)?same\\s+time|в\\s+(?:это|то)\\s+же\\s+время');

const timeNow = (clock: Clock): LocalTime => {
  const now = nowIn(clock);
  return { hour: now.hour, minute: now.minute };
};

/** A bare hour with no day said whose morning and evening readings are both past today. */
function bothReadingsPassed(when: WhenFound, clock: Clock): boolean {
  if (!when.bare || !when.time || when.date || when.weekday || when.instant) return false;
  const evening = { hour: (when.time.hour % 12) + 12, minute: when.time.minute };
  return toInstant(todayOf(clock), evening, clock.zone) < clock.now;
}

/** An event to create: title, first start, duration, repetition, or what to ask. */
export function buildEventCreate(
  scanner: Scanner,
  clock: Clock,
  language: AssistantLanguage,
): EventCreateIntent {
  const reminder = takeReminder(scanner);
  const recurrence = takeRecurrence(scanner);
  const duration = takeDuration(scanner);
  const range = takeWeekRange(scanner, clock);
  const fromNow = scanner.peek(SAME_TIME_FROM_NOW) !== null;
  const when = takeWhen(scanner, clock);
  // "in 2 weeks same time": the time it is now, that day.
  if (fromNow && scanner.take(SAME_TIME_WORDS) && !when.time) when.time = timeNow(clock);
  // "на следующей неделе во вторник": the Tuesday of that week.
  const rangeDay = range && when.weekday && !when.date && dayWithin(range, when.weekday.weekday);
  if (rangeDay) {
    when.date = rangeDay;
    delete when.weekday;
  }
  const accusative = takeFillers(scanner, ACCUSATIVE_FILLERS);
  takeFillers(scanner, SPEECH);
  if (!scanner.takeOpening(REQUEST, true)) scanner.takeOpening(FIRST_WORDS);
  takeFillers(scanner, FILLERS);
  const heard = titleFrom(scanner, { accusative });
  // "завтра в 11 щрвлк": a word nobody can say is no title; what was meant is asked.
  const said = heard && !KEYBOARD_MASH.test(heard) ? heard : undefined;
  // Date words left in the title: the date was not understood; ask it, not guess it.
  const cleaned = said ? withoutDateLeftovers(said) : undefined;
  const title = cleaned === undefined ? said : cleaned || undefined;
  // A weekday said with a date ("monday jan 11") adds nothing to ask about.
  const unclear = cleaned !== undefined && !(when.date && onlyWeekdaysLeft(said!));

  // A bare hour is read from what the event is (see clock-readings.ts).
  const reading = title && !recurrence ? readBareHour(when, title) : undefined;
  let eitherEnd: { morning: LocalTime; evening: LocalTime } | undefined;
  if (reading && 'time' in reading) when.time = reading.time;
  else if (reading) {
    when.time = reading.ask.morning;
    eitherEnd = reading.ask;
  }
  // "сегодня вечером", "tomorrow morning": a part of the day is not a time to put it at.
  const vagueTime = Boolean(
    !when.time && (when.partOfDay || when.later) && !recurrence && !when.instant,
  );
  // "в 8 планерка" said at 21:00: 08:00 and 20:00 have both passed, so today's is asked about.
  if (!recurrence && bothReadingsPassed(when, clock)) when.today = true;
  const time = timeOfWhen(when);
  const allDay =
    duration.allDay === true ||
    (!time && !when.instant && title !== undefined && ALL_DAY_TITLE.test(title.toLowerCase()));
  const placed = recurrence
    ? placeRecurring(recurrence, when, clock, allDay)
    : placeOnce(when, clock);

  const intent: EventCreateIntent = {
    intent: 'event_create',
    language,
    missing: [],
    durationMinutes: duration.minutes ?? rangeMinutesOf(when) ?? DEFAULT_MINUTES,
  };
  if (title) intent.title = title;
  if (reminder.minutesBefore) intent.reminderMinutesBefore = reminder.minutesBefore;
  if (recurrence) intent.recurrence = toRRule(recurrence);
  if (allDay && placed.date) {
    intent.start = startOfDate(placed.date, clock.zone);
    intent.allDay = true;
    intent.durationMinutes = DAY_MINUTES;
  } else if (placed.start) {
    intent.start = placed.start;
  } else if (placed.date) {
    intent.date = isoDate(placed.date);
  }
  if (placed.alternative) {
    intent.alternativeStart = time
      ? toInstant(placed.alternative, time, clock.zone)
      : startOfDate(placed.alternative, clock.zone);
  }

  // "кофе с Аней на этой неделе": which day of the range is asked (then the time).
  if (range && !rangeDay && !intent.start && !intent.date && !recurrence) {
    intent.within = { first: isoDate(range.first), last: isoDate(range.last) };
    intent.missing = title ? ['date'] : ['title', 'date'];
    intent.question = title
      ? dayQuestion(language)
      : questionFor('event_create', 'title', language);
    if (title) intent.title = title;
    return intent;
  }
  const missing: MissingSlot[] = [];
  if (!title) missing.push('title');
  if (placed.alternative) missing.push('weekday');
  if (unclear && title && !missing.includes('weekday')) missing.push('date');
  else if (!allDay && !recurrence) guard(intent, { vagueTime, eitherEnd, clock }, missing);
  if (!intent.start) missing.push(placed.date ? 'time' : 'start');
  intent.missing = missing;
  const remindAt = reminder.at && intent.start && !allDay ? reminder.at : undefined;
  const before = remindAt ? minutesBeforeAt(remindAt, intent.start!, clock.zone) : undefined;
  if (before !== undefined) intent.reminderMinutesBefore = [before];
  if (missing[0] === 'weekday' && placed.alternative) {
    const today = isoDate(todayOf(clock));
    const weekday = weekdayOfDate(placed.alternative);
    intent.question = weekdayQuestion(weekday, language, isoDate(placed.alternative) === today);
  } else if (missing[0]) {
    intent.question = questionFor('event_create', missing[0], language);
  }
  return intent;
}
