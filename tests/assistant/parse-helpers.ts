import { expect } from '@jest/globals';
import type { IntentName, ParsedIntent } from '../../src/assistant/intent.types.js';
import { parseMessage } from '../../src/assistant/offline/offline-engine.js';

/** Wednesday 2026-03-04, 12:00 in Moscow. */
export const NOW = new Date('2026-03-04T09:00:00Z');
export const MOSCOW = 'Europe/Moscow';
export const NEW_YORK = 'America/New_York';

export function parse(text: string, now: Date | string = NOW, timezone = MOSCOW): ParsedIntent {
  return parseMessage(text, { now: new Date(now), timezone });
}

/** Parses and narrows to the expected intent (failing the test otherwise). */
export function parseAs<N extends IntentName>(
  intent: N,
  text: string,
  now: Date | string = NOW,
  timezone = MOSCOW,
): Extract<ParsedIntent, { intent: N }> {
  const parsed = parse(text, now, timezone);
  expect({ text, intent: parsed.intent }).toEqual({ text, intent });
  return parsed as Extract<ParsedIntent, { intent: N }>;
}

export const iso = (date: Date | undefined) => date?.toISOString();
