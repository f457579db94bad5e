import type { Options } from 'rrule';

/** Write-time limits on a rule: each one stops a rule that would flood the queue or never occur. */
export const MAX_OCCURRENCES_PER_DAY = 24;
export const MIN_MINUTES_BETWEEN_OCCURRENCES = 15;

const RANGES = {
  bymonth: [1, 12],
  bymonthday: [1, 31],
  byyearday: [1, 366],
  byweekno: [1, 53],
  byhour: [0, 23],
  byminute: [0, 59],
  bysecond: [0, 59],
} as const;
/** Parts that also count from the end (-1 = the last). */
const SIGNED = new Set(['bymonthday', 'byyearday', 'byweekno']);
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const list = (value: unknown): number[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value as number];

/** What is wrong with a parsed rule beyond its syntax (empty when nothing). */
export function recurrenceProblems(options: Partial<Options>): string[] {
  const problems: string[] = [];
  for (const [part, [min, max]] of Object.entries(RANGES)) {
    const values = list(options[part as keyof typeof RANGES]);
    const fits = (v: number) =>
      Number.isInteger(v) && ((v >= min && v <= max) || (SIGNED.has(part) && v <= -1 && v >= -max));
    if (!values.every(fits)) problems.push(`BY${part.slice(2).toUpperCase()} is out of range`);
  }
  if (problems.length > 0) return problems;
  const times = timesOfDay(options);
  if (times.length > MAX_OCCURRENCES_PER_DAY) {
    problems.push(`at most ${MAX_OCCURRENCES_PER_DAY} occurrences a day`);
  } else if (shortestGapSeconds(times) < MIN_MINUTES_BETWEEN_OCCURRENCES * 60) {
    problems.push(`occurrences at least ${MIN_MINUTES_BETWEEN_OCCURRENCES} minutes apart`);
  }
  if (!someDayExists(list(options.bymonth), list(options.bymonthday))) {
    problems.push('BYMONTH and BYMONTHDAY name no day that exists');
  }
  return problems;
}

/** Seconds after midnight of each occurrence in a day; a part left out is one value (any). */
function timesOfDay(options: Partial<Options>): number[] {
  const or0 = (values: number[]) => (values.length > 0 ? values : [0]);
  const times = new Set<number>();
  for (const hour of or0(list(options.byhour)))
    for (const minute of or0(list(options.byminute)))
      for (const second of or0(list(options.bysecond)))
        times.add(hour * 3600 + minute * 60 + second);
  return [...times].sort((a, b) => a - b);
}

/** The shortest gap between occurrences, across midnight too. */
function shortestGapSeconds(times: number[]): number {
  const [first, ...rest] = times;
  if (first === undefined || rest.length === 0) return Infinity;
  const gaps = rest.map((time, i) => time - (times[i] ?? time));
  return Math.min(...gaps, first + 86_400 - (rest.at(-1) ?? first));
}

function someDayExists(months: number[], days: number[]): boolean {
  if (months.length === 0 || days.length === 0) return true;
  return months.some((month) =>
    days.some((day) => Math.abs(day) <= (DAYS_IN_MONTH[month - 1] ?? 0)),
  );
}
