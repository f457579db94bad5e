import { takeRecurrence, toRRule } from '../../assistant/offline/recurrence-words.js';
import { Scanner } from '../../assistant/offline/text.js';
import { meansNone } from './parse-input.js';

const NO_REPEAT =
  /^(?:не\s+повтор\p{L}*|без\s+повтор\p{L}*|однократно|один\s+раз|разово|once|never|no\s+repeat|don['’]?t\s+repeat|does\s*n['’]?o?t\s+repeat|one[-\s]?time|only\s+once)[.!]?$/iu;

/**
 * How an event repeats, in the words the assistant understands ("каждый вторник", "every other
 * day", "по будням", "раз в две недели") → an RRULE; `{ rule: null }` for "не повторять" /
 * "none"; null when the words are not a repetition. The reading is the assistant's own
 * (src/assistant/offline/recurrence-words.ts), so the card and a message agree.
 */
export function parseRepeat(text: string): { rule: string | null } | null {
  const trimmed = text.trim();
  if (meansNone(trimmed) || NO_REPEAT.test(trimmed)) return { rule: null };
  const found = takeRecurrence(new Scanner(trimmed));
  return found ? { rule: toRRule(found) } : null;
}
