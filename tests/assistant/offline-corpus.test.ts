import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import {
  type Corpus,
  type CorpusScore,
  intentAccuracy,
  scoreCorpus,
  slotAccuracy,
} from '../../bench/assistant-corpus-scoring.js';
import { INTENT_NAMES } from '../../src/assistant/intent.types.js';
import { parseMessage } from '../../src/assistant/offline/offline-engine.js';
import { normalizeRecurrence } from '../../src/services/recurrence.js';

const MIN_INTENT_ACCURACY = 0.9;
const MIN_SLOT_ACCURACY = 0.8;
const ALL_INTENTS: readonly string[] = INTENT_NAMES;

const corpus = JSON.parse(
  readFileSync(new URL('../fixtures/assistant-corpus.json', import.meta.url), 'utf8'),
) as Corpus;

/** Every miss, so that a failing run says what broke. */
function misses(score: CorpusScore): string {
  return score.results
    .filter((result) => result.failures.length > 0)
    .map(
      (result) =>
        `[${result.item.lang}] ${result.item.text}\n    ${result.failures.join('\n    ')}`,
    )
    .join('\n');
}

describe('the labelled corpus', () => {
  it('has at least 160 utterances, about half in each language, across every intent', () => {
    expect(corpus.cases.length).toBeGreaterThanOrEqual(160);
    const russian = corpus.cases.filter((item) => item.lang === 'ru').length;
    expect(russian / corpus.cases.length).toBeGreaterThan(0.4);
    expect(russian / corpus.cases.length).toBeLessThan(0.6);
    for (const intent of ALL_INTENTS) {
      for (const lang of ['ru', 'en']) {
        const count = corpus.cases.filter((c) => c.intent === intent && c.lang === lang).length;
        expect({ intent, lang, enough: count >= 4 }).toEqual({ intent, lang, enough: true });
      }
    }
  });

  it('labels only valid recurrence rules', () => {
    const rules = corpus.cases.flatMap((item) =>
      typeof item.slots?.recurrence === 'string' ? [item.slots.recurrence] : [],
    );
    expect(rules.length).toBeGreaterThan(20);
    for (const rule of rules) expect(() => normalizeRecurrence(rule)).not.toThrow();
  });
});

describe('the offline engine on the corpus', () => {
  const score = scoreCorpus(corpus, parseMessage);

  it(`recognises at least ${MIN_INTENT_ACCURACY * 100}% of intents and ${MIN_SLOT_ACCURACY * 100}% of slots`, () => {
    const report = misses(score);
    expect({ intent: intentAccuracy(score.overall) >= MIN_INTENT_ACCURACY, report }).toEqual({
      intent: true,
      report,
    });
    expect({ slots: slotAccuracy(score.overall) >= MIN_SLOT_ACCURACY, report }).toEqual({
      slots: true,
      report,
    });
  });

  it('holds both thresholds in each language', () => {
    for (const [language, tally] of Object.entries(score.byLanguage)) {
      expect({ language, intent: intentAccuracy(tally) >= MIN_INTENT_ACCURACY }).toEqual({
        language,
        intent: true,
      });
      expect({ language, slots: slotAccuracy(tally) >= MIN_SLOT_ACCURACY }).toEqual({
        language,
        slots: true,
      });
    }
  });

  it('detects the language of each utterance', () => {
    expect(score.languageAccuracy).toBeGreaterThanOrEqual(0.98);
  });
});
