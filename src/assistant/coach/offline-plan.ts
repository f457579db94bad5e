/**
 * The offline step plan for a goal: a template chosen by the kind of goal (read from Russian
 * and English keywords), filled with the goal's own object (the language, the distance, the
 * sum), every step with an if-then cue in `ctx.language`.
 */
import { normalize } from '../offline/text.js';
import type { CoachContext, CoachGoal, PlanProposal, PlanStepProposal } from './coach.types.js';
import { detectDomain } from './offline-domain.js';
import { readGoal } from './offline-goal-facts.js';
import { habitOf, languageOf } from './offline-goal-kind.js';
import { quote, shorten, tr } from './offline-words.js';
import { PLAN_TEMPLATES } from './plan-templates.js';
import { domainPlan } from './plan-templates-domains.js';
import type { PlanSubject, StepSpec } from './plan-types.js';

const MIN_STEPS = 3;
const MAX_STEPS = 10;
const MIN_MINUTES = 5;
const MAX_MINUTES = 600;
const MAX_TITLE = 200;

const JOB_SEARCH = /резюме|собеседовани|ваканси|оффер|работу|job|resume|cv|interview|offer/iu;

function toStep(spec: StepSpec, ctx: CoachContext): PlanStepProposal {
  const [title, when, action] = ctx.language === 'en' ? spec.en : spec.ru;
  const minutes = Math.round(spec.minutes / 5) * 5;
  return {
    title: shorten(title, MAX_TITLE),
    estimatedMinutes: Math.min(MAX_MINUTES, Math.max(MIN_MINUTES, minutes)),
    ifThenCue: tr(ctx.language, `Если ${when} — ${action}`, `If ${when} — ${action}`),
  };
}

export function generatePlanOffline(goal: CoachGoal, ctx: CoachContext): PlanProposal {
  const facts = readGoal(goal, ctx);
  const text = `${goal.title} ${goal.description ?? ''}`;
  const language = languageOf(text);
  const domain = detectDomain(text);
  const subject: PlanSubject = {
    quoted: facts.core.trim()
      ? quote(shorten(facts.core, 80), ctx.language)
      : tr(ctx.language, 'цели', 'the goal'),
    habit: habitOf(text),
    jobSearch: JOB_SEARCH.test(normalize(text)),
    ...(language ? { language } : {}),
    ...(facts.measure ? { measure: facts.measure } : {}),
    ...(domain ? { domain } : {}),
  };

  const steps: PlanStepProposal[] = [];
  const seen = new Set<string>();
  const add = (specs: StepSpec[]) => {
    for (const spec of specs) {
      const step = toStep(spec, ctx);
      const key = normalize(step.title);
      if (seen.has(key) || steps.length >= MAX_STEPS) continue;
      seen.add(key);
      steps.push(step);
    }
  };
  const ofDomain = domainPlan(subject);
  add(ofDomain ?? PLAN_TEMPLATES[facts.kind](subject));
  if (steps.length < MIN_STEPS) add(PLAN_TEMPLATES.generic(subject));
  const source = domain ? `${domain.name}:${domain.level}` : facts.kind;
  return { steps, source: `offline:${source}` };
}
