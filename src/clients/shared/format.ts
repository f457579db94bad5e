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

/** "сегодня в 19:00", "завтра в 09:00", "пт 11.12 в 09:00" / "today at 19:00"… where the user is. */
export function whenLabel(instant: string, timezone: string, t: Texts, lang: Lang): string {
  const local = DateTime.fromISO(instant, { zone: timezone }).setLocale(lang);
  const today = DateTime.now().setZone(timezone).startOf('day');
  const days = Math.round(local.startOf('day').diff(today, 'days').days);
  const time = local.toFormat('HH:mm');
  if (days === 0) return t.whenToday(time);
  if (days === 1) return t.whenTomorrow(time);
  return t.whenDay(local.toFormat(lang === 'ru' ? 'ccc dd.MM' : 'ccc MM/dd'), time);
}

/** "11.12 18:00" where the user is. */
export function shortWhen(instant: string, timezone: string): string {
  return DateTime.fromISO(instant, { zone: timezone }).toFormat('dd.MM HH:mm');
}
