/** Words for weekdays, months and parts of the day, Russian and English, normalised. */

/** ISO weekday numbers: Monday 1 … Sunday 7. */
export const RRULE_DAYS = ['', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** Every case form, singular and plural, of each weekday; index = ISO weekday. */
const WEEKDAY_FORMS: readonly string[] = [
  '',
  'понедельник(?:а|у|ом|е|и|ам|ами|ах)?|пн|mondays?|mon',
  'вторник(?:а|у|ом|е|и|ам|ами|ах)?|вт|tuesdays?|tues?',
  'сред(?:а|у|ы|е|ой|ам|ами|ах)|ср|wednesdays?|wed',
  'четверг(?:а|у|ом|е|и|ам|ами|ах)?|чт|thursdays?|thu(?:rs?)?',
  'пятниц(?:а|у|ы|е|ей|ам|ами|ах)|пт|fridays?|fri',
  'суббот(?:а|у|ы|е|ой|ам|ами|ах)|сб|saturdays?|sat',
  'воскресень(?:е|я|ю|ем|ям|ями|ях)|вс|sundays?|sun',
];

/** Any weekday word: captured, and not captured. */
export const WEEKDAY = `(${WEEKDAY_FORMS.slice(1).join('|')})`;
export const WEEKDAY_WORD = `(?:${WEEKDAY_FORMS.slice(1).join('|')})`;

/** The ISO weekday of a word matched by `WEEKDAY`. */
export function weekdayOf(word: string): number | undefined {
  const index = WEEKDAY_FORMS.findIndex(
    (forms, i) => i > 0 && new RegExp(`^(?:${forms})$`, 'iu').test(word),
  );
  return index > 0 ? index : undefined;
}

/** Short names that are also ordinary words ("sat", "sun"): a weekday only after "on", "в"… */
export function isBareAbbreviation(word: string): boolean {
  return /^(?:пн|вт|ср|чт|пт|сб|вс|mon|tues?|wed|thu|thurs?|fri|sat|sun)$/u.test(word);
}

/** Plural forms read as "on every such day": "по понедельникам", "on Mondays". */
export function isPluralWeekday(word: string): boolean {
  return /(?:ам|ами|ах|days)$/u.test(word);
}

const MONTH_FORMS: readonly string[] = [
  '',
  'январ[ьяюе]|january|jan',
  'феврал[ьяюе]|february|feb',
  'март[аеу]?|march|mar',
  'апрел[ьяюе]|april|apr',
  'ма[йяюе]|may',
  'июн[ьяюе]|june|jun',
  'июл[ьяюе]|july|jul',
  'август[аеу]?|august|aug',
  'сентябр[ьяюе]|september|sept?',
  'октябр[ьяюе]|october|oct',
  'ноябр[ьяюе]|november|nov',
  'декабр[ьяюе]|december|dec',
];

/** Any month word: captured, and not captured. */
export const MONTH = `(${MONTH_FORMS.slice(1).join('|')})`;
export const MONTH_WORD = `(?:${MONTH_FORMS.slice(1).join('|')})`;

export function monthOf(word: string): number | undefined {
  const index = MONTH_FORMS.findIndex(
    (forms, i) => i > 0 && new RegExp(`^(?:${forms})$`, 'iu').test(word),
  );
  return index > 0 ? index : undefined;
}

export type PartOfDay = 'morning' | 'afternoon' | 'evening' | 'night';

/** The time assumed for a part of the day said without an hour. */
export const PART_OF_DAY_HOUR: Record<PartOfDay, number> = {
  morning: 9,
  afternoon: 14,
  evening: 19,
  night: 22,
};

export function partOfDayOf(word: string): PartOfDay | undefined {
  if (/^(утр|morning)/u.test(word)) return 'morning';
  if (/^(дн|днем|afternoon)/u.test(word)) return 'afternoon';
  if (/^(вечер|evening|tonight)/u.test(word)) return 'evening';
  if (/^(ноч|night)/u.test(word)) return 'night';
  return undefined;
}

/** Russian weekday names for questions, with their grammatical gender. */
export const RU_WEEKDAY_NAMES: readonly (readonly [string, 'm' | 'f' | 'n'])[] = [
  ['', 'm'],
  ['понедельник', 'm'],
  ['вторник', 'm'],
  ['среда', 'f'],
  ['четверг', 'm'],
  ['пятница', 'f'],
  ['суббота', 'f'],
  ['воскресенье', 'n'],
];

export const EN_WEEKDAY_NAMES = [
  '',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

/** Words that name a unit after a number, so that the number is not an hour ("в 10 км"). */
export const NOT_AN_HOUR_AFTER = `\\s*(?:${MONTH_WORD}|числ|км|кг|м(?![\\p{L}])|раз(?:а|ом)?(?![\\p{L}])|%|лет|год|тысяч|руб|мин|дней|недел|месяц|человек|книг|km|kg|books?|times|percent|years?|months?|weeks?|days?|minutes?|mins?)`;

/** Everyday words for what titles name formally: "курсач" is «курсовая», "пианино" «фортепиано». */
const EVERYDAY_WORDS: [RegExp, string][] = [
  [/(?<![\p{L}])курсач\p{L}*/giu, 'курсовая'],
  [/(?<![\p{L}])дипломк\p{L}*/giu, 'диплом'],
  [/(?<![\p{L}])физр\p{L}*/giu, 'физкультура'],
  [/(?<![\p{L}])универ\p{L}*/giu, 'университет'],
  [/(?<![\p{L}])домашк\p{L}*/giu, 'домашнее задание'],
  [/(?<![\p{L}])англ(?![\p{L}])/giu, 'английский'],
  [/(?<![\p{L}])пианино(?![\p{L}])/giu, 'фортепиано'],
  [/(?<![\p{L}])(?:piano|пиано)(?![\p{L}])/giu, 'фортепиано piano'],
  [/(?<![\p{L}])инглиш\p{L}*/giu, 'английский english'],
  [/(?<![\p{L}])качалк\p{L}*/giu, 'спортзал gym'],
  [/(?<![\p{L}])(?:бег|бегал\p{L}*|пробежал\p{L}*)(?![\p{L}])/giu, 'пробежка бег run'],
  // "погулял по парку", "подтянулся 12 раз", "ходила с палками": the practice said as a verb.
  [/(?<![\p{L}])(?:по|про|на)?гуля(?:л|ла|ли|лся|лась|лись)(?![\p{L}])/giu, 'прогулка walk'],
  [/(?<![\p{L}])(?:подтянул\p{L}*|подтягивал\p{L}*)/giu, 'подтягивания pull-ups'],
  [/(?<![\p{L}])(?:отжал\p{L}*|отжимал\p{L}*)/giu, 'отжимания push-ups'],
  [/(?<![\p{L}])(?:приседал\p{L}*|присел[аи]?)(?![\p{L}])/giu, 'приседания squats'],
  [/(?<![\p{L}])с\s+палками(?![\p{L}])/giu, 'скандинавская ходьба'],
  // "checked my bp", "мерила давление": blood pressure by its short name.
  [/(?<![\p{L}])bp(?![\p{L}])/giu, 'blood pressure'],
];

const LATIN: Record<string, string> = Object.fromEntries(
  [...'абвгдеёжзийклмнопрстуфхцчшщъыьэюя'].map((letter, i) => [
    letter,
    [
      'a',
      'b',
      'v',
      'g',
      'd',
      'e',
      'e',
      'zh',
      'z',
      'i',
      'y',
      'k',
      'l',
      'm',
      'n',
      'o',
      'p',
      'r',
      's',
      't',
      'u',
      'f',
      'h',
      'ts',
      'ch',
      'sh',
      'sch',
      '',
      'y',
      '',
      'e',
      'yu',
      'ya',
    ][i]!,
  ]),
);

/** "анки" for «Anki», "зум" for «Zoom»: a Cyrillic word as it would be written in Latin. */
const inLatin = (word: string) => [...word.toLowerCase()].map((c) => LATIN[c] ?? c).join('');

/** Only the formal words ("пробежка бег run" for "пробежал сегодня"), to search by them alone. */
export function formalWordsOf(text: string): string {
  return EVERYDAY_WORDS.flatMap(([pattern, formal]) => (text.match(pattern) ? [formal] : [])).join(
    ' ',
  );
}

/** The text with the formal word after each everyday one, for matching against titles. */
export function withFormalWords(text: string): string {
  return EVERYDAY_WORDS.reduce(
    (said, [pattern, formal]) => said.replace(pattern, (word) => `${word} ${formal}`),
    text,
  );
}

/** The Cyrillic words of the text spelled in Latin ("анки" → "anki"). */
export function latinSpellingOf(text: string): string {
  return (text.match(/\p{Script=Cyrillic}{3,}/gu) ?? []).map(inLatin).join(' ');
}

/** "xmas party", "christmas market": the kind of a thing, not the day it is on. */
export const HOLIDAY_AS_KIND =
  '(?!\\s+(?:party|parties|dinner|lunch|drinks|market|fair|concert|show|play|shopping|event|do))';
