import { performance } from 'node:perf_hooks';
import type {
  AssistantLanguage,
  IntentName,
  ParseContext,
  ParsedIntent,
} from '../src/assistant/intent.types.js';

/** One labelled utterance; `slots` may nest (`target: { text, date }`), null means absent. */
export interface CorpusCase {
  text: string;
  lang: AssistantLanguage;
  intent: IntentName;
  slots?: Record<string, unknown>;
  missing?: string[];
  now?: string;
  timezone?: string;
}

export interface Corpus {
  now: string;
  timezone: string;
  cases: CorpusCase[];
}

export interface CaseResult {
  item: CorpusCase;
  parsed: ParsedIntent;
  intentOk: boolean;
  languageOk: boolean;
  slotChecks: number;
  slotHits: number;
  failures: string[];
  latencyMs: number;
}

export interface Tally {
  cases: number;
  intentHits: number;
  slotChecks: number;
  slotHits: number;
}

export interface CorpusScore {
  results: CaseResult[];
  overall: Tally;
  byIntent: Record<string, Tally>;
  byLanguage: Record<string, Tally>;
  languageAccuracy: number;
}

export const intentAccuracy = (t: Tally): number => (t.cases ? t.intentHits / t.cases : 1);
export const slotAccuracy = (t: Tally): number => (t.slotChecks ? t.slotHits / t.slotChecks : 1);

const plain = (text: string) =>
  text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}\s']/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);

/** Same words up to inflection: "испанскому" names the same goal as "испанский". */
function sameWords(expected: string, actual: string): boolean {
  const a = plain(expected);
  const b = plain(actual);
  if (a.length !== b.length) return false;
  return a.every((word, i) => {
    const other = b[i] ?? '';
    if (word === other) return true;
    let common = 0;
    while (common < word.length && word[common] === other[common]) common++;
    return common >= Math.max(3, Math.min(word.length, other.length) - 2);
  });
}

const rruleParts = (rule: string) =>
  rule
    .replace(/^RRULE:/i, '')
    .split(';')
    .sort()
    .join(';');

function sameValue(path: string, expected: unknown, actual: unknown): boolean {
  if (expected === null) return actual === undefined || actual === null;
  if (actual instanceof Date)
    return typeof expected === 'string' && Date.parse(expected) === actual.getTime();
  const key = path.split('.').pop() ?? '';
  if (typeof expected === 'string' && typeof actual === 'string') {
    if (key === 'title') return plain(expected).join(' ') === plain(actual).join(' ');
    if (['text', 'target', 'goalTarget', 'query'].includes(key)) return sameWords(expected, actual);
    if (key === 'recurrence') return rruleParts(expected) === rruleParts(actual);
  }
  // Lists (reminder offsets) compare item by item, in order.
  if (Array.isArray(expected)) return JSON.stringify(expected) === JSON.stringify(actual);
  return expected === actual;
}

function leaves(value: Record<string, unknown>, prefix = ''): [string, unknown][] {
  return Object.entries(value).flatMap(([key, inner]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const nested = inner !== null && typeof inner === 'object' && !Array.isArray(inner);
    return nested
      ? leaves(inner as Record<string, unknown>, path)
      : [[path, inner] as [string, unknown]];
  });
}

function valueAt(parsed: ParsedIntent, path: string): unknown {
  let value: unknown = parsed;
  for (const key of path.split('.')) {
    value =
      value !== null && typeof value === 'object'
        ? (value as Record<string, unknown>)[key]
        : undefined;
  }
  return value;
}

const show = (value: unknown) =>
  value instanceof Date ? value.toISOString() : JSON.stringify(value);

function check(item: CorpusCase, parsed: ParsedIntent, latencyMs: number): CaseResult {
  const intentOk = parsed.intent === item.intent;
  const failures: string[] = intentOk ? [] : [`intent ${parsed.intent}, expected ${item.intent}`];
  const checks = leaves(item.slots ?? {});
  let hits = 0;
  for (const [path, expected] of checks) {
    const actual = valueAt(parsed, path);
    if (intentOk && sameValue(path, expected, actual)) hits++;
    else if (intentOk) failures.push(`${path}: ${show(actual)}, expected ${show(expected)}`);
  }
  let slotChecks = checks.length;
  if (item.missing) {
    slotChecks++;
    const same = [...item.missing].sort().join(',') === [...parsed.missing].sort().join(',');
    if (intentOk && same) hits++;
    else if (intentOk)
      failures.push(`missing: ${show(parsed.missing)}, expected ${show(item.missing)}`);
  }
  const languageOk = parsed.language === item.lang;
  if (!languageOk) failures.push(`language ${parsed.language}, expected ${item.lang}`);
  return { item, parsed, intentOk, languageOk, slotChecks, slotHits: hits, failures, latencyMs };
}

const emptyTally = (): Tally => ({ cases: 0, intentHits: 0, slotChecks: 0, slotHits: 0 });

function add(tally: Tally, result: CaseResult): void {
  tally.cases++;
  tally.intentHits += result.intentOk ? 1 : 0;
  tally.slotChecks += result.slotChecks;
  tally.slotHits += result.slotHits;
}

/** Parses every case (timing each) and scores intents and slots, overall and by group. */
export function scoreCorpus(
  corpus: Corpus,
  parse: (text: string, context: ParseContext) => ParsedIntent,
): CorpusScore {
  const results = corpus.cases.map((item) => {
    const context: ParseContext = {
      now: new Date(item.now ?? corpus.now),
      timezone: item.timezone ?? corpus.timezone,
    };
    const started = performance.now();
    const parsed = parse(item.text, context);
    return check(item, parsed, performance.now() - started);
  });
  const overall = emptyTally();
  const byIntent: Record<string, Tally> = {};
  const byLanguage: Record<string, Tally> = {};
  for (const result of results) {
    add(overall, result);
    add((byIntent[result.item.intent] ??= emptyTally()), result);
    add((byLanguage[result.item.lang] ??= emptyTally()), result);
  }
  const languageAccuracy = results.filter((r) => r.languageOk).length / Math.max(1, results.length);
  return { results, overall, byIntent, byLanguage, languageAccuracy };
}

/** The value below which `share` of the sorted values fall (nearest rank). */
export function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1));
  return sorted[index] ?? 0;
}
