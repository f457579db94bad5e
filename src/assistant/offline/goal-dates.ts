import { takeDate, takeRelative } from './dates.js';
import { MONTH, monthOf } from './lexicon.js';
import {
  addDays,
  type Clock,
  compareDates,
  lastDayOfMonth,
  type LocalDate,
  nowIn,
  startOfWeek,
  todayOf,
} from './local-time.js';
import { NUMBER, readNumber } from './numbers.js';
import { type Scanner, words } from './text.js';
import { placeWeekday } from './when.js';

const SEASON = words(
  '(?:к|до)\\s+(лету|осени|зиме|весне|началу\\s+лета|началу\\s+осени|началу\\s+зимы|началу\\s+весны)|(?:by|before)\\s+(?:the\\s+)?(summer|fall|autumn|winter|spring)',
);
const END_OF = words(
  '(?:до|к)\\s+конц[уа]\\s+(года|месяца|недели)|(?:by|before|until)\\s+(?:the\\s+)?end\\s+of\\s+(?:the\\s+|this\\s+)?(year|month|week)',
);
const THIS_PERIOD = words(
  'в\\s+этом\\s+(году|месяце)|на\\s+этой\\s+(неделе)|this\\s+(year|month|week)',
);
const NEW_YEAR = words(
  "(?:к|до)\\s+нового\\s+года|(?:к|до)\\s+новому\\s+году|by\\s+new\\s+year(?:['’]?s)?",
);
const NEXT_YEAR = words('(?:к|до)\\s+следующему\\s+году|by\\s+next\\s+year');
/** "в следующем году", "на след год", "next year", "в 2027": by the end of that year. */
const DURING_YEAR = words(
  '(?:в|на)\\s+(?:следующ\\p{L}*|след|будущ\\p{L}*)\\s+год\\p{L}*|(?:in\\s+|during\\s+)?next\\s+year|(?:в|in|during)\\s+(20\\d\\d)(?:\\s*(?:году|г\\.?))?',
);
/** "до конца марта", "by the end of april", "к концу февраля". */
const END_OF_MONTH = words(
  `(?:до|к)\\s+конц[уа]\\s+${MONTH}|(?:by\\s+|before\\s+|until\\s+)?(?:the\\s+)?end\\s+of\\s+${MONTH}`,
);
/** "за полгода", "in half a year", "за полтора года". */
const HALF_YEAR = words('(?:за|в\\s+течение)\\s+полгода|(?:in|within)\\s+half\\s+a\\s+year');
const WITHIN = words(
  `(?:за|в\\s+течение|within)\\s+(?:(${NUMBER})\\s+)?(дня|дней|день|недели|недель|неделю|месяца|месяцев|месяц|года|год|лет|days?|weeks?|months?|years?)`,
);
const MONTH_ONLY = words(`(?:к|до|by|before|until)\\s+${MONTH}(?!\\s*\\d)`);

function seasonStart(word: string): number {
  if (/^(лет|началу\s+лета|summer)/u.test(word)) return 6;
  if (/^(осен|началу\s+осени|fall|autumn)/u.test(word)) return 9;
  if (/^(зим|началу\s+зимы|winter)/u.test(word)) return 12;
  return 3;
}

/** The first of `month` that is still ahead. */
function nextFirstOf(month: number, today: LocalDate): LocalDate {
  const date = { year: today.year, month, day: 1 };
  return compareDates(date, today) > 0 ? date : { ...date, year: today.year + 1 };
}

function endOf(unit: string, today: LocalDate): LocalDate {
  if (/^(год|year)/u.test(unit)) return { year: today.year, month: 12, day: 31 };
  if (/^(месяц|month)/u.test(unit)) return lastDayOfMonth(today.year, today.month);
  return addDays(startOfWeek(today), 6);
}

/** Takes a goal's deadline ("к лету", "до конца года", "by June 1", "in 3 months"). */
export function takeDeadline(scanner: Scanner, clock: Clock): LocalDate | undefined {
  const today = todayOf(clock);
  const season = scanner.take(SEASON);
  if (season) return nextFirstOf(seasonStart(season[1] ?? season[2] ?? ''), today);
  const end = scanner.take(END_OF) ?? scanner.take(THIS_PERIOD);
  if (end) return endOf(end[1] ?? end[2] ?? end[3] ?? '', today);
  if (scanner.take(NEW_YEAR)) return { year: today.year, month: 12, day: 31 };
  if (scanner.take(NEXT_YEAR)) return { year: today.year + 1, month: 1, day: 1 };
  const monthEnd = scanner.take(END_OF_MONTH);
  const endMonth = monthEnd ? monthOf(monthEnd[1] ?? monthEnd[2] ?? '') : undefined;
  if (endMonth) {
    const first = nextFirstOf(endMonth, today);
    const year = endMonth === today.month ? today.year : first.year;
    return lastDayOfMonth(year, endMonth);
  }
  const year = scanner.take(DURING_YEAR);
  if (year) {
    const said = year[1] ? Number(year[1]) : today.year + 1;
    if (said >= today.year) return { year: said, month: 12, day: 31 };
  }
  if (scanner.take(HALF_YEAR)) {
    const date = nowIn(clock).plus({ months: 6 });
    return { year: date.year, month: date.month, day: date.day };
  }
  const month = scanner.take(MONTH_ONLY);
  if (month) {
    const number = monthOf(month[1] ?? '');
    if (number) return nextFirstOf(number, today);
  }
  const within = scanner.take(WITHIN);
  if (within) {
    const count = Math.min(within[1] === undefined ? 1 : (readNumber(within[1]) ?? 1), 100);
    const unit = within[2] ?? '';
    const key = /^(д|day)/u.test(unit)
      ? 'days'
      : /^(недел|week)/u.test(unit)
        ? 'weeks'
        : /^(месяц|month)/u.test(unit)
          ? 'months'
          : 'years';
    const date = nowIn(clock).plus({ [key]: Math.round(count) });
    return { year: date.year, month: date.month, day: date.day };
  }
  const relative = takeRelative(scanner, clock);
  if (relative.date) return relative.date;
  if (relative.instant) return todayOf({ now: relative.instant, zone: clock.zone });
  const date = takeDate(scanner, clock);
  if (date.weekday) return placeWeekday(date.weekday, clock).date;
  return date.date;
}
