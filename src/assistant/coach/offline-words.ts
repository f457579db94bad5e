/** Small language helpers for the offline coach: picking a phrasing, plurals, dates. */
import type { AssistantLanguage } from '../intent.types.js';
import type { LocalDate } from '../offline/local-time.js';

/** The Russian or the English phrasing. */
export function tr(language: AssistantLanguage, ru: string, en: string): string {
  return language === 'en' ? en : ru;
}

/** The Russian word form for `n`: 1 неделя, 2 недели, 5 недель. */
export function ruPlural(n: number, one: string, few: string, many: string): string {
  const abs = Math.abs(Math.trunc(n));
  const tens = abs % 100;
  const units = abs % 10;
  if (!Number.isInteger(n)) return few;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
}

/** "3 недели" / "3 weeks". */
export function countWeeks(n: number, language: AssistantLanguage): string {
  if (language === 'en') return `${n} ${n === 1 ? 'week' : 'weeks'}`;
  return `${n} ${ruPlural(n, 'неделя', 'недели', 'недель')}`;
}

/** After "около": "около 1 недели", "около 4 недель" / "about 4 weeks". */
export function aboutWeeks(n: number, language: AssistantLanguage): string {
  if (language === 'en') return `about ${n} ${n === 1 ? 'week' : 'weeks'}`;
  const one = n % 10 === 1 && n % 100 !== 11;
  return `около ${n} ${one ? 'недели' : 'недель'}`;
}

/** "5 дней" / "5 days". */
export function countDays(n: number, language: AssistantLanguage): string {
  if (language === 'en') return `${n} ${n === 1 ? 'day' : 'days'}`;
  return `${n} ${ruPlural(n, 'день', 'дня', 'дней')}`;
}

const RU_MONTHS = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "1 марта 2027" / "March 1, 2027". */
export function formatDate(date: LocalDate, language: AssistantLanguage): string {
  if (language === 'en') return `${EN_MONTHS[date.month - 1]} ${date.day}, ${date.year}`;
  return `${date.day} ${RU_MONTHS[date.month - 1]} ${date.year}`;
}

/** "42,2" / "42.2"; whole numbers as they are. */
export function formatAmount(n: number, language: AssistantLanguage): string {
  const rounded = Math.round(n * 10) / 10;
  const text = String(rounded);
  return language === 'en' ? text : text.replace('.', ',');
}

/** Cuts a user's phrase to `max` characters on a word boundary. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** «text» / “text”. */
export function quote(text: string, language: AssistantLanguage): string {
  return language === 'en' ? `“${text}”` : `«${text}»`;
}
