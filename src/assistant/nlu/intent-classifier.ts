import type { IntentName } from '../intent.types.js';
import { stems } from './stems.js';
import { trainingPhrases } from './training-phrases.js';

/** What the classifier tells apart (small talk is recognised before it). */
export type ClassifiedIntent = Exclude<IntentName, 'small_talk'>;

export interface IntentGuess {
  intent: ClassifiedIntent;
  /** Posterior probability of `intent`, 0…1. */
  confidence: number;
  /** The runner-up, to ask between the two when the first is not clear. */
  runnerUp: ClassifiedIntent;
  runnerUpConfidence: number;
  /** The share of the text's words (three letters or more) the training corpus knows. */
  known: number;
}

/**
 * A naive Bayes classifier over Snowball stems, stem bigrams and features the
 * extractors see (a date, a clock time, a repetition, a question). Chosen over NLP.js's
 * neural NLU and fastText: it trains in a few milliseconds at first use on the generated
 * corpus (no model file to ship or download), classifies in microseconds, and its
 * posteriors give the confidence the assistant asks below. Measured on the dev set (see
 * ARCHITECTURE.md); the rules still decide where they are certain.
 */
const DATE_WORD =
  /(?<![\p{L}])(?:сегодня|завтра|послезавтра|понедельник\p{L}*|вторник\p{L}*|сред[уа]|четверг\p{L}*|пятниц\p{L}*|суббот\p{L}*|воскресень\p{L}*|недел\p{L}*|выходн\p{L}*|today|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week\p{L}*|\d{1,2}\s+(?:янв|фев|мар|апр|ма[яй]|июн|июл|авг|сен|окт|ноя|дек)\p{L}*)(?![\p{L}])/iu;
const CLOCK =
  /(?<![\p{L}\p{N}])(?:в|at|к|с|from)\s+\d{1,2}(?:[:.]\d{2})?(?![\p{N}])|\d{1,2}[:.]\d{2}|\d{1,2}\s*(?:am|pm)/iu;
const REPEAT =
  /(?<![\p{L}])(?:кажд\p{L}*|ежедневн\p{L}*|по\s+(?:будням|утрам|вечерам|понедельникам|вторникам|средам|четвергам|пятницам|субботам|воскресеньям|выходным)|через\s+день|раз\s+в\s+(?:день|неделю|месяц)|в\s+день|every|daily|weekdays|each|a\s+day|per\s+day|times\s+a\s+week)(?![\p{L}])/iu;
const QUESTION =
  /\?|^(?:что|как|какие|когда|сколько|где|че|чё|what|how|when|which|am\s+i|do\s+i|is|are)\b/iu;

const INFINITIVE_FIRST = /^\p{Script=Cyrillic}+(?:ть|ться|ти|чь)(?![\p{L}])/iu;

/** The tokens a text is classified by. */
export function featuresOf(text: string): string[] {
  const words = stems(text);
  const features = [...words];
  for (let i = 1; i < words.length; i++) features.push(`${words[i - 1]}_${words[i]}`);
  if (words.length > 0) features.push(`^${words[0]}`);
  if (DATE_WORD.test(text)) features.push('@date');
  if (CLOCK.test(text)) features.push('@time');
  if (REPEAT.test(text)) features.push('@repeat');
  if (QUESTION.test(text.trim())) features.push('@question');
  // A goal is often said as a bare infinitive: "похудеть к лету", "выучить испанский".
  if (INFINITIVE_FIRST.test(text.trim())) features.push('@infinitive');
  return features;
}

interface Model {
  intents: ClassifiedIntent[];
  logPrior: Map<ClassifiedIntent, number>;
  logLikelihood: Map<ClassifiedIntent, Map<string, number>>;
  logUnseen: Map<ClassifiedIntent, number>;
}

const SMOOTHING = 0.5;
/** The phrase count the cost of an unseen feature is reckoned at. */
const UNSEEN_DOCS = 1000;

function train(examples: [string, ClassifiedIntent][]): Model {
  const counts = new Map<ClassifiedIntent, Map<string, number>>();
  const docs = new Map<ClassifiedIntent, number>();
  for (const [text, intent] of examples) {
    docs.set(intent, (docs.get(intent) ?? 0) + 1);
    const table = counts.get(intent) ?? new Map<string, number>();
    counts.set(intent, table);
    // Presence, not frequency: a word said twice is not twice the evidence.
    for (const feature of new Set(featuresOf(text))) {
      table.set(feature, (table.get(feature) ?? 0) + 1);
    }
  }
  const intents = [...counts.keys()];
  const model: Model = {
    intents,
    logPrior: new Map(),
    logLikelihood: new Map(),
    logUnseen: new Map(),
  };
  for (const intent of intents) {
    const table = counts.get(intent)!;
    // Bernoulli likelihoods (the share of the intent's phrases with the feature), so that a
    // class with longer templates is not favoured for words it never saw.
    const denominator = docs.get(intent)! + 2 * SMOOTHING;
    const likelihood = new Map<string, number>();
    for (const [feature, count] of table) {
      likelihood.set(feature, Math.log((count + SMOOTHING) / denominator));
    }
    model.logLikelihood.set(intent, likelihood);
    // A feature an intent never saw costs every intent the same: absence in a small
    // template set is weaker evidence than in a large one, so it must not decide.
    model.logUnseen.set(intent, Math.log(SMOOTHING / (UNSEEN_DOCS + 2 * SMOOTHING)));
    // Uniform priors: the corpus's template counts say nothing about how often people ask.
    model.logPrior.set(intent, 0);
  }
  return model;
}

let trained: { model: Model; vocabulary: Set<string> } | undefined;

function model() {
  if (!trained) {
    const built = train(trainingPhrases());
    const vocabulary = new Set<string>();
    for (const table of built.logLikelihood.values())
      for (const f of table.keys()) vocabulary.add(f);
    trained = { model: built, vocabulary };
  }
  return trained;
}

/** The most likely intent of `text` with its probability, and the runner-up. */
export function classifyIntent(text: string): IntentGuess {
  const { model: m, vocabulary } = model();
  // Words never seen in training carry no evidence either way.
  const features = [...new Set(featuresOf(text))].filter((f) => vocabulary.has(f));
  const content = stems(text).filter((stem) => stem.length >= 3);
  const known = content.length
    ? content.filter((stem) => vocabulary.has(stem)).length / content.length
    : 0;
  const scores = m.intents.map((intent) => {
    const likelihood = m.logLikelihood.get(intent)!;
    const unseen = m.logUnseen.get(intent)!;
    let score = m.logPrior.get(intent)!;
    for (const feature of features) score += likelihood.get(feature) ?? unseen;
    return { intent, score };
  });
  scores.sort((a, b) => b.score - a.score);
  const top = scores[0]!.score;
  let sum = 0;
  for (const s of scores) sum += Math.exp(s.score - top);
  const probability = (score: number) => Math.exp(score - top) / sum;
  if (features.length === 0) {
    return { intent: 'unknown', confidence: 1, runnerUp: 'unknown', runnerUpConfidence: 0, known };
  }
  return {
    intent: scores[0]!.intent,
    confidence: probability(scores[0]!.score),
    runnerUp: scores[1]!.intent,
    runnerUpConfidence: probability(scores[1]!.score),
    known,
  };
}
