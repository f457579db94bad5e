import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import {
  HOLIDAY_AS_KIND,
  isBareAbbreviation,
  MONTH_WORD,
  WEEKDAY,
  WEEKDAY_WORD,
  weekdayOf,
} from './lexicon.js';
import {
  addDays,
  type Clock,
  forwardDate,
  isValidDate,
  type LocalDate,
  nowIn,
  todayOf,
} from './local-time.js';
import { NUMBER, readNumber } from './numbers.js';
import { Scanner, words } from './text.js';

export interface WeekdayRef {
  /** ISO weekday, Monday 1. */
  weekday: number;
  modifier?: 'this' | 'next';
}

export interface DateFound {
  date?: LocalDate;
  /** A weekday not yet placed in a week (that depends on the time). */
  weekday?: WeekdayRef;
  /** Last day of a range "с 5 по 10 марта" (inclusive). */
  rangeEnd?: LocalDate;
  /** An exact moment: "через 2 часа", "in 30 min". */
  instant?: Date;
}

/** Prepositions that belong to a date phrase and go with it when it is taken out. */
const PREP = '(?:(?:в|во|на|к|до|с|со|по|от|on|by|until|till|from|to|for|at)\\s+)?';

const RELATIVE = words(
  `(?:через|in)\\s+(?:(${NUMBER}|half\\s+an)\\s+)?(минут[уы]?|мин|часа|часов|час|дня|дней|день|недел[юиь]|месяца|месяцев|месяц|года|год|лет|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)(\\s+and\\s+a\\s+half)?|(?:через|in)\\s+(полчаса|half\\s+an\\s+hour)`,
);

const MAX_RELATIVE = 1000;

type Unit = 'minutes' | 'hours' | 'days' | 'weeks' | 'months' | 'years';

function unitOf(word: string): Unit {
  if (/^(мин|minute|min)/u.test(word)) return 'minutes';
  if (/^(час|hour|hr)/u.test(word)) return 'hours';
  if (/^(дн|ден|day)/u.test(word)) return 'days';
  if (/^(недел|week)/u.test(word)) return 'weeks';
  if (/^(месяц|month)/u.test(word)) return 'months';
  return 'years';
}

/** "прям сейчас митинг…", "now: quick sync": opening the message, it starts now. */
const NOW_OPENING =
  /^\s*(?:(?:прям|прямо)\s+)?(?:сейчас|right\s+now|now)(?![\p{L}\p{N}])\s*[:,—–-]?/iu;
/** "quick sync with design now, 15 min", "созвон с Петей прямо сейчас": said after the name. */
const NOW_AFTER_NAME =
  /(?<=\p{L}\s+)(?<!^\s*(?:i\s+am|i['’]?m|я|мне)\s+(?:\p{L}+\s+){1,4})(?:(?:прям|прямо)\s+сейчас|ща|(?:right\s+)?now)(?=\s*(?:[,.!;—–-]|$|\d+\s*(?:min|мин|h\b|ч\b)|for\s))/iu;

/** "через 2 часа", "in 3 days": an instant for minutes and hours, a date for longer. */
export function takeRelative(scanner: Scanner, clock: Clock): DateFound {
  if (scanner.take(NOW_OPENING) || scanner.take(NOW_AFTER_NAME)) return { instant: clock.now };
  const m = scanner.take(RELATIVE);
  if (!m) return {};
  if (m[4]) return { instant: new Date(clock.now.getTime() + 30 * 60_000) };
  const said = m[1] === undefined ? 1 : /^half/u.test(m[1]) ? 0.5 : readNumber(m[1]);
  // "in an hour and a half"
  const count = said === undefined ? undefined : said + (m[3] ? 0.5 : 0);
  const unit = unitOf(m[2] ?? '');
  // Far-off amounts ("in 1000000 years") are not plans; luxon cannot even hold some of them.
  if (count === undefined || count > MAX_RELATIVE) return {};
  if (unit === 'minutes' || unit === 'hours') {
    const minutes = unit === 'hours' ? count * 60 : count;
    return { instant: new Date(clock.now.getTime() + Math.round(minutes * 60_000)) };
  }
  const shifted = nowIn(clock).plus({ [unit]: Math.round(count) });
  return { date: { year: shifted.year, month: shifted.month, day: shifted.day } };
}

const DAY_WORDS = words(
  `${PREP}(?:the\\s+)?(послезавтра(?:шн\\p{L}*)?|сегодня(?:шн\\p{L}*)?|завтра(?:шн\\p{L}*)?|day\\s+after\\s+tomorrow|today|tomorrow|tonight)(?:['’]s)?`,
);

const WEEKDAY_PHRASE = words(
  `${PREP}(?:(этот|эту|это|следующий|следующую|следующее|след|ближайший|ближайшую|ближайшее|будущий|будущую|будущее|this|next|coming|upcoming)\\.?\\s+)?${WEEKDAY}(?:['’]s)?`,
);

const NUMERIC_DATE = words(
  `${PREP}(\\d{4})-(\\d{2})-(\\d{2})|${PREP}(\\d{1,2})\\.(\\d{1,2})(?:\\.(\\d{2,4}))?`,
);
const MONTH_DAY_ONLY = words(
  `${PREP}(\\d{1,2})(?:-?(?:го|е))?\\s+числа|${PREP}(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)|${PREP}(\\d{1,2})-?(?:го|ое|е)`,
);

function dayWord(word: string, today: LocalDate): LocalDate {
  if (/^(послезавтра|day)/u.test(word)) return addDays(today, 2);
  if (/^(завтра|tomorrow)/u.test(word)) return addDays(today, 1);
  return today;
}

function numericDate(m: RegExpExecArray, today: LocalDate): LocalDate | undefined {
  if (m[1]) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const day = Number(m[4]);
  const month = Number(m[5]);
  if (!m[6]) return forwardDate(month, day, today);
  const year = Number(m[6]) < 100 ? 2000 + Number(m[6]) : Number(m[6]);
  return { year, month, day };
}

/** This month's day N, or next month's when it has passed. */
function monthDay(day: number, today: LocalDate): LocalDate {
  const date = { ...today, day };
  if (day >= today.day) return date;
  const next = DateTime.fromObject({ ...today, day: 1 }, { zone: 'UTC' }).plus({ months: 1 });
  return { year: next.year, month: next.month, day };
}

const NAMES_A_DATE = new RegExp(`\\d.*${MONTH_WORD}|${MONTH_WORD}.*\\d|\\d{1,2}/\\d{1,2}`, 'iu');

/** "01/02" with both numbers up to 12 and no year: day/month or month/day. */
const SLASH_DATE = /^\s*(\d{1,2})\/(\d{1,2})\s*$/u;

/**
 * English "01/02" is January 2 in the US and February 1 elsewhere: left unread, so it is
 * asked about; a Russian message reads it day first, like "01.02".
 */
function isEitherWayRound(said: string, message: string): boolean {
  const m = SLASH_DATE.exec(said);
  if (!m || /\p{Script=Cyrillic}/u.test(message)) return false;
  const [first, second] = [Number(m[1]), Number(m[2])];
  return first <= 12 && second <= 12 && first !== second;
}

/** The text with runs of blanks squeezed (chrono misreads "10 марта      "), and a map back. */
function squeezed(text: string): { text: string; origin: number[] } {
  let out = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (/\s/u.test(text[i] ?? '') && /\s/u.test(text[i - 1] ?? 'x')) continue;
    out += text[i];
    origin.push(i);
  }
  origin.push(text.length);
  return { text: out, origin };
}

/** Dates with month names ("5 марта", "March 10th", "с 5 по 10 марта") through chrono. */
function takeNamedDate(scanner: Scanner, clock: Clock): DateFound {
  const today = todayOf(clock);
  const offset = nowIn(clock).offset;
  const { text, origin } = squeezed(scanner.text);
  for (const locale of [chrono.ru, chrono.en]) {
    const results = locale.parse(
      text,
      { instant: clock.now, timezone: offset },
      { forwardDate: true },
    );
    for (const result of results) {
      const { start, end } = result;
      // A date names its month ("the week" and "30 минут" are not dates).
      if (!start.isCertain('day') || !start.isCertain('month') || !NAMES_A_DATE.test(result.text))
        continue;
      if (isEitherWayRound(result.text, text)) continue;
      const read = (c: typeof start): LocalDate => {
        const month = c.get('month') ?? today.month;
        const day = c.get('day') ?? today.day;
        return c.isCertain('year')
          ? { year: c.get('year') ?? today.year, month, day }
          : forwardDate(month, day, today);
      };
      const found: DateFound = { date: read(start) };
      if (end?.isCertain('day')) found.rangeEnd = read(end);
      const before = text.slice(0, result.index);
      const prep = /(?:^|\s)(?:в|на|к|до|с|по|on|by|until|till|from|for)\s+$/iu.exec(before);
      const from = prep ? result.index - prep[0].trimStart().length : result.index;
      const to = result.index + result.text.trimEnd().length;
      scanner.blank(origin[from] ?? 0, (origin[to - 1] ?? 0) + 1);
      return found;
    }
  }
  return {};
}

/** "на следующей неделе" said with a weekday: that weekday of the next week. */
const NEXT_WEEK_WITH_DAY = words(
  "(?:на|в)\\s+(?:следующ|след|будущ)\\p{L}*\\s+недел[юеи]|next\\s+week(?:[’']s)?",
);

/** Days people name by the holiday (the next one to come). */
const HOLIDAYS: [RegExp, number, number][] = [
  [words(`${PREP}(?:on\\s+)?(?:xmas|christmas)\\s+eve`), 12, 24],
  [words(`${PREP}(?:on\\s+)?(?:xmas|christmas)${HOLIDAY_AS_KIND}(?:\\s+day)?`), 12, 25],
  [
    words(
      `${PREP}(?:on\\s+)?(?:new\\s+year['’]?s\\s+eve|nye)|${PREP}новогодн\\p{L}*\\s+ноч\\p{L}*`,
    ),
    12,
    31,
  ],
  [words(`${PREP}(?:on\\s+)?new\\s+year['’]?s\\s+day`), 1, 1],
];

function takeHoliday(scanner: Scanner, today: LocalDate): LocalDate | undefined {
  for (const [pattern, month, day] of HOLIDAYS) {
    if (scanner.take(pattern)) return forwardDate(month, day, today);
  }
  return undefined;
}

/** Whether a holiday is named and a date by its number is said too. */
function datedElsewhere(scanner: Scanner, clock: Clock): boolean {
  if (!HOLIDAYS.some(([pattern]) => scanner.peek(pattern))) return false;
  return takeCalendarDate(new Scanner(scanner.text), clock).date !== undefined;
}

/** "call the daycare about friday", "спросить про субботу": the day is what it is about. */
const ABOUT_BEFORE = /(?<![\p{L}])(?:about|abt|regarding|re|про|насч[её]т)\s+$/iu;

function dayNotTopic(m: RegExpExecArray | null, text: string): RegExpExecArray | null {
  return m && ABOUT_BEFORE.test(text.slice(0, m.index)) ? null : m;
}

/** "sat/sun", "fri or sat": a short name joined to another weekday is a weekday too. */
const JOINED_TO_WEEKDAY = new RegExp(
  `^\\s*(?:/|&|,|\\s(?:and|or|и|или)\\s)\\s*${WEEKDAY_WORD}(?![\\p{L}\\p{N}])`,
  'iu',
);

function joinedToWeekday(m: RegExpExecArray, text: string): boolean {
  return JOINED_TO_WEEKDAY.test(text.slice(m.index + m[0].length));
}

/** Takes a day ("завтра", "в пятницу", "10 марта", "15.03") out of the message. */
export function takeDate(scanner: Scanner, clock: Clock): DateFound {
  const today = todayOf(clock);
  const day = scanner.take(DAY_WORDS);
  if (day) return { date: dayWord(day[1] ?? '', today) };
  // "christmas pageant on the 17th": with a date said, the holiday is what the event is.
  const holiday = datedElsewhere(scanner, clock) ? undefined : takeHoliday(scanner, today);
  if (holiday) return { date: holiday };
  const weekday = dayNotTopic(scanner.peek(WEEKDAY_PHRASE), scanner.text);
  if (weekday && scanner.peek(NEXT_WEEK_WITH_DAY)) {
    const index = weekdayOf(weekday[2] ?? '');
    if (index) {
      scanner.take(NEXT_WEEK_WITH_DAY);
      scanner.take(WEEKDAY_PHRASE);
      return { weekday: { weekday: index, modifier: 'next' } };
    }
  }
  const hasPrefix = weekday !== null && weekday[0].trim() !== weekday[2];
  const bare = weekday && !hasPrefix && isBareAbbreviation(weekday[2] ?? '');
  if (weekday && (!bare || joinedToWeekday(weekday, scanner.text))) {
    scanner.take(WEEKDAY_PHRASE);
    // "в пн 21го", "monday jan 11": the date says which Monday.
    const dated = takeCalendarDate(scanner, clock);
    if (dated.date) return dated;
    const index = weekdayOf(weekday[2] ?? '');
    const word = weekday[1] ?? '';
    const modifier = /^(след|буд|next)/u.test(word) ? 'next' : word ? 'this' : undefined;
    if (index) return { weekday: { weekday: index, ...(modifier ? { modifier } : {}) } };
  }
  return takeCalendarDate(scanner, clock);
}

/** A date said by its number: "15.03", "10 марта", "March 10th", "21-го", "the 24th". */
function takeCalendarDate(scanner: Scanner, clock: Clock): DateFound {
  const today = todayOf(clock);
  const numeric = scanner.peek(NUMERIC_DATE);
  if (numeric) {
    const date = numericDate(numeric, today);
    if (date && isValidDate(date)) {
      scanner.take(NUMERIC_DATE);
      return { date };
    }
  }
  const named = takeNamedDate(scanner, clock);
  if (named.date) return named;
  const only = scanner.take(MONTH_DAY_ONLY);
  if (only) {
    const date = monthDay(Number(only[1] ?? only[2] ?? only[3]), today);
    if (isValidDate(date)) return { date };
  }
  return {};
}
