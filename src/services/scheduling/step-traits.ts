/**
 * What the scheduler reads from a step's title and if-then cue (RU and EN): the time the cue
 * names ("если вторник 19:00…", "if it's Tuesday 19:00…"), repeated practice ("каждый день",
 * "2 раза в неделю", "3 times a week") and whether the step is one session that must not be
 * split (a test run, an exam, a race, an interview).
 */

export interface CueTime {
  /** ISO weekday 1…7 when the cue names one. */
  weekday?: number;
  /** Minutes after local midnight. */
  minute: number;
}

export interface Repeat {
  /** Sessions a week; 7 = every day. */
  perWeek: number;
}

export interface StepTraits {
  cue?: CueTime;
  repeat?: Repeat;
  session: boolean;
}

// JavaScript's \b knows only ASCII letters: Cyrillic words are bounded by lookarounds.
const WEEKDAY_WORDS: [RegExp, number][] = [
  [/понедельник\p{L}*|\bmon(?:day)?s?\b/iu, 1],
  [/вторник\p{L}*|\btue(?:s(?:day)?)?s?\b/iu, 2],
  [/(?<!\p{L})сред[аеуы](?!\p{L})|\bwed(?:nesday)?s?\b/iu, 3],
  [/четверг\p{L}*|\bthu(?:rs(?:day)?)?s?\b/iu, 4],
  [/пятниц\p{L}*|\bfri(?:day)?s?\b/iu, 5],
  [/суббот\p{L}*|\bsat(?:urday)?s?\b/iu, 6],
  [/воскресень\p{L}*|\bsun(?:day)?s?\b/iu, 7],
];

const TIME = /(?<![\d:.])([01]?\d|2[0-3])[:.]([0-5]\d)(?![\d:])/u;

const NUMBER_WORDS: Record<string, number> = {
  один: 1,
  одного: 1,
  два: 2,
  двух: 2,
  три: 3,
  трёх: 3,
  трех: 3,
  четыре: 4,
  пять: 5,
  шесть: 6,
  once: 1,
  one: 1,
  two: 2,
  twice: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
};
const COUNT = `(\\d|${Object.keys(NUMBER_WORDS).join('|')})`;
const TIMES_A_WEEK = new RegExp(
  `${COUNT}\\s*(?:раз\\p{L}*\\s+(?:в|за)\\s+недел\\p{L}*|times?\\s+(?:a|per|each)\\s+week)|(twice|once)\\s+(?:a|per)\\s+week`,
  'iu',
);
// "15 слов в день", "20 pages a day" (a number first: "в день зарплаты" is a date, not a pace).
const DAILY =
  /кажд\p{L}*\s+(?:день|утро|вечер)|ежедневн\p{L}*|\d+\s+\p{L}+\s+в\s+день|every\s+(?:day|morning|evening|night)|each\s+day|daily|\d+\s+\p{L}+\s+(?:a|per)\s+day/iu;
const WEEKLY = /еженедельн\p{L}*|кажд\p{L}*\s+неделю|weekly|every\s+week/iu;
const WEEKDAYS_ONLY = /по\s+будням|on\s+weekdays|every\s+weekday/iu;
const EVERY_WEEKDAY =
  /кажд\p{L}*\s+(понедельник|вторник|сред\p{L}|четверг|пятниц\p{L}|суббот\p{L}|воскресень\p{L})|every\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)/iu;
const SESSION =
  /тест\p{L}*|экзамен\p{L}*|пробн\p{L}*\s+(?:вариант|экзамен|тест|забег)|вариант\s+на\s+время|забег\p{L}*|соревновани\p{L}*|собеседовани\p{L}*|выступлени\p{L}*|концерт\p{L}*|марафон\p{L}*|\btests?\b|exam\p{L}*|mock|\brace\b|interview\p{L}*|presentation|recital|performance|marathon/iu;

function weekdayIn(text: string): number | undefined {
  for (const [pattern, day] of WEEKDAY_WORDS) if (pattern.test(text)) return day;
  return undefined;
}

/** The weekday and time a cue names; only when it names a clock time ("19:00", "8.15"). */
export function cueTime(cue: string | null | undefined): CueTime | undefined {
  if (!cue) return undefined;
  const time = TIME.exec(cue);
  if (!time) return undefined;
  const minute = Number(time[1]) * 60 + Number(time[2]);
  const weekday = weekdayIn(cue);
  return weekday === undefined ? { minute } : { weekday, minute };
}

/** Repeated practice named in the title or the cue, if any. */
export function repeatOf(text: string): Repeat | undefined {
  const week = TIMES_A_WEEK.exec(text);
  if (week) {
    const word = (week[1] ?? week[2] ?? '').toLowerCase();
    const count = /^\d$/.test(word) ? Number(word) : (NUMBER_WORDS[word] ?? 1);
    if (count >= 1 && count <= 7) return { perWeek: count };
  }
  if (WEEKDAYS_ONLY.test(text)) return { perWeek: 5 };
  if (DAILY.test(text)) return { perWeek: 7 };
  if (EVERY_WEEKDAY.test(text) || WEEKLY.test(text)) return { perWeek: 1 };
  return undefined;
}

export function stepTraits(title: string, cue?: string | null): StepTraits {
  const time = cueTime(cue);
  const repeat = repeatOf(`${title} ${cue ?? ''}`);
  // A repeated practice is many sessions, not one to keep whole.
  const session = !repeat && SESSION.test(title);
  return { ...(time ? { cue: time } : {}), ...(repeat ? { repeat } : {}), session };
}
