import rrule, { type Options } from 'rrule';

const { RRule } = rrule;
type RRuleOptions = Partial<Options>;

/** Shortest length of one period of each frequency, in days (YEARLY, MONTHLY, WEEKLY, DAILY). */
const PERIOD_DAYS: Partial<Record<number, number>> = {
  [RRule.YEARLY]: 365,
  [RRule.MONTHLY]: 28,
  [RRule.WEEKLY]: 7,
  [RRule.DAILY]: 1,
};

/**
 * An RRule that walks at most `maxPeriods` periods. rrule checks UNTIL only against
 * candidate dates, so a rule whose filters match no day (a stored "February 30") walks on to
 * year 9999. Its loop reads `options.interval` twice a period and stops when it reads 0: that
 * is the only way to end it from outside, and the tests pin it to the rrule version we use.
 */
export class BoundedRule extends RRule {
  exhausted = false;

  constructor(
    options: RRuleOptions,
    private readonly maxPeriods: number,
  ) {
    super(options, true);
  }

  override between(...args: Parameters<InstanceType<typeof RRule>['between']>): Date[] {
    return this.bounded(() => super.between(...args));
  }

  override all(...args: Parameters<InstanceType<typeof RRule>['all']>): Date[] {
    return this.bounded(() => super.all(...args));
  }

  private bounded<T>(walk: () => T): T {
    const parsed = this.options;
    let reads = 0;
    const readsAllowed = 2 * this.maxPeriods + 1;
    // An accessor on this one key: a Proxy over the whole object made each period 20× slower.
    this.options = Object.defineProperty({ ...parsed }, 'interval', {
      get: () => {
        if ((reads += 1) <= readsAllowed) return parsed.interval;
        this.exhausted = true;
        return 0;
      },
    });
    try {
      return walk();
    } finally {
      this.options = parsed;
    }
  }
}

/** Enough periods to walk from `from` to `to` (and a few to spare). */
function periodsBetween(rule: RRuleOptions, from: Date, to: Date): number {
  const days = Math.max(0, to.getTime() - from.getTime()) / DAY_MS;
  const periodDays = PERIOD_DAYS[rule.freq ?? RRule.DAILY] ?? 1;
  return Math.ceil(days / periodDays / (rule.interval ?? 1)) + 3;
}

const DAY_MS = 24 * 3_600_000;
/** A counted series is followed for at most this long to find its end. */
const COUNT_HORIZON_YEARS = 10;
const COUNT_ENDS_CACHE_SIZE = 5_000;

const present = (value: unknown) =>
  value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);

/**
 * rrule walks every period from DTSTART to the window, one at a time (about 25 µs a day): a
 * daily event from year 1 took seconds per query. The rule built here starts a whole number
 * of INTERVALs before the window instead, and stops at its end, so the work is the window's.
 * All times are floating (wall-clock written as UTC), as in recurrence.ts.
 */
export function ruleForWindow(
  options: RRuleOptions,
  dtstart: Date,
  windowStart: Date,
  windowEnd: Date,
): BoundedRule | null {
  let rule = { ...options, dtstart };
  if (present(rule.count)) {
    const end = countedEnd(rule);
    if (!end) return null;
    // The first COUNT occurrences are exactly those up to the COUNTth.
    rule = { ...rule, count: null, until: end };
  }
  if (rule.until && rule.until.getTime() < windowStart.getTime()) return null;
  const until = rule.until && rule.until < windowEnd ? rule.until : windowEnd;
  const bounded = { ...explicitDefaults(rule), ...shiftedStart(rule, windowStart), until };
  return new BoundedRule(bounded, periodsBetween(bounded, bounded.dtstart, until));
}

/** rrule fills what a rule leaves out from DTSTART; once DTSTART moves, it must be explicit. */
function explicitDefaults(rule: RRuleOptions & { dtstart: Date }): RRuleOptions {
  const start = rule.dtstart;
  const filled: RRuleOptions = {
    ...rule,
    byhour: present(rule.byhour) ? rule.byhour : [start.getUTCHours()],
    byminute: present(rule.byminute) ? rule.byminute : [start.getUTCMinutes()],
    bysecond: present(rule.bysecond) ? rule.bysecond : [start.getUTCSeconds()],
  };
  const dayGiven = [rule.byweekno, rule.byyearday, rule.bymonthday, rule.byweekday].some(present);
  if (!dayGiven && rule.freq === RRule.MONTHLY) filled.bymonthday = [start.getUTCDate()];
  if (!dayGiven && rule.freq === RRule.YEARLY) {
    filled.bymonth = present(rule.bymonth) ? rule.bymonth : [start.getUTCMonth() + 1];
    filled.bymonthday = [start.getUTCDate()];
  }
  return filled;
}

/**
 * DTSTART moved forward by whole INTERVALs, one period short of the window, keeping the
 * phase of weekly periods (same weekday) and starting months and years on their first day.
 */
function shiftedStart(rule: RRuleOptions & { dtstart: Date }, windowStart: Date) {
  const start = rule.dtstart;
  const interval = rule.interval ?? 1;
  const ahead = windowStart.getTime() - start.getTime();
  if (ahead <= 0) return { dtstart: start };
  const whole = (periods: number) => Math.max(0, Math.floor(periods / interval) - 1) * interval;
  switch (rule.freq) {
    case RRule.DAILY:
      return { dtstart: new Date(start.getTime() + whole(ahead / DAY_MS) * DAY_MS) };
    case RRule.WEEKLY:
      return { dtstart: new Date(start.getTime() + whole(ahead / DAY_MS / 7) * 7 * DAY_MS) };
    case RRule.MONTHLY: {
      const months =
        (windowStart.getUTCFullYear() - start.getUTCFullYear()) * 12 +
        windowStart.getUTCMonth() -
        start.getUTCMonth();
      const month = start.getUTCMonth() + whole(months);
      return { dtstart: month === start.getUTCMonth() ? start : utcDate(start, 0, month, 1) };
    }
    default: {
      const years = whole(windowStart.getUTCFullYear() - start.getUTCFullYear());
      return { dtstart: years === 0 ? start : utcDate(start, years, 0, 1) };
    }
  }
}

const utcDate = (from: Date, addYears: number, month: number, day: number) => {
  const date = new Date(0);
  date.setUTCFullYear(from.getUTCFullYear() + addYears, month, day);
  return date;
};

const countedEnds = new Map<string, Date | null>();

/**
 * The last occurrence of a counted series (null: it has none), remembered per rule and
 * start, so each series is walked from its start once per process, and never past the horizon.
 */
function countedEnd(rule: RRuleOptions & { dtstart: Date }): Date | null {
  const key = `${RRule.optionsToString(rule)}`;
  if (countedEnds.has(key)) return countedEnds.get(key) ?? null;
  const horizon = utcDate(rule.dtstart, COUNT_HORIZON_YEARS, rule.dtstart.getUTCMonth(), 1);
  const until = rule.until && rule.until < horizon ? rule.until : horizon;
  const all = new BoundedRule({ ...rule, until }, periodsBetween(rule, rule.dtstart, until)).all();
  const end = all.at(-1) ?? null;
  if (countedEnds.size >= COUNT_ENDS_CACHE_SIZE) {
    countedEnds.delete(countedEnds.keys().next().value as string);
  }
  countedEnds.set(key, end);
  return end;
}
