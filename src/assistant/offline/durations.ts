import { NUMBER, readNumber } from './numbers.js';
import { type Scanner, words } from './text.js';

/** How long something lasts, or how far to move it, as said in the message. */
export interface DurationFound {
  minutes?: number;
  /** "на час позже" / "an hour later": positive is later. */
  shiftMinutes?: number;
  allDay?: boolean;
}

const HOURS = 'часа|часов|час|ч\\.?|hours|hour|hrs|hr|h';
const MINUTES = 'минуты|минуту|минут|мин\\.?|minutes|minute|mins|min';
const SHIFT = 'позже|раньше|вперед|назад|later|earlier';
const PREFIX = 'на|длительностью|продолжительностью|в течение|for|lasting';
/** "в 3 часа дня" is a time of day, not three hours. */
const NOT_TIME_OF_DAY = '(?!\\s*(?:дня|утра|вечера|ночи))';

const unitMinutes = (unit: string): number => (/^(ч|h)/u.test(unit) ? 60 : 1);
const signOf = (word: string | undefined): number =>
  word && /^(раньше|назад|earlier)$/u.test(word) ? -1 : 1;

interface Rule {
  pattern: RegExp;
  /** Minutes and the word that makes it a shift, from the match. */
  read(match: RegExpExecArray): [number | undefined, string | undefined];
}

const amountOf = (count: string | undefined, unit: string): number | undefined => {
  const value = count === undefined ? 1 : readNumber(count);
  return value === undefined ? undefined : Math.round(value * unitMinutes(unit));
};

const RULES: Rule[] = [
  {
    // "на час позже", "an hour and a half later"
    pattern: words(
      `(?:(?:${PREFIX}|by)\\s+)?(?:(${NUMBER})\\s+)?(${HOURS}|${MINUTES})(\\s+and\\s+a\\s+half)?\\s+(${SHIFT})`,
    ),
    read: (m) => [addHalf(amountOf(m[1], m[2] ?? ''), m[3]), m[4]],
  },
  {
    pattern: words(`(?:на\\s+|by\\s+|for\\s+)?(?:полчаса|half\\s+an\\s+hour)\\s+(${SHIFT})`),
    read: (m) => [30, m[1]],
  },
  {
    // "на полтора часа", "for an hour and a half", "на 2 часа 30 минут"
    pattern: words(
      `(?:${PREFIX})\\s+(?:(${NUMBER})\\s+)?(${HOURS})(\\s+and\\s+a\\s+half)?(?:\\s+(?:и\\s+|and\\s+)?(\\d+)\\s+(?:${MINUTES}))?${NOT_TIME_OF_DAY}`,
    ),
    read: (m) => [addHalf(amountOf(m[1], m[2] ?? ''), m[3], Number(m[4] ?? 0)), undefined],
  },
  {
    pattern: words(`(?:${PREFIX})\\s+(${NUMBER})\\s+(${MINUTES})`),
    read: (m) => [amountOf(m[1], m[2] ?? ''), undefined],
  },
  {
    pattern: words(`(?:${PREFIX})\\s+(?:полчаса|half\\s+an\\s+hour|a\\s+half[\\s-]hour)`),
    read: () => [30, undefined],
  },
  {
    // "a 30-minute call", "2-hour meeting", "half-hour"
    pattern: words(`(\\d+(?:[.,]\\d+)?|${NUMBER})-(hour|minute|min)s?(?:-long)?(?=\\s+\\p{L})`),
    read: (m) => [amountOf(m[1], m[2] ?? ''), undefined],
  },
  {
    pattern: words('half[\\s-]hour|получасов(?:ой|ая|ую|ое|ый)'),
    read: () => [30, undefined],
  },
  {
    pattern: words('(полуторачасов|двухчасов|трехчасов|часов)(?:ой|ая|ую|ое|ый)'),
    read: (m) => [
      { полуторачасов: 90, двухчасов: 120, трехчасов: 180 }[m[1] ?? ''] ?? 60,
      undefined,
    ],
  },
  {
    // "часа на 2", "минут 40", "минут на сорок": the amount said after its unit (about so much)
    pattern: words(
      `(?<!(?<![:.\\d])\\d{1,2}\\s+)(часа|часов|минут)\\s+(?:на\\s+)?(${NUMBER})(?![:.]?\\d)`,
    ),
    read: (m) => [amountOf(m[2], m[1] ?? ''), undefined],
  },
  {
    // "quick sync w ops 15 min": minutes said alone (not "за 15 минут", "in 15 min", "15 min later")
    pattern: words(
      `(?<!(?:за|через|in|by|every|каждые|кажд\\p{L}*)\\s+)(\\d{1,3})\\s*(${MINUTES})(?!\\s*(?:${SHIFT}|до|before|назад|ago))`,
    ),
    read: (m) => [amountOf(m[1], m[2] ?? ''), undefined],
  },
  {
    // "block 2h for bookkeeping", "выдели 3 часа на отчёт": time set aside, its use follows
    pattern: words(
      `(?:block(?:\\s+off|\\s+out)?|set\\s+aside|reserve|выдели(?:ть)?|заблокируй)\\s+(?:(${NUMBER})\\s*)?(${HOURS}|${MINUTES})(?:\\s+(?:for|на|под))?`,
    ),
    read: (m) => [amountOf(m[1], m[2] ?? ''), undefined],
  },
  {
    pattern: words(`(${NUMBER})\\s+(${HOURS}|${MINUTES})\\s+long`),
    read: (m) => [amountOf(m[1], m[2] ?? ''), undefined],
  },
];

/** "push it by 30 minutes": said of an existing event, "by" moves it. */
const BY_RULES: Rule[] = [
  {
    pattern: words(`(?:(back|forward)\\s+)?by\\s+(?:(${NUMBER})\\s+)?(${HOURS}|${MINUTES})`),
    read: (m) => [amountOf(m[2], m[3] ?? ''), m[1] === 'forward' ? 'earlier' : 'later'],
  },
  {
    pattern: words(`(back|forward)\\s+(?:by\\s+)?(?:(${NUMBER})\\s+)?(${HOURS}|${MINUTES})`),
    read: (m) => [amountOf(m[2], m[3] ?? ''), m[1] === 'forward' ? 'earlier' : 'later'],
  },
  {
    pattern: words('(?:(back|forward)\\s+)?(?:by\\s+)?(?:полчаса|half\\s+an\\s+hour)(?=\\s*$)'),
    read: (m) => [30, m[1] === 'forward' ? 'earlier' : 'later'],
  },
];

/** Looser reading for "измени длительность на 2 часа" / "change it to 90 minutes". */
const LOOSE_RULE: Rule = {
  pattern: words(
    `(?:(?:на|до|to)\\s+)?(?:(${NUMBER})\\s+)?(${HOURS}|${MINUTES})${NOT_TIME_OF_DAY}`,
  ),
  read: (m) => [amountOf(m[1], m[2] ?? ''), undefined],
};

function addHalf(minutes: number | undefined, half: string | undefined, extra = 0) {
  if (minutes === undefined) return undefined;
  return minutes + (half ? 30 : 0) + extra;
}

const ALL_DAY = words(
  '(?:на\\s+)?(?:весь|целый)\\s+день|all[\\s-]day(?:\\s+long)?|the\\s+whole\\s+day',
);

/** Takes a duration, a shift or "all day" out of the message. */
export function takeDuration(
  scanner: Scanner,
  options: { loose?: boolean; update?: boolean } = {},
): DurationFound {
  const found: DurationFound = {};
  if (scanner.take(ALL_DAY)) found.allDay = true;
  const rules = [
    ...(options.update ? BY_RULES : []),
    ...RULES,
    ...(options.loose ? [LOOSE_RULE] : []),
  ];
  for (const rule of rules) {
    const match = scanner.take(rule.pattern);
    if (!match) continue;
    const [minutes, shift] = rule.read(match);
    if (minutes === undefined || minutes <= 0) continue;
    if (shift) found.shiftMinutes = signOf(shift) * minutes;
    else found.minutes = minutes;
    break;
  }
  return found;
}
