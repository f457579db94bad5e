import { DateTime } from 'luxon';
import type { Lang, Texts } from './texts.js';

/** "2ч", "30 мин", "1ч 30м" / "2h", "30 min", "1h 30m". */
export function duration(minutes: number, lang: Lang): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const [h, m, min] = lang === 'ru' ? ['ч', 'м', 'мин'] : ['h', 'm', 'min'];
  if (hours === 0) return `${rest} ${min}`;
  return rest === 0 ? `${hours}${h}` : `${hours}${h} ${rest}${m}`;
}

/** "Понедельник, 11.11" / "Monday, 11/11" style day heading, in the user's timezone. */
export function dayHeading(day: DateTime, t: Texts): string {
  const weekday = t.weekdays[day.weekday - 1] ?? '';
  return `━━━ ${weekday}, ${day.toFormat('dd.MM')} ━━━`;
}

export function localDate(isoDate: string): string {
  return DateTime.fromISO(isoDate).toFormat('dd.MM.yyyy');
}

export function localTime(instant: string, timezone: string): string {
  return DateTime.fromISO(instant, { zone: timezone }).toFormat('HH:mm');
}

/** Today's date (YYYY-MM-DD) where the user is. */
export function todayIn(timezone: string): string {
  return DateTime.now().setZone(timezone).toISODate() ?? '';
}
