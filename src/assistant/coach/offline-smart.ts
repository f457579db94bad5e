/**
 * The offline SMART review of a goal: keyword and number heuristics in Russian and English,
 * no model. Every comment and suggestion is in `ctx.language`; a rewritten goal keeps the
 * language its title is written in.
 */
import type { LocalDate } from '../offline/local-time.js';
import { normalize } from '../offline/text.js';
import type { CoachContext, CoachGoal, SmartReview } from './coach.types.js';
import { type GoalFacts, readGoal } from './offline-goal-facts.js';
import {
  judgeAchievable,
  judgeMeasurable,
  judgeRelevant,
  judgeSpecific,
  judgeTimeBound,
  type Judgement,
} from './offline-smart-criteria.js';
import { measureSuffix, suggestedDeadline } from './offline-smart-hints.js';
import { formatDate, shorten, tr } from './offline-words.js';

/** A goal scoring at least this needs no rewriting. */
const GOOD_ENOUGH = 80;
const MAX_SUGGESTIONS = 5;
/** Below this a criterion's suggestion is worth showing. */
const WORTH_SUGGESTING = 90;

/** Below this the goal has no usable measure, and the chat asks for one. */
const MEASURED = 60;

function isoDate(d: LocalDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** The measure to suggest, without the dash or colon that joins it to a title. */
function measureOf(f: GoalFacts): string | null {
  const suffix = measureSuffix(f.kind, f.core, f.titleLanguage, f.domain);
  return suffix.replace(/^[\s—:-]+/u, '').trim() || null;
}

function rewrite(f: GoalFacts, suggested: LocalDate): string {
  const lang = f.titleLanguage;
  const core = shorten(f.core, 150) || tr(lang, 'Цель', 'Goal');
  let measure = '';
  if (f.kind === 'habit' && f.frequency && !f.measure) {
    measure = tr(lang, ' — 30 дней подряд', ' — for 30 days in a row');
  } else if (!f.measure) measure = measureSuffix(f.kind, f.core, lang, f.domain);
  else if (!normalize(core).includes(normalize(f.measure.text))) measure = ` — ${f.measure.text}`;
  return `${core}${measure} ${tr(lang, 'к', 'by')} ${formatDate(suggested, lang)}`;
}

export function analyzeGoalOffline(goal: CoachGoal, ctx: CoachContext): SmartReview {
  const lang = ctx.language;
  const facts = readGoal(goal, ctx);
  const suggested = suggestedDeadline(facts);
  const specific = judgeSpecific(facts, lang);
  const measurable = judgeMeasurable(facts, lang);
  const achievable = judgeAchievable(facts, lang, suggested);
  const relevant = judgeRelevant(facts, lang);
  const timeBound = judgeTimeBound(facts, lang, suggested);
  const all: Judgement[] = [specific, measurable, achievable, relevant, timeBound];
  const score = Math.round(all.reduce((sum, j) => sum + j.score, 0) / all.length);

  const suggestions = all
    .filter((j) => j.suggestion && j.score < WORTH_SUGGESTING)
    .sort((a, b) => a.score - b.score)
    .map((j) => j.suggestion ?? '')
    .slice(0, MAX_SUGGESTIONS);

  const review = (j: Judgement) => ({ score: j.score, comment: j.comment });
  return {
    score,
    specific: review(specific),
    measurable: review(measurable),
    achievable: review(achievable),
    relevant: review(relevant),
    timeBound: review(timeBound),
    suggestions,
    rewrittenGoal: score < GOOD_ENOUGH ? rewrite(facts, suggested) : null,
    suggestedDeadline: isoDate(suggested),
    suggestedMeasure: measurable.score < MEASURED ? measureOf(facts) : null,
  };
}
