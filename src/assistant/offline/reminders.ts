import { NUMBER, readNumber } from './numbers.js';
import { type Scanner, words } from './text.js';

/**
 * What a message says about being reminded: "напомни…" / "remind me…" asks for a reminder
 * at the time said (offset 0); "за час" / "an hour before" names offsets; "без напоминания"
 * / "no reminder" asks for none.
 */
export interface ReminderFound {
  /** Minutes before the start, most distant first; [] means "no reminder". */
  minutesBefore?: number[];
  /** The message asks to be reminded ("напомни", "remind me", "не забыть", "ping me"). */
  requested: boolean;
  /** "напомни в 6", "remind me at 5:30": the clock time of the reminder, on the event's day. */
  at?: { hour: number; minute: number };
}

/** Verbs of a reminder request; taken out of the title by the event's fillers. */
export const REMIND_VERB =
  "напомни\\p{L}*|напоминай\\p{L}*|напоминалк\\p{L}*|напоминани[ея]|не\\s+забыть|не\\s+забудь(?:те)?|не\\s+да(?:й|йте)\\s+(?:мне\\s+)?забыть|remind\\s+me|ping\\s+me|пингани(?:\\s+меня)?|nudge\\s+me|alert\\s+me|don['’]?t\\s+let\\s+me\\s+forget|(?:set|make|add|create|need|want)\\s+(?:me\\s+)?an?\\s+reminder|^\\s*reminder";

const UNITS: [RegExp, number][] = [
  [/^(?:мин|min)/u, 1],
  [/^(?:час|ч|hour|hr|h)/u, 60],
  [/^(?:день|дня|дней|сутки|суток|day)/u, 24 * 60],
  [/^(?:недел|week)/u, 7 * 24 * 60],
];
const UNIT =
  'минуты|минуту|минут|мин\\.?|часа|часов|час|ч\\.?|дня|дней|день|сутки|суток|неделю|недели|minutes|minute|mins|min|hours|hour|hrs|hr|days|day|weeks|week';

/** "за 15 минут", "за час до начала", "и за день". */
const RU_OFFSET = words(
  `(?:(?:и|а\\s+также)\\s+)?за\\s+(?:(${NUMBER})\\s+)?(${UNIT})(?:\\s+до(?:\\s+(?:начала|него|нее|неё|события|встречи))?)?`,
);
/** "30 minutes before", "an hour before", "the day before", "a day ahead". */
const EN_OFFSET = words(
  `(?:and\\s+)?(?:(${NUMBER}|the)\\s+)?(${UNIT})\\s+(?:before(?:hand)?|ahead|in\\s+advance|prior)`,
);
const NONE = words(
  "без\\s+напоминани\\p{L}*|не\\s+напоминай|напоминание\\s+не\\s+нужно|no\\s+reminders?|without\\s+(?:a\\s+)?reminders?|don['’]?t\\s+remind\\s+me",
);
const VERB = words(REMIND_VERB);
/** ", напомни в 6", "remind me at 5:30": a reminder at a clock time, after the event's own. */
const AT_CLOCK = words(
  '(?:,\\s*)?(?:напомни(?:те)?(?:\\s+мне)?\\s+в|remind\\s+me\\s+at)\\s+(\\d{1,2})(?:[:.](\\d{2}))?',
);

function minutesOf(count: string | undefined, unit: string): number | undefined {
  const value = count === undefined || count === 'the' ? 1 : readNumber(count);
  const factor = UNITS.find(([pattern]) => pattern.test(unit))?.[1];
  return value === undefined || factor === undefined ? undefined : Math.round(value * factor);
}

/**
 * Takes the reminder words out of a message about an event ("напомни в 6" at a clock time). Russian "за час" is read as an
 * offset only next to a reminder verb (otherwise "сделать за час" would be a reminder).
 */
export function takeReminder(scanner: Scanner): ReminderFound {
  if (scanner.take(NONE)) return { requested: false, minutesBefore: [] };
  const requested = scanner.peek(VERB) !== null;
  // Only after the event was said ("напомни в 6 позвонить маме" is the event's own time).
  const said = scanner.peek(AT_CLOCK);
  const clock =
    said && /[\p{L}\p{N}]/u.test(scanner.text.slice(0, said.index)) && scanner.take(AT_CLOCK);
  if (clock) {
    const at = { hour: Number(clock[1]), minute: Number(clock[2] ?? 0) };
    if (at.hour < 24 && at.minute < 60) return { requested: true, at };
  }
  const offsets: number[] = [];
  const patterns = requested ? [EN_OFFSET, RU_OFFSET] : [EN_OFFSET];
  for (const pattern of patterns) {
    for (const match of scanner.takeAll(pattern)) {
      const minutes = minutesOf(match[1], match[2] ?? '');
      if (minutes !== undefined && minutes <= 28 * 24 * 60) offsets.push(minutes);
    }
  }
  if (offsets.length)
    return { requested, minutesBefore: [...new Set(offsets)].sort((a, b) => b - a) };
  return requested ? { requested, minutesBefore: [0] } : { requested };
}

/** "напомни за день до стоматолога", "remind me an hour before the standup": no new event. */
const CHANGE_OFFSETS_RU = new RegExp(
  `^\\s*(?:${REMIND_VERB})(?:\\s+мне)?\\s+за\\s+(?:(?:${NUMBER})\\s+)?(?:${UNIT})(?:\\s+и\\s+за\\s+(?:(?:${NUMBER})\\s+)?(?:${UNIT}))*\\s+(?:до|перед)\\s+\\S`,
  'iu',
);
const CHANGE_OFFSETS_EN = new RegExp(
  `^\\s*(?:${REMIND_VERB})\\s+(?:(?:${NUMBER}|the)\\s+)?(?:${UNIT})\\s+(?:before|ahead\\s+of|prior\\s+to)\\s+(?:the\\s+|my\\s+)?\\S`,
  'iu',
);

/** True when the message changes an existing event's reminders rather than creating one. */
export function changesReminderOffsets(text: string): boolean {
  return CHANGE_OFFSETS_RU.test(text) || CHANGE_OFFSETS_EN.test(text);
}

const OFFSET = words(`(?:(${NUMBER}|the)\\s+)?(${UNIT})`);
const SEPARATOR = /(?<=\s)(?:до|перед|before|ahead\s+of|prior\s+to)(?=\s)/u;

/**
 * Takes "напомни за неделю и за день до" / "remind me a day before" out of such a message and
 * returns the offsets; only words before "до"/"before" count ("дня рождения" is the target).
 */
export function takeOffsetChange(scanner: Scanner): number[] {
  const separator = SEPARATOR.exec(scanner.text);
  const end = separator ? separator.index + separator[0].length : 0;
  const offsets: number[] = [];
  for (const match of scanner.text.slice(0, end).matchAll(OFFSET)) {
    const minutes = minutesOf(match[1], match[2] ?? '');
    if (minutes !== undefined) offsets.push(minutes);
  }
  scanner.blank(0, end);
  return [...new Set(offsets)].sort((a, b) => b - a);
}
