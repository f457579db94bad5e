import { MONTH_WORD, NOT_AN_HOUR_AFTER, type PartOfDay, partOfDayOf } from './lexicon.js';
import type { LocalTime } from './local-time.js';
import { HOUR_NUMBER, readNumber } from './numbers.js';
import { type Scanner, words } from './text.js';

export interface TimeFound {
  time?: LocalTime;
  /** End of a range "с 10 до 12" / "from 10 to 12". */
  end?: LocalTime;
  partOfDay?: PartOfDay;
  /** "tonight": today, in the evening. */
  tonight?: boolean;
  /** "this morning", "this afternoon": today, even when that part of it has passed. */
  today?: boolean;
  /** "later", "попозже": later today, at a time not said yet. */
  later?: boolean;
  /** A clock hour 1–12 said without am/pm or a part of the day ("в 7", "at 6:30"). */
  bare?: boolean;
}

const H = `(${HOUR_NUMBER})`;
const MERIDIEM = '(утра|дня|вечера|ночи|a\\.?m\\.?|p\\.?m\\.?)';
const EN_MERIDIEM = '(a\\.?m\\.?|p\\.?m\\.?)';
const AT = '(?:в|во|к|на|около|at|by|around)';
const NOT_A_UNIT = `(?!${NOT_AN_HOUR_AFTER})`;
/** "с 21 по 24 декабря", "from 21 to 24 December": days of a month, not hours. */
const NOT_DAYS_OF_MONTH = `(?!\\s+(?:по|до|to|till|until|-|–)\\s+\\d{1,2}\\s*${MONTH_WORD})`;

/**
 * The hour on a 24-hour clock. Without am/pm or a part of the day, 1–5 o'clock is read as
 * afternoon ("встреча в 3" is at 15:00) unless written with a leading zero ("03:00").
 */
function toHour(
  raw: string,
  meridiem: string | undefined,
  hint: PartOfDay | undefined,
): number | undefined {
  let hour = readNumber(raw);
  if (hour === undefined || !Number.isInteger(hour) || hour > 24) return undefined;
  if (hour === 24) hour = 0;
  const word = meridiem?.replace(/\./g, '');
  if (word === 'am' || word === 'утра') return hour === 12 ? 0 : hour;
  if (word === 'pm' || word === 'вечера') return hour < 12 ? hour + 12 : hour;
  if (word === 'дня') return hour <= 7 ? hour + 12 : hour;
  if (word === 'ночи') return hour === 12 ? 0 : hour >= 9 ? hour + 12 : hour;
  if ((hint === 'evening' || hint === 'night') && hour >= 5 && hour < 12) return hour + 12;
  if (hint === 'afternoon' && hour <= 7) return hour + 12;
  if (hint === undefined && hour >= 1 && hour <= 5 && !raw.startsWith('0')) return hour + 12;
  return hour;
}

function timeOf(
  hour: string | undefined,
  minute: string | undefined,
  meridiem: string | undefined,
  hint: PartOfDay | undefined,
): LocalTime | undefined {
  if (hour === undefined) return undefined;
  const h = toHour(hour, meridiem, hint);
  const m = minute === undefined ? 0 : Number(minute);
  if (h === undefined || h > 23 || m > 59) return undefined;
  return { hour: h, minute: m };
}

const isMidnight = (time: LocalTime) => time.hour === 0 && time.minute === 0;

const RANGES = [
  // "с 10 до 12", "с 10:00 до 11:30 вечера", "с 8 утра до 8 вечера", "from 3pm to 5pm"
  words(
    `(?:с|со|от|from)\\s+${H}(?:[:.](\\d{2}))?\\s*${MERIDIEM}?\\s+(?:до|to|till|until|-|–)\\s+${H}(?:[:.](\\d{2}))?\\s*${MERIDIEM}?${NOT_A_UNIT}`,
  ),
  // "10:00-11:30", "3-5pm"
  words(
    `(\\d{1,2})(?::(\\d{2}))?\\s*${EN_MERIDIEM}?\\s*[-–]\\s*(\\d{1,2})(?::(\\d{2}))?\\s*${EN_MERIDIEM}`,
  ),
  words(`(\\d{1,2}):(\\d{2})()\\s*[-–]\\s*(\\d{1,2}):(\\d{2})()`),
  // "12:30 to 2", "в 10-11:30", "sat 9-12", "10 до 12": hours in digits, no "from"
  words(
    `(?:${AT}\\s+)?(\\d{1,2})(?:[:.](\\d{2}))?\\s*${EN_MERIDIEM}?\\s*(?:to|till|until|до|-|–)\\s*(\\d{1,2})(?:[:.](\\d{2}))?(?:\\s*${MERIDIEM})?${NOT_A_UNIT}(?!\\s*(?:-?(?:го|е|th|st|nd|rd)|[./]\\d))`,
  ),
];

const SINGLES: [RegExp, (m: RegExpExecArray) => [string?, string?, string?]][] = [
  // "в 15:00", "15:00", "в 9.30", "at 7:30 pm"
  [words(`(?:${AT}\\s+)?(\\d{1,2}):(\\d{2})(?:\\s*${MERIDIEM})?`), (m) => [m[1], m[2], m[3]]],
  [
    words(`(?:в|к|на)\\s+(\\d{1,2})\\.(\\d{2})(?!\\.\\d)(?:\\s*${MERIDIEM})?`),
    (m) => [m[1], m[2], m[3]],
  ],
  // "10am", "at ten pm"
  [words(`(?:${AT}\\s+)?${H}\\s*${EN_MERIDIEM}`), (m) => [m[1], undefined, m[2]]],
  // "в 3 часа дня", "в 8 вечера", "9 утра"
  [
    words(`(?:${AT}\\s+)?${H}\\s+(?:час(?:а|ов)?\\s+)?(утра|дня|вечера|ночи)`),
    (m) => [m[1], undefined, m[2]],
  ],
  // "в 10", "в 9 часов", "at 7", "at 7 o'clock"
  [
    words(`(?:в|во|к|at|by|around)\\s+${H}(?:\\s*(?:час(?:а|ов|ам)?|o['’]?clock))?${NOT_A_UNIT}`),
    (m) => [m[1], undefined, undefined],
  ],
  // "the 2 o'clock", "3 oclock works": the hour said with "o'clock" alone
  [words(`${H}\\s*o['’]?clock`), (m) => [m[1], undefined, undefined]],
  [words('(?:в\\s+)?час\\s+(дня|ночи)|в\\s+час'), (m) => ['1', undefined, m[1] ?? 'дня']],
  [words('(?:в\\s+)?полдень|(?:at\\s+)?(?:noon|midday)'), () => ['12', '00', 'дня']],
  [words('(?:в\\s+)?полночь|(?:at\\s+)?midnight'), () => ['0', '00', 'утра']],
  // "смена с 8", "from 9": a start said without its end
  [
    words(
      `(?:с|со|from)\\s+${H}(?::(\\d{2}))?(?:\\s*час(?:а|ов)?)?${NOT_A_UNIT}${NOT_DAYS_OF_MONTH}(?!\\s*(?:-?(?:го|е|th|st|nd|rd)|[./]\\d))`,
    ),
    (m) => [m[1], m[2], undefined],
  ],
];

// A bare "night" is left alone ("date night"); "at night", "tomorrow night" are a time.
const PART_OF_DAY = words(
  'утром|днем|вечером|ночью|с\\s+утра|после\\s+обеда|(?:in\\s+the\\s+|this\\s+|at\\s+)?(?:morning|afternoon|evening)|(?:at|in\\s+the)\\s+night|(?<=(?:today|tomorrow|day|\\p{L}+day)\\s+)night|tonight',
);

/** "this morning": the part of today, not of the next day it comes round. */
const THIS_PART = /^\s*this\s/iu;

/** "wine night later": today, the time still to be asked ("later this week" is a range). */
const LATER = words(
  'later(?:\\s+(?:today|on))?(?!\\s+(?:this|next|in|that|to)(?![\\p{L}]))|попозже',
);

/** Takes a time of day ("в 15:00", "at 3pm", "с 10 до 12", "вечером") out of the message. */
export function takeTimeOfDay(scanner: Scanner): TimeFound {
  const found: TimeFound = {};
  const part = scanner.take(PART_OF_DAY);
  if (part) {
    const word = part[0].trim().split(/\s+/).pop() ?? '';
    found.partOfDay =
      word === 'утра' ? 'morning' : word === 'обеда' ? 'afternoon' : partOfDayOf(word);
    if (word === 'tonight') found.tonight = true;
    if (THIS_PART.test(part[0])) found.today = true;
  } else if (scanner.take(LATER)) {
    found.today = true;
    found.later = true;
  }
  const hint = found.partOfDay;
  for (const pattern of RANGES) {
    const m = scanner.peek(pattern);
    if (!m) continue;
    const endMeridiem = m[6];
    const end = timeOf(m[4], m[5], endMeridiem, hint);
    // "3-5pm" is 15:00–17:00, but "10-12pm" starts at 10:00.
    let start = timeOf(m[1], m[2], m[3] || endMeridiem, hint);
    if (start && end && !m[3] && start.hour > end.hour) start = timeOf(m[1], m[2], undefined, hint);
    // "10 till midnight" ends the evening, so it starts at 22:00.
    if (start && end && !m[3] && isMidnight(end) && start.hour < 12) start.hour += 12;
    if (!start || !end) continue;
    scanner.take(pattern);
    return { ...found, time: start, end };
  }
  for (const [pattern, read] of SINGLES) {
    const m = scanner.peek(pattern);
    if (!m) continue;
    const [hour, minute, meridiem] = read(m);
    const time = timeOf(hour, minute, meridiem, hint);
    if (!time) continue;
    scanner.take(pattern);
    const raw = readNumber(hour) ?? NaN;
    const bare = !meridiem && !hint && raw >= 1 && raw <= 12 && !hour?.startsWith('0');
    return { ...found, time, ...(bare ? { bare } : {}) };
  }
  return found;
}

/** Whether the text names a clock time (used to tell a goal from an event). */
export function mentionsClockTime(text: string): boolean {
  return SINGLES.slice(0, 5).some(([pattern]) => {
    pattern.lastIndex = 0;
    return pattern.test(text);
  });
}
