import type { Lang } from './texts.js';

/** Russian plural forms: 1 день, 2 дня, 5 дней, 21 день. */
export function pluralRu(count: number, one: string, few: string, many: string): string {
  const tens = count % 100;
  const units = count % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
}

/**
 * "🔥 12 дней подряд", "🔥 12 days in a row": a habit's current streak, worded the same in
 * its reminder and in the bot's answer to a check-in.
 */
export function streakLine(days: number, language: Lang): string {
  return language === 'ru'
    ? `🔥 ${days} ${pluralRu(days, 'день', 'дня', 'дней')} подряд`
    : `🔥 ${days} day${days === 1 ? '' : 's'} in a row`;
}
