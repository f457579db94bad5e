import { defineTexts, type Lang } from './texts.js';

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

const TEXTS = defineTexts({
  ru: {
    days: ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'],
    every: {
      DAILY: (n: number) => (n === 1 ? 'каждый день' : `раз в ${n} дн.`),
      WEEKLY: (n: number) => (n === 1 ? 'каждую неделю' : `раз в ${n} нед.`),
      MONTHLY: (n: number) => (n === 1 ? 'каждый месяц' : `раз в ${n} мес.`),
      YEARLY: (n: number) => (n === 1 ? 'каждый год' : `раз в ${n} г.`),
    } as Record<string, (n: number) => string>,
    weekdays: 'по будням',
    onDays: (days: string) => `по ${days}`,
    times: (n: number) =>
      `, ${n} ${[2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100) ? 'раза' : 'раз'}`,
  },
  en: {
    days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    every: {
      DAILY: (n: number) => (n === 1 ? 'every day' : `every ${n} days`),
      WEEKLY: (n: number) => (n === 1 ? 'every week' : `every ${n} weeks`),
      MONTHLY: (n: number) => (n === 1 ? 'every month' : `every ${n} months`),
      YEARLY: (n: number) => (n === 1 ? 'every year' : `every ${n} years`),
    } as Record<string, (n: number) => string>,
    weekdays: 'every weekday',
    onDays: (days: string) => `on ${days}`,
    times: (n: number) => `, ${n} times`,
  },
});

/**
 * An RRULE as people say it: "каждую неделю, по вт, чт", "по будням", "every 2 days, 5 times" /
 * … ; a rule it cannot say (BYSETPOS and the like) stays as written, never a wrong guess.
 */
export function recurrenceLabel(rule: string, lang: Lang): string {
  const t = TEXTS[lang];
  const parts = new Map(
    rule
      .replace(/^RRULE:/u, '')
      .split(';')
      .map((part) => part.split('=') as [string, string]),
  );
  const every = t.every[parts.get('FREQ') ?? ''];
  const known = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'COUNT', 'UNTIL', 'WKST']);
  if (!every || [...parts.keys()].some((key) => !known.has(key))) return rule;
  const interval = Number(parts.get('INTERVAL') ?? 1) || 1;
  const days = (parts.get('BYDAY') ?? '').split(',').filter(Boolean);
  if (days.some((day) => !DAYS.includes(day))) return rule;
  const sorted = [...days].sort((a, b) => DAYS.indexOf(a) - DAYS.indexOf(b));
  let label: string;
  if (sorted.join() === 'MO,TU,WE,TH,FR' && interval === 1) label = t.weekdays;
  else if (sorted.length) {
    const names = t.onDays(sorted.map((day) => t.days[DAYS.indexOf(day)]).join(', '));
    label =
      interval === 1 && parts.get('FREQ') === 'WEEKLY' ? names : `${every(interval)}, ${names}`;
  } else label = every(interval);
  const count = Number(parts.get('COUNT'));
  return count > 0 ? `${label}${t.times(count)}` : label;
}
