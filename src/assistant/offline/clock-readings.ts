import type { LocalTime } from './local-time.js';
import { HOLIDAY_AS_KIND, MONTH_WORD, WEEKDAY_WORD } from './lexicon.js';
import { capitalize, words } from './text.js';
import type { WhenFound } from './when.js';

/**
 * How a bare clock hour ("в 7", "at 6:30") is read, from what the event is: people meet,
 * dine and call in the afternoon or evening, so 1–7 is pm and 8–11 is pm for evening
 * things (dinner, a bar, a party); but a run, a flight, a taxi or a call with another
 * continent happen at either 7, so those are asked about instead of guessed.
 */

/** Things done at either end of the day: a bare 1–7 is asked about. */
const EITHER_END = words(
  'трениров\\p{L}*|зал\\p{L}*|лыж\\p{L}*|йог\\p{L}*|пилатес\\p{L}*|бассейн\\p{L}*|плавани\\p{L}*|ski|skiing|yoga|pilates|hike|hiking|спортзал\\p{L}*|пробежк\\p{L}*|бег|бегать|(?:по|про)?бега(?:ю|ем|ть)|(?:по|у|вы)?лет(?:еть|им|аю|ать)|перел[её]т\\p{L}*|велотренажер\\p{L}*|поезд\\p{L}*|самол[её]т\\p{L}*|рейс\\p{L}*|вылет\\p{L}*|такси|аэропорт\\p{L}*|вокзал\\p{L}*|электричк\\p{L}*|паром\\p{L}*|нью-?йорк\\p{L}*|ванкувер\\p{L}*|сингапур\\p{L}*|сидне\\p{L}*|токио|калифорни\\p{L}*|лос-?анджелес\\p{L}*|торонто|чикаго|бостон\\p{L}*|сан-?франциско|run|running|jog\\p{L}*|gym|workout|rowing|swim\\p{L}*|spin|spinning|cycling|crossfit|bootcamp|toronto|chicago|boston|montreal|seattle|san\\s+francisco|nyc|train|flight|plane|ferry|taxi|cab|airport|bus|new\\s+york|singapore|sydney|tokyo|vancouver|california|los\\s+angeles|la\\s+office|feed\\s+the\\s+baby',
);
/** Evening things: a bare 8–11 is pm. */
const EVENING = words(
  'ужин\\p{L}*|кино|фильм\\p{L}*|вечеринк\\p{L}*|бар|баре|пати|тусовк\\p{L}*|концерт\\p{L}*|спектакл\\p{L}*|театр\\p{L}*|днюх\\p{L}*|клуб\\p{L}*|dinner|supper|wine|movie\\p{L}*|cinema|party|bar|pub|drinks|concert|show|date\\s+night|darts|karaoke|club',
);

const reset = (pattern: RegExp) => {
  pattern.lastIndex = 0;
  return pattern;
};

export type ClockReading =
  { time: LocalTime } | { ask: { morning: LocalTime; evening: LocalTime } };

/** The reading of `when.time` for an event titled `title` (unchanged when not bare). */
export function readBareHour(when: WhenFound, title: string): ClockReading | undefined {
  const time = when.time;
  if (!time || !when.bare) return undefined;
  // A bare 1–5 was already read as pm by the time grammar: undo that to see the hour said.
  const said = time.hour > 12 ? time.hour - 12 : time.hour;
  const morning = { hour: said === 12 ? 12 : said, minute: time.minute };
  const evening = { hour: said === 12 ? 12 : said + 12, minute: time.minute };
  if (said >= 1 && said <= 7) {
    if (reset(EITHER_END).test(title)) return { ask: { morning, evening } };
    return { time: evening };
  }
  if (said >= 8 && said <= 11 && reset(EVENING).test(title)) return { time: evening };
  return { time: morning };
}

const NOT_TOPIC = '(?<!(?:about|abt|regarding|про|насч[её]т)\\s+)';

/**
 * Date-like words still in a title after the date was taken out ("След маникюр", "28 числа
 * ужин", "Feb 30 doctor", "Work dinner 9"): a sign the date or time was not understood.
 */
const DATE_LEFTOVER = words(
  [
    MONTH_WORD,
    // "call the daycare about friday": the day it is about, not a day left unread
    `${NOT_TOPIC}(?:${WEEKDAY_WORD})`,
    `${NOT_TOPIC}(?:пн|вт|ср|чт|пт|сб|вс|воскр|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)`,
    `числа|недел\\p{L}*|след|следующ\\p{L}*|tmw|tmrw|tomorow|tommorow|мск|msk|xmas${HOLIDAY_AS_KIND}`,
    // "grandpa's 80th" is how old he turns, not a day of the month
    "(?<!['’]s\\s+)\\d{1,2}-?(?:го|е|ое|th|st|nd|rd)",
    '\\d{1,2}/\\d{1,2}',
    '\\d{1,2}\\s*[-–]\\s*\\d{1,2}',
    '^\\d{1,2}(?=\\s)',
    // "grandma rosa turns 90": an age, not an hour
    '(?<=\\s)(?<!(?:turns|turning|исполняется|стукнет)\\s+)\\d{1,2}$',
  ].join('|'),
);

/** The title without date-like leftovers, when it had some. */
export function withoutDateLeftovers(title: string): string | undefined {
  if (!reset(DATE_LEFTOVER).test(title)) return undefined;
  return capitalize(title.replace(reset(DATE_LEFTOVER), ' ').replace(/\s+/g, ' ').trim());
}

const WEEKDAY_LEFTOVER = words(
  `${WEEKDAY_WORD}|пн|вт|ср|чт|пт|сб|вс|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun`,
);

/** Whether the only date-like leftovers are weekday names ("в пн 21го": the date says it). */
export function onlyWeekdaysLeft(title: string): boolean {
  const rest = title.replace(reset(WEEKDAY_LEFTOVER), ' ');
  return !reset(DATE_LEFTOVER).test(rest);
}
