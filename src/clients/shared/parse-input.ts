import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';

/** Words that clear a value: "нет", "none"… */
export function meansNone(text: string): boolean {
  return /^(нет|ничего|убрать|выкл\.?|выключить|no|none|off|remove|-)$/i.test(text.trim());
}

/**
 * A time of day as people write it → "HH:MM"; null when it is not one. "8:30", "08.30",
 * "0830", "в 16:30", "16ч", "4:30pm", "4 pm", and a bare hour ("7", "23").
 */
export function parseTime(text: string): string | null {
  const cleaned = text
    .trim()
    .toLowerCase()
    .replace(/^(в|во|at|с|from|до|to)\s+/u, '')
    .replace(/\s*(ч|час(а|ов)?|h)\.?$/u, '');
  const match = /^(\d{1,2})(?:[:.\s]?(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/u.exec(cleaned);
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  const half = match[3]?.replace(/\./gu, '');
  if (half) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (half === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** "23:00-08:00", "23-7", "с 22 до 8", "10pm to 7am" → both times; null when not that shape. */
export function parseTimeRange(text: string): { start: string; end: string } | null {
  const [from, to, ...rest] = text.trim().split(/\s*[-–—]\s*|\s+до\s+|\s+to\s+/iu);
  if (!from || !to || rest.length) return null;
  const start = parseTime(from);
  const end = parseTime(to);
  return start && end ? { start, end } : null;
}

/**
 * A local date (YYYY-MM-DD) from "2027-03-01", "31.12", "31.12.2027" or words chrono knows
 * in Russian and English ("завтра", "через месяц", "next friday"). A day and month without a
 * year means the next such date.
 */
export function parseDate(text: string, timezone: string): string | null {
  const trimmed = text.trim();
  const today = DateTime.now().setZone(timezone).startOf('day');
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
    const date = DateTime.fromISO(trimmed, { zone: timezone });
    return date.isValid ? trimmed : null;
  }
  const dotted = /^(\d{1,2})[./](\d{1,2})(?:[./](\d{2}|\d{4}))?$/.exec(trimmed);
  if (dotted) {
    const [, day, month, year] = dotted;
    const fullYear = year ? Number(year.length === 2 ? `20${year}` : year) : today.year;
    let date = DateTime.fromObject(
      { year: fullYear, month: Number(month), day: Number(day) },
      { zone: timezone },
    );
    if (!date.isValid) return null;
    if (!year && date < today) date = date.plus({ years: 1 });
    return date.toISODate();
  }
  const reference = { instant: today.plus({ hours: 12 }).toJSDate(), timezone: today.offset };
  for (const locale of [chrono.ru, chrono.en]) {
    const found = locale.parseDate(trimmed, reference, { forwardDate: true });
    if (found) return DateTime.fromJSDate(found, { zone: timezone }).toISODate();
  }
  return null;
}

/**
 * A length of time as people write it → minutes; null when it is not one. "90", "45 мин",
 * "1ч", "1.5 часа", "1:30", "1ч 30м", "2 hours", "полчаса", "half an hour".
 */
export function parseDuration(text: string): number | null {
  const cleaned = text
    .trim()
    .toLowerCase()
    .replace(/^(на|for)\s+/u, '');
  if (/^(пол\s*часа|полчаса|half an hour)$/u.test(cleaned)) return 30;
  const clock = /^(\d{1,2}):([0-5]\d)$/u.exec(cleaned);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const units =
    /^(?:(\d{1,2}(?:[.,]\d+)?)\s*(?:ч|час|часа|часов|h|hr|hrs|hours?)\.?)?\s*(?:(\d{1,3})\s*(?:м|мин|минут[аы]?|m|min|mins|minutes?)?\.?)?$/u.exec(
      cleaned,
    );
  if (!units || (!units[1] && !units[2])) return null;
  const minutes =
    Math.round(Number((units[1] ?? '0').replace(',', '.')) * 60) + Number(units[2] ?? 0);
  return minutes > 0 ? minutes : null;
}

/**
 * A local date and time → ISO instant in `timezone`; null without both. "завтра в 10",
 * "11.12 18:00", "пт 9:30", "tomorrow at 4pm".
 */
export function parseDateTime(text: string, timezone: string): string | null {
  const split = /^(.+?)\s+(?:в\s+|во\s+|at\s+)?(\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?)$/iu.exec(
    text.trim(),
  );
  if (!split) return null;
  const date = parseDate(split[1]!, timezone);
  const time = parseTime(split[2]!);
  if (!date || !time) return null;
  return DateTime.fromISO(`${date}T${time}`, { zone: timezone }).toISO();
}

/**
 * When to do something: a date and time ("завтра в 10", "11.12 18:00"), or only a time as
 * people write it ("в 16:30", "4:30pm", "16.30"): its next coming, today or else tomorrow.
 */
export function parseWhen(
  text: string,
  timezone: string,
  now: DateTime<boolean> = DateTime.now(),
): string | null {
  const dated = parseDateTime(text, timezone);
  if (dated) return dated;
  const time = parseTime(text);
  if (!time) return null;
  const [hour, minute] = time.split(':').map(Number);
  const today = now.setZone(timezone).set({ hour, minute, second: 0, millisecond: 0 });
  return (today > now ? today : today.plus({ days: 1 })).toISO();
}

const AT_START =
  /^(?:в\s+момент\s+начала|в\s+начале|в\s+момент|сразу|at\s+(?:the\s+)?start|when\s+it\s+starts|0)$/u;
const DAYS = /^(\d{1,2})?\s*(?:день|дня|дней|сутки|суток|d|days?)$/u;
const WEEKS = /^(\d)?\s*(?:неделю|недели|недель|нед|w|weeks?)$/u;
/** "за", "и за" before an offset; "до начала", "before" after it. */
const OFFSET_FILLER =
  /^(?:и\s+)?(?:за\s+)?(?:an?\s+)?|\s+(?:до(?:\s+(?:начала|него|неё|нее|события|встречи))?|before(?:\s+(?:it|the\s+start))?|ahead|in\s+advance|prior)$/gu;

/** One offset ("за 2 часа", "1 day", "30 min before", "в момент начала") → minutes; null if not. */
function parseOffset(part: string): number | null {
  const cleaned = part.replace(OFFSET_FILLER, '').trim();
  if (AT_START.test(cleaned)) return 0;
  const days = DAYS.exec(cleaned);
  if (days) return Number(days[1] ?? 1) * 1440;
  const weeks = WEEKS.exec(cleaned);
  if (weeks) return Number(weeks[1] ?? 1) * 7 * 1440;
  if (/^(?:час|hour)$/u.test(cleaned)) return 60;
  return parseDuration(cleaned);
}

/**
 * Reminder offsets as people list them → minutes before the start, most distant first; [] for
 * "нет"/"none"; null when a part is not an offset. "за 2 часа и за 10 минут", "1 day, 30 min",
 * "за день, за час и в момент начала".
 */
export function parseReminderOffsets(text: string): number[] | null {
  if (meansNone(text)) return [];
  const parts = text
    .trim()
    .toLowerCase()
    .split(/\s*(?:,|;|\+|&|\s+и\s+|\s+and\s+)\s*/u)
    .filter(Boolean);
  if (!parts.length) return null;
  const minutes: number[] = [];
  for (const part of parts) {
    const offset = parseOffset(part);
    if (offset === null) return null;
    minutes.push(offset);
  }
  return [...new Set(minutes)].sort((a, b) => b - a);
}
