/**
 * Measures in a goal's text: a number with a unit ("10 км", "20 kg", "100 000 ₽", "5 книг",
 * "30%"), a language level ("B2", "IELTS 7"), or a number without a unit.
 */
import type { Scanner } from '../offline/text.js';
import { words } from '../offline/text.js';

export type MeasureKind =
  | 'distance'
  | 'weight'
  | 'books'
  | 'pages'
  | 'words'
  | 'money'
  | 'percent'
  | 'level'
  | 'time'
  | 'count';

export interface Measure {
  kind: MeasureKind;
  /** In the unit written (kilometres for distance, as-is for the rest); level: 1 (A1)…6 (C2). */
  amount: number;
  /** As the user wrote it: "10 км", "B2". */
  text: string;
  /** False for a bare number ("3 проекта" is counted, but in what is not said). */
  hasUnit: boolean;
}

const SMALL_NUMBERS: Record<string, number> = {
  один: 1,
  одну: 1,
  одна: 1,
  два: 2,
  две: 2,
  три: 3,
  четыре: 4,
  пять: 5,
  шесть: 6,
  семь: 7,
  восемь: 8,
  девять: 9,
  десять: 10,
  двенадцать: 12,
  двадцать: 20,
  тридцать: 30,
  пятьдесят: 50,
  сто: 100,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  twenty: 20,
  thirty: 30,
  fifty: 50,
  hundred: 100,
};

const AMOUNT = `\\d{1,3}(?:[ \\u00a0\\u202f,]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?|${Object.keys(SMALL_NUMBERS).join('|')}`;
/** "50k", "50к", "50 тыс.", "2 млн": directly after the number, or as a word. */
const MULTIPLIER = '(k|к|\\s*(?:тыс\\.?|тысяч\\p{L}*|thousand|млн|million))?';

const UNITS: [MeasureKind, string][] = [
  ['distance', 'км|километр\\p{L}*|km|kilomet(?:er|re)s?|миль|мили|миля|miles?'],
  ['weight', 'кг|килограмм\\p{L}*|kg|kilos?|kilograms?|lbs?|pounds?|фунт\\p{L}*'],
  ['books', 'книг\\p{L}*|books?|романов|novels?'],
  ['pages', 'стр\\.?|страниц\\p{L}*|pages?'],
  ['words', 'слов|слова|words?'],
  [
    'money',
    '₽|руб\\p{L}*|р\\.|\\$|долл\\p{L}*|dollars?|usd|€|евро|eur|euros?|£|gbp|rub|rubles?|roubles?|тенге|грн',
  ],
  ['percent', '%|процент\\p{L}*|percent'],
  ['time', 'минут\\p{L}*|мин|час(?:а|ов)?|minutes?|mins?|hours?|hrs?'],
  [
    'count',
    'раз|раза|times|отжиман\\p{L}*|подтягиван\\p{L}*|приседани\\p{L}*|push-?ups?|pull-?ups?|squats?|шагов|шага|steps|клиент\\p{L}*|clients?|customers?|пользовател\\p{L}*|users?|подписчик\\p{L}*|followers?|subscribers?|урок\\p{L}*|lessons?|заняти\\p{L}*|глав\\p{L}*|chapters?|стат(?:ей|ьи|ью|ья)|articles?|постов|поста|posts?|задач\\p{L}*|tasks?|балл\\p{L}*|points?|стакан\\p{L}*|glass(?:es)?|cups?|литр\\p{L}*|lit(?:er|re)s?|кругов|laps|тренировок|тренировки|workouts?|проект\\p{L}*|projects?|картин\\p{L}*|paintings?|песен|песни|songs?',
  ],
];

const UNIT_PATTERN = UNITS.map(([, forms]) => `(?:${forms})`).join('|');
const WITH_UNIT = words(`(${AMOUNT})${MULTIPLIER}\\s*(${UNIT_PATTERN})`);
const CURRENCY_FIRST = words(`([$€£₽])\\s*(${AMOUNT})${MULTIPLIER}`);
const LEVEL = words(
  '([abcавс][12])|(?:ielts|айелтс)\\s*(?:на\\s+|band\\s+|of\\s+)?(\\d(?:[.,]5)?)|(?:toefl|тоефл)\\s*(?:на\\s+|of\\s+)?(\\d{2,3})|hsk\\s*([1-9])|jlpt\\s*n([1-5])|dele\\s*([abc][12])',
);
const DISTANCE_WORD = words(
  '(полумарафон\\p{L}*|half[-\\s]marathon|марафон\\p{L}*|marathon|(\\d+)k)',
);
const RUNNING = words(
  '\\p{L}*марафон\\p{L}*|(?:half-)?marathons?|бег\\p{L}*|пробеж\\p{L}*|забег\\p{L}*|run\\p{L}*|race|jog\\p{L}*',
);
const BARE = words(`(${AMOUNT})${MULTIPLIER}`);
const YEAR = /^(?:19|20)\d\d$/u;

function readAmount(text: string, multiplier: string | undefined): number | undefined {
  const clean = text.replace(/[\s\u00a0\u202f]/gu, '');
  let value: number | undefined = SMALL_NUMBERS[clean];
  if (value === undefined) {
    // "1,000" is a thousand, "1,5" one and a half.
    const normal = /,\d{3}(?:\D|$)/u.test(clean) ? clean.replace(/,/gu, '') : clean;
    value = Number(normal.replace(',', '.'));
  }
  if (!Number.isFinite(value)) return undefined;
  const word = multiplier?.trim();
  if (!word) return value;
  if (/^(?:млн|million)$/u.test(word)) return value * 1_000_000;
  return value * 1000;
}

function kindOf(unit: string): MeasureKind {
  for (const [kind, forms] of UNITS) {
    if (new RegExp(`^(?:${forms})$`, 'iu').test(unit)) return kind;
  }
  return 'count';
}

const CEFR = ['a1', 'a2', 'b1', 'b2', 'c1', 'c2'];

function levelOf(code: string): number {
  const latin = code.replace('а', 'a').replace('в', 'b').replace('с', 'c');
  return CEFR.indexOf(latin) + 1;
}

function original(scanner: Scanner, match: RegExpExecArray): string {
  return scanner.slice(match.index, match.index + match[0].length).trim();
}

/** Takes every measure with a unit out of the text (so that dates do not read "2.5 kg"). */
export function takeMeasures(scanner: Scanner): Measure[] {
  const found: [number, Measure][] = [];
  const add = (m: RegExpExecArray, kind: MeasureKind, amount: number | undefined) => {
    if (amount === undefined) return;
    found.push([m.index, { kind, amount, text: original(scanner, m), hasUnit: true }]);
  };
  for (const m of scanner.takeAll(CURRENCY_FIRST)) add(m, 'money', readAmount(m[2] ?? '', m[3]));
  for (const m of scanner.takeAll(WITH_UNIT)) {
    add(m, kindOf(m[3] ?? ''), readAmount(m[1] ?? '', m[2]));
  }
  for (const m of scanner.takeAll(LEVEL)) {
    const code = m[1] ?? m[6];
    const score = m[2] ?? m[3] ?? m[4] ?? m[5] ?? '0';
    add(m, 'level', code ? levelOf(code) : Number(score.replace(',', '.')));
  }
  // "10k" is a distance only next to a run; otherwise it is left for a bare sum.
  const running = scanner.peek(RUNNING) !== null;
  for (let m = scanner.peek(DISTANCE_WORD); m; m = scanner.peek(DISTANCE_WORD)) {
    if (m[2] && !running) break;
    scanner.blank(m.index, m.index + m[0].length);
    const word = m[1] ?? '';
    add(m, 'distance', m[2] ? Number(m[2]) : /^(?:полу|half)/u.test(word) ? 21.1 : 42.2);
  }
  return found.sort((a, b) => a[0] - b[0]).map(([, measure]) => measure);
}

/** A bare number left after dates and measures are taken ("3 проекта" is caught by units). */
export function takeBareNumber(scanner: Scanner): Measure | undefined {
  for (const m of scanner.takeAll(BARE)) {
    const raw = m[1] ?? '';
    if (YEAR.test(raw)) continue;
    const amount = readAmount(raw, m[2]);
    if (amount === undefined || amount === 0) continue;
    return { kind: 'count', amount, text: original(scanner, m), hasUnit: false };
  }
  return undefined;
}

/** The measure that best says what the goal is: anything but a duration, if there is one. */
export function mainMeasure(measures: Measure[]): Measure | undefined {
  return measures.find((m) => m.kind !== 'time') ?? measures[0];
}
