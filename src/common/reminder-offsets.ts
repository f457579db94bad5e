import { defineTexts, type Lang } from './texts.js';

/** The offsets a person picks from (minutes before the start), shown as presets in chat. */
export const REMINDER_PRESETS = [0, 5, 15, 30, 60, 1440] as const;

const TEXTS = defineTexts({
  ru: {
    atStart: 'в момент начала',
    before: (amount: string) => `за ${amount}`,
    minutes: (n: number) => `${n} мин`,
    hours: (n: number) => `${n} ч`,
    days: (n: number) => (n === 1 ? 'день' : `${n} ${n < 5 ? 'дня' : 'дней'}`),
    none: 'без напоминания',
    and: ' и ',
  },
  en: {
    atStart: 'at the start',
    before: (amount: string) => `${amount} before`,
    minutes: (n: number) => `${n} min`,
    hours: (n: number) => `${n} h`,
    days: (n: number) => (n === 1 ? '1 day' : `${n} days`),
    none: 'no reminder',
    and: ' and ',
  },
});

/** "за 15 мин", "за 1 ч 30 мин", "за день", "в момент начала" / "15 min before"… */
export function offsetLabel(minutes: number, lang: Lang): string {
  const t = TEXTS[lang];
  if (minutes === 0) return t.atStart;
  if (minutes % 1440 === 0) return t.before(t.days(minutes / 1440));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const amount = [hours ? t.hours(hours) : '', rest ? t.minutes(rest) : ''].filter(Boolean);
  return t.before(amount.join(' '));
}

/** Every offset of an event, nearest to the start last: "за день и за 15 мин". */
export function offsetsLabel(minutes: readonly number[], lang: Lang): string {
  if (minutes.length === 0) return TEXTS[lang].none;
  return [...minutes]
    .sort((a, b) => b - a)
    .map((m) => offsetLabel(m, lang))
    .join(TEXTS[lang].and);
}
