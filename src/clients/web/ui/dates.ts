/** Calendar days as "YYYY-MM-DD" in the user's timezone (not the browser's). */
export function dayKey(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Monday of the day's week. */
export function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

export const timeIn = (date: Date, timeZone: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(date);

/** "декабрь" → "Декабрь": only the first letter (CSS capitalize also made "7 Декабря"). */
export const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const utcDate = (day: string) => new Date(`${day}T00:00:00Z`);

export const dayTitle = (day: string, locale: string, long = false) =>
  capitalised(
    new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      weekday: 'short',
      day: 'numeric',
      ...(long ? { month: 'long' } : {}),
    }).format(utcDate(day)),
  );

/** "Неделя 7–13 декабря 2026 г." / "Week Dec 7 – 13, 2026", or "Декабрь 2026 г." for a month. */
export function calendarTitle(days: string[], monthOf: string, locale: string, week: string) {
  if (days.length === 7) {
    const range = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).formatRange(utcDate(days[0]!), utcDate(days[6]!));
    return `${week} ${range}`;
  }
  const format = new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    month: 'long',
    year: 'numeric',
  });
  return capitalised(format.format(utcDate(`${monthOf}-01`)));
}
