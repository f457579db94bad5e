/** Per-kind examples the offline SMART review suggests and writes into a rewritten goal. */
import type { AssistantLanguage } from '../intent.types.js';
import { addDays, type LocalDate } from '../offline/local-time.js';
import { type Domain, DOMAIN_PHRASES } from './offline-domain.js';
import type { GoalFacts } from './offline-goal-facts.js';
import type { GoalKind } from './offline-goal-kind.js';
import type { Measure } from './offline-measures.js';

interface Phrases {
  ru: string;
  en: string;
}

/**
 * What to add to a goal with no measure, as a suffix of its title: a concrete result, never a
 * placeholder. Empty when nothing concrete fits (the review then asks for the measure).
 */
const MEASURE_SUFFIX: Record<GoalKind, Phrases | ((core: string) => Phrases | undefined)> = {
  language: { ru: ' до уровня B1', en: ' to B1 level' },
  running: { ru: ' — 5 км без остановки', en: ' — 5 km without stopping' },
  fitness: { ru: ' — 3 тренировки в неделю', en: ' — 3 workouts a week' },
  'weight-loss': { ru: ' на 5 кг', en: ' by 5 kg' },
  reading: { ru: ' — 12 книг', en: ' — 12 books' },
  saving: { ru: ' — запас на 3 месяца расходов', en: ' — three months of expenses' },
  study: { ru: ' с первой попытки', en: ' on the first attempt' },
  writing: { ru: ' — первый черновик целиком', en: ' — a complete first draft' },
  career: (core) => {
    if (JOB.test(core)) return { ru: ' — оффер на новую должность', en: ' — a job offer' };
    if (LAUNCH.test(core)) {
      return { ru: ' — первые 10 пользователей', en: ' — the first 10 users' };
    }
    if (PROMOTION.test(core)) {
      return { ru: ' — новая должность и оклад', en: ' — a new title and salary' };
    }
    return undefined;
  },
  habit: { ru: ' — каждый день 30 дней подряд', en: ' — every day for 30 days in a row' },
  generic: () => undefined,
};

const JOB = /работ|ваканси|оффер|job|offer|hired/iu;
const LAUNCH = /запуст|запуск|стартап|сайт|приложени|сервис|launch|startup|site|app|product/iu;
const PROMOTION = /повышени|должност|promot|raise/iu;

/** The measure suffix for a goal of this kind and core, or '' when none fits. */
export function measureSuffix(
  kind: GoalKind,
  core: string,
  language: AssistantLanguage,
  domain?: Domain,
): string {
  const entry = domain ? DOMAIN_PHRASES[domain.name].measureSuffix : MEASURE_SUFFIX[kind];
  const phrases = typeof entry === 'function' ? entry(core) : entry;
  return phrases ? phrases[language] : '';
}

/** An example of a measure, for a suggestion. */
export const MEASURE_EXAMPLE: Record<GoalKind, Phrases> = {
  language: { ru: 'уровень B1 или 1 000 новых слов', en: 'level B1 or 1,000 new words' },
  running: { ru: '5 км без остановки', en: '5 km without stopping' },
  fitness: {
    ru: '3 тренировки в неделю или 30 отжиманий подряд',
    en: '3 workouts a week or 30 push-ups in a row',
  },
  'weight-loss': { ru: 'минус 5 кг', en: 'minus 5 kg' },
  reading: { ru: '12 книг за год', en: '12 books a year' },
  saving: { ru: 'точную сумму, например 150 000 ₽', en: 'the exact amount, for example $3,000' },
  study: { ru: 'нужный балл или оценку', en: 'the score or grade you need' },
  writing: {
    ru: 'число страниц, глав или готовый черновик',
    en: 'a page or chapter count, or a finished draft',
  },
  career: {
    ru: 'оффер, число клиентов или выручку',
    en: 'a job offer, a number of clients or revenue',
  },
  habit: { ru: '30 дней подряд', en: '30 days in a row' },
  generic: { ru: 'число, по которому видно результат', en: 'a number that shows the result' },
};

/** How many weeks a goal like this usually takes when nothing else is known. */
export const DEFAULT_WEEKS: Record<GoalKind, number> = {
  language: 26,
  running: 12,
  fitness: 12,
  'weight-loss': 12,
  reading: 26,
  saving: 52,
  study: 12,
  writing: 26,
  career: 12,
  habit: 5,
  generic: 12,
};

/** Weeks of regular work per CEFR level reached (A1…C2), for someone not starting from zero. */
const LEVEL_WEEKS = [0, 6, 12, 20, 30, 45, 60];

/**
 * How many weeks the measured result usually takes at a sustainable pace, when that is
 * known: a distance to run, kilograms to lose, books or pages to read, words, a level.
 */
export function typicalWeeks(
  kind: GoalKind,
  measure: Measure | undefined,
  language: AssistantLanguage = 'ru',
): number | undefined {
  if (!measure?.hasUnit) return undefined;
  const { amount, text } = measure;
  switch (measure.kind) {
    case 'distance': {
      if (kind !== 'running' && kind !== 'fitness' && kind !== 'generic') return undefined;
      const km = /mile|мил/iu.test(text) ? amount * 1.6 : amount;
      return Math.min(Math.max(km * 0.8, 3), 40);
    }
    case 'weight':
      if (kind !== 'weight-loss') return undefined;
      return /lb|pound|фунт/iu.test(text) ? amount / 1.6 : amount / 0.75;
    case 'books':
      return amount;
    case 'pages':
      return amount / 50 / 7;
    case 'words':
      return kind === 'language' ? amount / 15 / 7 : amount / 700 / 7;
    case 'money':
      if (kind !== 'saving') return undefined;
      return (measure.amount / CURRENCIES[currencyOf(text, language)].monthly) * WEEKS_PER_MONTH;
    case 'level':
      // Only CEFR levels ("B2"); an exam score ("IELTS 7") says nothing about the pace.
      if (kind !== 'language' || !/^(?:dele\s*)?[abcавс][12]$/iu.test(text)) return undefined;
      return LEVEL_WEEKS[amount];
    default:
      return undefined;
  }
}

const WEEKS_PER_MONTH = 4.35;

type Currency = 'USD' | 'EUR' | 'GBP' | 'KZT' | 'UAH' | 'RUB';

/**
 * What a person can usually put aside in a month, by currency: about a fifth of a typical
 * take-home pay. Rough on purpose: it only has to tell "$5000 in 3 weeks" from a plan.
 */
const CURRENCIES: Record<Currency, { pattern: RegExp; monthly: number; sign: string }> = {
  USD: { pattern: /\$|долл|dollar|usd/iu, monthly: 800, sign: '$' },
  EUR: { pattern: /€|евро|eur/iu, monthly: 700, sign: '€' },
  GBP: { pattern: /£|gbp|фунт|pound/iu, monthly: 600, sign: '£' },
  KZT: { pattern: /тенге|kzt|₸/iu, monthly: 80_000, sign: '₸' },
  UAH: { pattern: /грн|uah|₴/iu, monthly: 6_000, sign: '₴' },
  RUB: { pattern: /₽|руб|rub|р\./iu, monthly: 20_000, sign: '₽' },
};

/** The currency a sum is written in; a bare number is in the title language's usual one. */
function currencyOf(text: string, language: AssistantLanguage): Currency {
  const named = (Object.keys(CURRENCIES) as Currency[]).find((c) =>
    CURRENCIES[c].pattern.test(text),
  );
  return named ?? (language === 'en' ? 'USD' : 'RUB');
}

/** A sum that can usually be saved in `days`, rounded to a tidy figure. */
export function savableIn(days: number, measureText: string, language: AssistantLanguage): number {
  const raw = (CURRENCIES[currencyOf(measureText, language)].monthly * days) / 30.4;
  const step = raw >= 100_000 ? 10_000 : raw >= 10_000 ? 1_000 : raw >= 1_000 ? 100 : 50;
  return Math.max(step, Math.round(raw / step) * step);
}

/** "$1,200" / "1 200 ₽", in the currency of `measureText`. */
export function formatMoney(
  amount: number,
  measureText: string,
  titleLanguage: AssistantLanguage,
  language: AssistantLanguage,
): string {
  const currency = currencyOf(measureText, titleLanguage);
  const digits = Math.round(amount)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/gu, language === 'en' ? ',' : '\u00a0');
  const { sign } = CURRENCIES[currency];
  return currency === 'RUB' || currency === 'KZT' || currency === 'UAH'
    ? `${digits}\u00a0${sign}`
    : `${sign}${digits}`;
}

/** Weeks a goal usually takes: from its measure, else from its domain and level. */
export function neededWeeks(f: GoalFacts): number | undefined {
  const typical = typicalWeeks(f.kind, f.measure, f.titleLanguage);
  if (typical !== undefined) return Math.max(1, Math.round(typical));
  return f.domain ? DOMAIN_PHRASES[f.domain.name].weeks[f.domain.level] : undefined;
}

/**
 * The one date the review suggests (in its comments, suggestions and rewritten goal): the
 * goal's own deadline when it leaves enough time, else today plus the usual time it takes.
 */
export function suggestedDeadline(f: GoalFacts): LocalDate {
  const need = neededWeeks(f);
  const needDays = need === undefined ? undefined : need * 7;
  const own = f.deadline && (f.daysLeft ?? 0) > 0 ? f.deadline.date : undefined;
  if (own && (needDays === undefined || (f.daysLeft ?? 0) >= needDays * 0.6)) return own;
  return addDays(f.today, needDays ?? DEFAULT_WEEKS[f.kind] * 7);
}
