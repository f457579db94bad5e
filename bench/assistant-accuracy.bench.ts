/**
 * Prints how well the offline parser does on the labelled corpus: intent and slot accuracy
 * per intent and per language, and the time one message takes (p50/p95).
 *
 *   npm run bench:assistant            # after a build: node dist/bench/assistant-accuracy.bench.js
 *   node dist/bench/assistant-accuracy.bench.js --failures   # also list every miss
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type Corpus,
  intentAccuracy,
  percentile,
  scoreCorpus,
  slotAccuracy,
  type Tally,
} from './assistant-corpus-scoring.js';
import { parseMessage } from '../src/assistant/offline/offline-engine.js';

/** Runs over the corpus to time; the first one also warms up the regex and chrono caches. */
const TIMING_ROUNDS = 20;

/** From dist/bench (built) or bench up to the project root. */
function corpusPath(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const root = here.includes('/dist/')
    ? new URL('../../', import.meta.url)
    : new URL('../', import.meta.url);
  return fileURLToPath(new URL('tests/fixtures/assistant-corpus.json', root));
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);
const row = (name: string, tally: Tally) =>
  `${name.padEnd(14)} ${String(tally.cases).padStart(5)}  ${percent(intentAccuracy(tally))}  ${percent(slotAccuracy(tally))}  (${tally.slotHits}/${tally.slotChecks})`;

function main(): void {
  const corpus = JSON.parse(readFileSync(corpusPath(), 'utf8')) as Corpus;
  const score = scoreCorpus(corpus, parseMessage);
  const latencies: number[] = [];
  for (let round = 0; round < TIMING_ROUNDS; round++) {
    const timed = scoreCorpus(corpus, parseMessage);
    if (round > 0) latencies.push(...timed.results.map((r) => r.latencyMs));
  }

  const lines = [
    `${'group'.padEnd(14)} ${'cases'.padStart(5)}  ${'intent'.padStart(7)}  ${'slots'.padStart(7)}`,
  ];
  lines.push(row('overall', score.overall), '');
  for (const [language, tally] of Object.entries(score.byLanguage))
    lines.push(row(language, tally));
  lines.push('');
  for (const [intent, tally] of Object.entries(score.byIntent)) lines.push(row(intent, tally));
  lines.push(
    '',
    `language detection: ${percent(score.languageAccuracy).trim()}`,
    `latency per message over ${latencies.length} parses: p50 ${percentile(latencies, 0.5).toFixed(3)} ms, p95 ${percentile(latencies, 0.95).toFixed(3)} ms, max ${Math.max(...latencies).toFixed(3)} ms`,
  );
  if (process.argv.includes('--failures')) {
    lines.push('', 'misses:');
    for (const result of score.results.filter((r) => r.failures.length > 0)) {
      lines.push(
        `  [${result.item.lang}] ${result.item.text}`,
        ...result.failures.map((f) => `      ${f}`),
      );
    }
  }
  console.log(lines.join('\n'));
}

main();
