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
  [
    "когда\\s+(?:у\\s+меня\\s+)?(?:будет\\s+)?(.+)|when\\s+(?:is|['’]s|are|do\\s+(?:i|we)(?:\\s+have)?)\\s+(.+)|(?:найди|find)\\s+(?:мою\\s+|my\\s+|the\\s+)?(.+)",
    // "what time's maya at the orthodontist", "во сколько утренник"
    "(?:what\\s+time(?:['’]s|\\s+is|\\s+does)|во\\s+сколько(?:\\s+(?:у\\s+меня|будет|начинается))?)\\s+(.+?)(?:\\s+(?:start|begin|end|finish)s?)?(?=\\s*\\??\\s*$)",
    // "утренник во сколько начинается?": the thing named first
    '^\\s*(.+?)\\s+(?:во\\s+сколько|в\\s+какое\\s+время|когда|какого\\s+числа|в\\s+какой\\s+день)(?:\\s+\\p{L}+)?\\s*\\??\\s*$',
  ].join('|'),
  'giud',
);

function takeQuery(scanner: Scanner): string | undefined {
  const match = scanner.take(QUERY);
  const groups = match?.indices ?? [];
  const span = groups[1] ?? groups[2] ?? groups[3] ?? groups[4] ?? groups[5];
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
