/** Per-kind examples the offline SMART review suggests and writes into a rewritten goal. */
import type { GoalKind } from './offline-goal-kind.js';
import type { Measure } from './offline-measures.js';

interface Phrases {
  ru: string;
  en: string;
}

/** What to add to a goal with no measure, as a suffix of its title. */
export const MEASURE_SUFFIX: Record<GoalKind, Phrases> = {
  language: { ru: ' до уровня B1', en: ' to B1 level' },
  running: { ru: ' — 5 км без остановки', en: ' — 5 km without stopping' },
  fitness: { ru: ' — 3 тренировки в неделю', en: ' — 3 workouts a week' },
  'weight-loss': { ru: ' на 5 кг', en: ' by 5 kg' },
  reading: { ru: ' — 12 книг', en: ' — 12 books' },
  saving: { ru: ' — [сумма] ₽', en: ' — [amount]' },
  study: { ru: ' — на [нужный балл]', en: ' with a score of [target]' },
  writing: { ru: ' — первый черновик целиком', en: ' — a complete first draft' },
  career: { ru: ' — [измеримый результат]', en: ' — [a measurable result]' },
  habit: { ru: ' — каждый день 30 дней подряд', en: ' — every day for 30 days in a row' },
  generic: { ru: ': [конкретный результат с числом]', en: ': [a concrete result with a number]' },
};

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
  saving: { ru: 'точную сумму в рублях', en: 'the exact amount' },
  study: { ru: 'нужный балл или оценку', en: 'the score or grade you need' },
  writing: {
    ru: 'число страниц, глав или готовый черновик',
    en: 'a page or chapter count, or a finished draft',
  },
  career: {
    ru: 'число клиентов, выручку или дату запуска',
    en: 'a number of clients, revenue or a launch date',
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
export function typicalWeeks(kind: GoalKind, measure: Measure | undefined): number | undefined {
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
    case 'level':
      // Only CEFR levels ("B2"); an exam score ("IELTS 7") says nothing about the pace.
      if (kind !== 'language' || !/^(?:dele\s*)?[abcавс][12]$/iu.test(text)) return undefined;
      return LEVEL_WEEKS[amount];
    default:
      return undefined;
  }
}
