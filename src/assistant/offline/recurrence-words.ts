import rrule from 'rrule';
import {
  isPluralWeekday,
  type PartOfDay,
  partOfDayOf,
  RRULE_DAYS,
  WEEKDAY,
  WEEKDAY_WORD,
  weekdayOf,
} from './lexicon.js';
import { NUMBER, readNumber, readOrdinal } from './numbers.js';
import { type Scanner, words } from './text.js';

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

/** A repetition said in words, before it becomes an RRULE. */
export interface RecurrenceFound {
  freq: Frequency;
  interval?: number;
  /** ISO weekdays (Monday 1). */
  byDay?: number[];
  /** With `byDay` of one day: its position in the month (1st, 2nd… -1 last). */
  nth?: number;
  byMonthDay?: number;
  partOfDay?: PartOfDay;
}

const WORKDAYS = [1, 2, 3, 4, 5];
const WEEKEND = [6, 7];
const EVERY = 'кажд(?:ый|ую|ое|ые|ого)|every|each';
const WD_LIST = `${WEEKDAY_WORD}(?:\\s*(?:,|и|and|&)\\s*(?:(?:по|on|every|каждый|каждую|каждое)\\s+)?${WEEKDAY_WORD})*`;
const ORDINAL =
  'перв\\p{L}*|втор\\p{L}*|трет\\p{L}*|четверт\\p{L}*|последн\\p{L}*|first|second|third|fourth|last|other';
const FREQ_UNIT =
  'день|дня|дней|неделю|недели|недель|месяц|месяца|месяцев|год|года|лет|days?|weeks?|months?|years?';
const ORDINAL_DAY = '(\\d{1,2})(?:-?(?:е|го|ое|st|nd|rd|th))?';

const weekdaysIn = (text: string): number[] => {
  const days = [...text.matchAll(words(WEEKDAY))].map((m) => weekdayOf(m[1] ?? '') ?? 0);
  return [...new Set(days.filter((d) => d > 0))].sort((a, b) => a - b);
};

function freqOfUnit(unit: string): Frequency {
  if (/^(д|day)/u.test(unit)) return 'DAILY';
  if (/^(недел|week)/u.test(unit)) return 'WEEKLY';
  if (/^(месяц|month)/u.test(unit)) return 'MONTHLY';
  return 'YEARLY';
}

type Reader = (m: RegExpExecArray) => RecurrenceFound | undefined;

const RULES: [RegExp, Reader][] = [
  [
    // "каждый первый понедельник месяца", "every last Friday of the month"
    words(
      `(?:${EVERY}|on\\s+the|the)\\s+(${ORDINAL})\\s+${WEEKDAY}\\s+(?:месяца|каждого\\s+месяца|of\\s+(?:the|every|each)\\s+month)`,
    ),
    (m) => {
      const nth = readOrdinal(m[1] ?? '');
      const day = weekdayOf(m[2] ?? '');
      return nth && day ? { freq: 'MONTHLY', byDay: [day], nth } : undefined;
    },
  ],
  [
    // "каждое 1 число", "1-го числа каждого месяца", "on the 1st of every month", "every 15th"
    words(
      `(?:${EVERY})\\s+(\\d{1,2})(?:-?(?:е|го|ое)(?:\\s+числ[оа])?|\\s+числ[оа]|st|nd|rd|th)(?:\\s+(?:каждого\\s+)?месяца)?|(?:on\\s+)?(?:the\\s+)?${ORDINAL_DAY}(?:\\s+числа)?\\s+(?:of\\s+)?(?:${EVERY})\\s+(?:месяца|month)`,
    ),
    (m) => ({ freq: 'MONTHLY', byMonthDay: Number(m[1] ?? m[2]) }),
  ],
  [
    words(
      'по\\s+будн(?:ям|им\\s+дням)|в\\s+будни(?:е\\s+дни)?|по\\s+рабочим\\s+дням|в\\s+рабочие\\s+дни|кажд(?:ый|ые)\\s+будн\\p{L}*(?:\\s+(?:день|дни))?|(?:on\\s+|every\\s+)?weekdays|every\\s+weekday|(?:on\\s+|every\\s+)workdays?',
    ),
    () => ({ freq: 'WEEKLY', byDay: WORKDAYS }),
  ],
  [
    words(
      'по\\s+выходным(?:\\s+дням)?|кажд(?:ые|ый)\\s+выходн\\p{L}*(?:\\s+(?:день|дни))?|(?:on\\s+|every\\s+)weekends?',
    ),
    () => ({ freq: 'WEEKLY', byDay: WEEKEND }),
  ],
  [
    // "каждую вторую пятницу", "every other Friday", "every Tuesday and Thursday"
    words(`(?:${EVERY})\\s+(?:(${ORDINAL})\\s+)?(${WD_LIST})`),
    (m) => ({
      freq: 'WEEKLY',
      interval: m[1] ? readOrdinal(m[1]) : undefined,
      byDay: weekdaysIn(m[2] ?? ''),
    }),
  ],
  [
    // "по понедельникам и средам", "on Mondays", "Mondays and Thursdays"
    words(`(?:по|on)\\s+(${WD_LIST})|(${WD_LIST})`),
    (m) => {
      const list = m[1] ?? m[2] ?? '';
      const first = /^\S+/u.exec(list)?.[0] ?? '';
      // "по вт и чт" (read as "по вторник и четверг"): "по" with two days repeats too.
      const severalAfterPo = /^по\s/iu.test(m[0].trim()) && weekdaysIn(list).length >= 2;
      return isPluralWeekday(first) || severalAfterPo
        ? { freq: 'WEEKLY', byDay: weekdaysIn(list) }
        : undefined;
    },
  ],
  [
    // "каждое утро", "every evening"
    words(`(?:${EVERY})\\s+(утро|вечер|ночь|день\\s+утром|morning|afternoon|evening|night)`),
    (m) => ({ freq: 'DAILY', partOfDay: partOfDayOf(m[1] ?? '') }),
  ],
  [
    // "каждые 2 недели", "каждый день", "every other week", "раз в две недели"
    words(
      `(?:(?:${EVERY})|раз\\s+в|once\\s+(?:a|per|every))\\s+(?:(${NUMBER}|${ORDINAL})\\s+)?(${FREQ_UNIT})`,
    ),
    (m) => {
      const count = m[1] ? (readNumber(m[1]) ?? readOrdinal(m[1])) : undefined;
      return { freq: freqOfUnit(m[2] ?? ''), interval: count && count > 1 ? count : undefined };
    },
  ],
  [words('ежедневн\\p{L}*|daily'), () => ({ freq: 'DAILY' })],
  [words('nightly'), () => ({ freq: 'DAILY', partOfDay: 'night' })],
  [words('еженедельн\\p{L}*|weekly'), () => ({ freq: 'WEEKLY' })],
  [
    words('biweekly|fortnightly|раз\\s+в\\s+две\\s+недели'),
    () => ({ freq: 'WEEKLY', interval: 2 }),
  ],
  [words('ежемесячн\\p{L}*|monthly'), () => ({ freq: 'MONTHLY' })],
  [words('ежегодн\\p{L}*|yearly|annually'), () => ({ freq: 'YEARLY' })],
];

const MONTH_DAY_AFTER = words(`(?:on\\s+)?the\\s+${ORDINAL_DAY}|${ORDINAL_DAY}\\s+числа`);

/** Takes words that say the same frequency again ("once a week on Sundays"). */
function takeRepeats(scanner: Scanner, found: RecurrenceFound): void {
  for (const [pattern, read] of RULES) {
    const match = scanner.peek(pattern);
    const again = match ? read(match) : undefined;
    if (!again || again.freq !== found.freq || again.byDay || again.byMonthDay) continue;
    scanner.take(pattern);
    found.interval ??= again.interval;
  }
}

/** Takes a repetition ("каждый понедельник", "every other Friday", "по будням") out of the message. */
export function takeRecurrence(scanner: Scanner): RecurrenceFound | undefined {
  for (const [pattern, read] of RULES) {
    const match = scanner.peek(pattern);
    if (!match) continue;
    const found = read(match);
    if (!found || (found.byDay && found.byDay.length === 0)) continue;
    if (found.byMonthDay !== undefined && (found.byMonthDay < 1 || found.byMonthDay > 31)) continue;
    scanner.take(pattern);
    takeRepeats(scanner, found);
    if (found.freq === 'MONTHLY' && !found.byMonthDay && !found.byDay) {
      const day = scanner.take(MONTH_DAY_AFTER);
      const number = Number(day?.[1] ?? day?.[2]);
      if (number >= 1 && number <= 31) found.byMonthDay = number;
    }
    return found;
  }
  return undefined;
}

/**
 * The RRULE text (FREQ;INTERVAL;BYDAY;BYMONTHDAY) in rrule's canonical form; the event
 * service validates it again when the event is created.
 */
export function toRRule(found: RecurrenceFound): string {
  const parts = [`FREQ=${found.freq}`];
  if (found.interval && found.interval > 1) parts.push(`INTERVAL=${found.interval}`);
  if (found.byDay?.length) {
    const prefix = found.nth ? (found.nth > 0 ? `+${found.nth}` : String(found.nth)) : '';
    parts.push(`BYDAY=${found.byDay.map((day) => prefix + RRULE_DAYS[day]).join(',')}`);
  }
  if (found.byMonthDay) parts.push(`BYMONTHDAY=${found.byMonthDay}`);
  const { RRule } = rrule;
  return RRule.optionsToString(RRule.parseString(parts.join(';'))).replace(/^RRULE:/, '');
}
