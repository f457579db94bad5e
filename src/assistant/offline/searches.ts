import type { AssistantLanguage, EventSearchIntent, FreeSlotsIntent } from '../intent.types.js';
import { takeDuration } from './durations.js';
import type { Clock } from './local-time.js';
import { nextDays, takeRange } from './ranges.js';
import { type Scanner, words } from './text.js';
import { cleanPhrase, toNominative } from './titles.js';

/** Days looked at when none are named. */
const DEFAULT_DAYS = 7;
/** Days looked at for a named event ("когда у меня встреча с Олей?"). */
const QUERY_DAYS = 90;

const QUERY = words(
  "когда\\s+(?:у\\s+меня\\s+)?(?:будет\\s+)?(.+)|when\\s+(?:is|['’]s|are|do\\s+i\\s+have)\\s+(.+)|(?:найди|find)\\s+(?:мою\\s+|my\\s+|the\\s+)?(.+)",
  'giud',
);

function takeQuery(scanner: Scanner): string | undefined {
  const match = scanner.take(QUERY);
  const span = match?.indices?.[1] ?? match?.indices?.[2] ?? match?.indices?.[3];
  if (!span) return undefined;
  const text = toNominative(cleanPhrase(scanner.slice(span[0], span[1])));
  return text || undefined;
}

/** "что у меня завтра?", "show my events this week", "когда у меня встреча с Олей?". */
export function buildEventSearch(
  scanner: Scanner,
  clock: Clock,
  language: AssistantLanguage,
): EventSearchIntent {
  const range = takeRange(scanner, clock);
  const query = takeQuery(scanner);
  const { from, to } = range ?? nextDays(clock, query ? QUERY_DAYS : DEFAULT_DAYS);
  const intent: EventSearchIntent = { intent: 'event_search', language, missing: [], from, to };
  if (query) intent.query = query;
  return intent;
}

/** "когда я свободен в пятницу?", "find a 30-minute slot on Thursday"; never in the past. */
export function buildFreeSlots(
  scanner: Scanner,
  clock: Clock,
  language: AssistantLanguage,
): FreeSlotsIntent {
  const duration = takeDuration(scanner, { loose: true });
  const range = takeRange(scanner, clock) ?? nextDays(clock, DEFAULT_DAYS);
  const from = range.from < clock.now && range.to > clock.now ? clock.now : range.from;
  const intent: FreeSlotsIntent = {
    intent: 'free_slots',
    language,
    missing: [],
    from,
    to: range.to,
  };
  if (duration.minutes) intent.minMinutes = duration.minutes;
  return intent;
}
