import { MONTH_WORD } from './lexicon.js';
import { HOUR_NUMBER, readNumber } from './numbers.js';

/**
 * Times said the way people say them, rewritten into the digits the time extractor reads:
 * "полвосьмого" → "в 7:30", "без пятнадцати восемь" → "в 7:45", "half past six" → "6:30",
 * "quarter to seven" → "6:45"; "23го" → "23-го".
 */

const RU_ORDINAL_HOURS = [
  'первого',
  'второго',
  'третьего',
  'четв[её]ртого',
  'пятого',
  'шестого',
  'седьмого',
  'восьмого',
  'девятого',
  'десятого',
  'одиннадцатого',
  'двенадцатого',
];
const ORDINAL = RU_ORDINAL_HOURS.join('|');
const B = '(?<![\\p{L}\\p{N}_])';
const E = '(?![\\p{L}\\p{N}_])';

/** Numbers in the genitive or dative: "без пятнадцати", "к одиннадцати", "с восьми до десяти". */
const GENITIVE_NUMBERS: Record<string, number> = {
  двух: 2,
  трех: 3,
  четырех: 4,
  пяти: 5,
  шести: 6,
  семи: 7,
  восьми: 8,
  девяти: 9,
  десяти: 10,
  одиннадцати: 11,
  двенадцати: 12,
  пятнадцати: 15,
  двадцати: 20,
  тридцати: 30,
};

const pad = (minute: number) => String(minute).padStart(2, '0');
const ordinalHour = (word: string) =>
  RU_ORDINAL_HOURS.findIndex((pattern) => new RegExp(`^${pattern}$`, 'iu').test(word)) + 1;

/** A whole number said in words or digits ("пятнадцати", "15", "seven"), if it is one. */
function numberOf(word: string): number | undefined {
  const genitive = GENITIVE_NUMBERS[word.toLowerCase().replace(/ё/gu, 'е')];
  if (genitive) return genitive;
  const value = readNumber(word.toLowerCase().replace(/ё/gu, 'е'));
  return value !== undefined && Number.isInteger(value) ? value : undefined;
}

/** "первого числа", "двадцать пятого числа": the day of the month in digits. */
const DAY_ORDINALS = [
  ...RU_ORDINAL_HOURS,
  'тринадцатого',
  'четырнадцатого',
  'пятнадцатого',
  'шестнадцатого',
  'семнадцатого',
  'восемнадцатого',
  'девятнадцатого',
  'двадцатого',
];
const dayOrdinal = (tens: string | undefined, word: string): number | undefined => {
  const index = DAY_ORDINALS.findIndex((pattern) => new RegExp(`^${pattern}$`, 'iu').test(word));
  if (index < 0) return undefined;
  const base = tens ? (/^двадцать$/iu.test(tens) ? 20 : 30) : 0;
  return base + index + 1;
};

/** "к одиннадцати", "с восьми до десяти", "к часу": an hour after its preposition. */
const OBLIQUE = ['часу', ...Object.keys(GENITIVE_NUMBERS).filter((w) => GENITIVE_NUMBERS[w]! <= 12)]
  .join('|')
  .replace(/е/gu, '[её]');
const obliqueHour = (word: string) => (/^часу$/iu.test(word) ? 1 : numberOf(word));
/** Words after which "до пяти" is a count, not a time. */
const COUNTED = '\\s+(?:раз|человек|минут|км|дней|недель|месяцев|лет|кг|штук|страниц|процент)';
/** "сократи студию до трех часов": after a verb of length, "до трех часов" is the new length. */
const AFTER_LENGTH_VERB = '(?<!(?:сократ|укорот|удлин)\\p{L}*(?:\\s+\\S+){0,3}?\\s+)';

/** Minutes said as words after the hour: "десять тридцать", "seven fifteen", "oh five". */
const MINUTE_WORD = [
  'двадцать пять|тридцать пять|сорок пять|пятьдесят|пятнадцать|двадцать|тридцать|сорок|десять|пять',
  'oh five|twenty five|forty[- ]five|fifteen|twenty|thirty|forty|fifty|ten',
].join('|');
/** The minutes such words say: the sum of their numbers ("сорок пять" = 40 + 5). */
const minutesOf = (phrase: string): number | undefined => {
  const parts = phrase.toLowerCase().split(/[\s-]+/u);
  const values = parts.map((part) => (part === 'oh' ? 0 : readNumber(part)));
  return values.every((v) => v !== undefined) ? values.reduce((a, b) => a! + b!, 0) : undefined;
};

/** Hedges between "at" and the hour in speech: "at like three fifteen", "в где-то десять тридцать". */
const HEDGE = '(?:like|about|around|roughly|примерно|где-то|около)';
/** A whole message that is only an hour and its minutes in words: the answer "ten thirty". */
const ONLY_SPOKEN_TIME = new RegExp(
  `^\\s*(${HOUR_NUMBER})\\s+(${MINUTE_WORD})\\s*[.!]?\\s*$`,
  'iu',
);

const REWRITES: [RegExp, (...groups: string[]) => string | undefined][] = [
  // "в 19 30" (typed by voice): 19:30
  [
    new RegExp(
      `${B}(в|во|at|к)\\s+([01]?\\d|2[0-3])\\s+([0-5]\\d)${E}(?!\\s*(?:мин|мину|min|руб|км|kg|кг|%))`,
      'giu',
    ),
    (at, hour, minute) => `${at} ${hour}:${minute}`,
  ],
  [
    new RegExp(
      `${B}(?:(двадцать|тридцать)\\s+)?(${DAY_ORDINALS.join('|')}|тридцатого)\\s+числа${E}`,
      'giu',
    ),
    (tens, word) => {
      const day = /^тридцатого$/iu.test(word!) ? 30 : dayOrdinal(tens, word!);
      return day && day <= 31 ? `${day} числа` : undefined;
    },
  ],
  // "в десять тридцать", "at ten thirty", "at 7 fifteen": hour and minutes said as words
  [
    new RegExp(
      `${B}(в|во|к|на|с|до|at|by|from|to|till|until)(?:\\s+${HEDGE})?\\s+(${HOUR_NUMBER}|1[3-9]|2[0-3])\\s+(${MINUTE_WORD})${E}(?!\\s*(?:мин|min|руб|км|%))`,
      'giu',
    ),
    (at, hour, minutes) => {
      const h = numberOf(hour!);
      const m = minutesOf(minutes!);
      if (h === undefined || m === undefined || h > 23) return undefined;
      return `${at} ${h}:${pad(m)}`;
    },
  ],
  // "pottery class three thirty friday": both said as words, without "at" (not "3 thirty")
  [
    new RegExp(
      `${B}(?=\\p{L})(${HOUR_NUMBER})\\s+(fifteen|thirty|forty[\\s-]five|пятнадцать|тридцать|сорок\\s+пять)${E}(?!\\s*(?:-|мин|min|руб|км|%|\\p{L}+\\s+(?:minutes?|mins?|people|dollars|bucks)))`,
      'giu',
    ),
    (hour, minutes) => {
      const h = numberOf(hour!);
      const m = minutesOf(minutes!);
      if (h === undefined || m === undefined) return undefined;
      return `${/\p{Script=Cyrillic}/u.test(hour!) ? 'в' : 'at'} ${h}:${pad(m)}`;
    },
  ],
  [
    ONLY_SPOKEN_TIME,
    (hour, minutes) => {
      const h = numberOf(hour!);
      const m = minutesOf(minutes!);
      return h === undefined || m === undefined || h > 23 ? undefined : `${h}:${pad(m)}`;
    },
  ],
  // "с 21 до 24 декабря": days of a month, said like "с 21 по 24 декабря" (no deadline "до")
  [
    new RegExp(`${B}(с|со)\\s+(\\d{1,2})\\s+до\\s+(\\d{1,2}\\s*${MONTH_WORD})`, 'giu'),
    (from, first, last) => `${from} ${first} по ${last}`,
  ],
  // "9pm to midnight", "с 21 до полуночи": a range ending at midnight or noon, in digits
  [
    new RegExp(
      `(?<=\\d\\s*(?:[ap]\\.?m\\.?|утра|дня|вечера|ночи)?\\s+)(to|till|until|до|-|–)\\s+(midnight|полуночи|noon|полудня)${E}`,
      'giu',
    ),
    (to, end) => `${to} ${/^(?:midnight|полуночи)$/iu.test(end!) ? '0:00' : '12:00'}`,
  ],
  // "к одиннадцати (часам)", "с восьми до десяти": the hour in digits
  [
    new RegExp(
      `${B}${AFTER_LENGTH_VERB}(с|со|до|к|от|после|около)\\s+(${OBLIQUE})(?:\\s+час(?:ам|ов|а)?)?${E}(?!${COUNTED})`,
      'giu',
    ),
    (at, hour) => `${at} ${obliqueHour(hour!)}`,
  ],
  // "полвосьмого", "в полвосьмого", "до полпятого": half past the hour before
  [
    new RegExp(`${B}(?:(в|во|с|со|до|к|от|после|около)\\s+)?пол[-\\s]?(${ORDINAL})${E}`, 'giu'),
    (at, hour) => `${at ?? 'в'} ${ordinalHour(hour!) - 1 || 12}:30`,
  ],
  // "без пятнадцати восемь", "без четверти 8", "без 10 семь"
  [
    new RegExp(`${B}(в\\s+)?без\\s+(четверти|[\\p{L}\\d]+)\\s+([\\p{L}\\d]+)${E}`, 'giu'),
    (_at, minutes, hour) => {
      const before = /^четверти$/iu.test(minutes!) ? 15 : numberOf(minutes!);
      const h = numberOf(hour!);
      if (before === undefined || h === undefined || before <= 0 || before >= 60) return undefined;
      if (h < 1 || h > 24) return undefined;
      return `в ${h - 1}:${pad(60 - before)}`;
    },
  ],
  // "half past six", "quarter past 7", "quarter to seven", "20 to 8"
  [
    new RegExp(
      `${B}(?<![:.])(half|(?:a\\s+)?quarter|[\\p{L}\\d]+)\\s+(past|to)\\s+([\\p{L}\\d]+)${E}(?![:.]\\d)`,
      'giu',
    ),
    (amount, direction, hour) => {
      const word = amount!.toLowerCase();
      const minutes = word === 'half' ? 30 : word.endsWith('quarter') ? 15 : numberOf(word);
      const h = numberOf(hour!);
      if (minutes === undefined || h === undefined || h < 1 || h > 12) return undefined;
      if (minutes <= 0 || minutes >= 60) return undefined;
      // "10 to 12", "9 to 5" in digits is a range of hours, not ten minutes to twelve.
      if (/^\d+$/u.test(word) && /^\d+$/u.test(hour!) && minutes <= 12) return undefined;
      if (direction!.toLowerCase() === 'past') return `${h}:${pad(minutes)}`;
      return `${h - 1 || 12}:${pad(60 - minutes)}`;
    },
  ],
];

/** The text with spoken times in digits; anything it does not recognise is left as it was. */
export function rewriteSpokenTimes(text: string): string {
  let out = text;
  for (const [pattern, rewrite] of REWRITES) {
    out = out.replace(pattern, (whole, ...groups: string[]) => rewrite(...groups) ?? whole);
  }
  out = hoursAsClockTime(out);
  // "23го", "23-го" without "числа": the day of the month.
  return out.replace(
    /(?<![\p{L}\p{N}_:.])(\d{1,2})-?(?:го|ого)(?![\p{L}\p{N}_])(?!\s+числа)/giu,
    '$1 числа',
  );
}

/** A clock time already said elsewhere ("в 10", "at 7pm", "15:30"). */
const CLOCK_SAID = /\d:\d\d|(?:^|\s)(?:в|во|at|к|с|со|from)\s+\d|\d\s*(?:am|pm)\b/iu;
/** "на одиннадцать часов": nobody books nine to twelve hours with "на", so it is the hour. */
const LATE_HOURS = new RegExp(
  `${B}на\\s+(девять|десять|одиннадцать|двенадцать|9|10|11|12)\\s+час(?:ов|а)?${E}(?!\\s*(?:дня|утра|вечера|ночи|позже|раньше|вперед|назад))`,
  'iu',
);

function hoursAsClockTime(text: string): string {
  const match = LATE_HOURS.exec(text);
  if (!match) return text;
  const rest = text.slice(0, match.index) + text.slice(match.index + match[0].length);
  if (CLOCK_SAID.test(rest)) return text;
  return text.replace(LATE_HOURS, (_whole, hour: string) => `в ${numberOf(hour)}:00`);
}
