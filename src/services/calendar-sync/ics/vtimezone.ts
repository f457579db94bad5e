import { DateTime, IANAZone } from 'luxon';

const WEEK_MS = 7 * 86_400_000;
const MINUTE_MS = 60_000;

const offsetAt = (zone: IANAZone, ms: number): number => zone.offset(ms);

const offsetText = (minutes: number): string => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
};

/** Local wall time of `ms` under a fixed offset, as an iCalendar DATE-TIME without zone. */
const localText = (ms: number, offsetMinutes: number): string =>
  DateTime.fromMillis(ms + offsetMinutes * MINUTE_MS, { zone: 'UTC' }).toFormat(
    "yyyyLLdd'T'HHmmss",
  );

/** The first minute at which the offset differs from the one at `from` (within `to`). */
function transitionBetween(zone: IANAZone, from: number, to: number): number {
  const before = offsetAt(zone, from);
  let low = from;
  let high = to;
  while (high - low > MINUTE_MS) {
    const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetAt(zone, middle) === before) low = middle;
    else high = middle;
  }
  return high;
}

/**
 * A VTIMEZONE for an IANA zone covering [from, to), with one observance per offset change
 * found in it (luxon/Intl is the source of truth, so it matches what the server computes).
 * Explicit transitions instead of RRULEs: exact for zones whose rules changed (Moscow 2011,
 * 2014), and every client reads them. ical-generator calls this per zone it writes.
 */
export function vtimezone(name: string, from: Date, to: Date): string | null {
  const zone = IANAZone.create(name);
  if (!zone.isValid) return null;
  const start = from.getTime();
  const end = to.getTime();
  const observances: string[] = [];
  const add = (at: number, fromOffset: number, toOffset: number) => {
    const daylight = DateTime.fromMillis(at, { zone: name }).isInDST;
    const kind = daylight ? 'DAYLIGHT' : 'STANDARD';
    const abbreviation = DateTime.fromMillis(at, { zone: name }).offsetNameShort ?? name;
    observances.push(
      [
        `BEGIN:${kind}`,
        `DTSTART:${localText(at, fromOffset)}`,
        `TZOFFSETFROM:${offsetText(fromOffset)}`,
        `TZOFFSETTO:${offsetText(toOffset)}`,
        `TZNAME:${abbreviation}`,
        `END:${kind}`,
      ].join('\r\n'),
    );
  };
  const initial = offsetAt(zone, start);
  add(start, initial, initial);
  let current = initial;
  for (let at = start; at < end; at += WEEK_MS) {
    const next = Math.min(at + WEEK_MS, end);
    const offset = offsetAt(zone, next);
    if (offset !== current) {
      const transition = transitionBetween(zone, at, next);
      add(transition, current, offset);
      current = offset;
    }
  }
  return ['BEGIN:VTIMEZONE', `TZID:${name}`, ...observances, 'END:VTIMEZONE'].join('\r\n');
}
