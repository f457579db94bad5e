import { z } from 'zod';
import type {
  CoachContext,
  CoachGoal,
  PlanProposal,
  SmartCriterionReview,
  SmartReview,
} from '../coach/coach.types.js';
import { completeJson, type ModelClient, toStrictJsonSchema } from './model-client.js';
import { contextVars, type PromptName, renderPrompt } from './prompts.js';

const sentence = z.string().trim().min(1);

const criterion = z.object({ score: z.int().min(0).max(100), comment: sentence });

export const smartAnswerSchema = z.object({
  specific: criterion,
  measurable: criterion,
  achievable: criterion,
  relevant: criterion,
  timeBound: criterion,
  suggestions: z.array(sentence).max(5),
  rewrittenGoal: sentence.nullable(),
});

export const planAnswerSchema = z.object({
  steps: z
    .array(
      z.object({
        title: sentence,
        estimatedMinutes: z.int().min(5).max(600),
        ifThenCue: sentence,
      }),
    )
    .min(3)
    .max(10),
});

const SMART_JSON_SCHEMA = toStrictJsonSchema(smartAnswerSchema);
const PLAN_JSON_SCHEMA = toStrictJsonSchema(planAnswerSchema);

/** A SMART review of the goal by the model (prompts/smart-analysis.md). */
export async function analyzeGoalWithModel(
  client: ModelClient,
  goal: CoachGoal,
  ctx: CoachContext,
): Promise<SmartReview> {
  const answer = await completeJson(client, {
    ...request('smart-analysis', goal, ctx),
    schemaName: 'smart_review',
    jsonSchema: SMART_JSON_SCHEMA,
    zodSchema: smartAnswerSchema,
  });
  const criteria: SmartCriterionReview[] = [
    answer.specific,
    answer.measurable,
    answer.achievable,
    answer.relevant,
    answer.timeBound,
  ];
  // The overall score is ours, not the model's: the rounded mean of the five.
  const score = Math.round(criteria.reduce((sum, c) => sum + c.score, 0) / criteria.length);
  return { score, ...answer };
}

/** A plan of 3…10 steps for the goal by the model (prompts/plan.md). */
export async function generatePlanWithModel(
  client: ModelClient,
  goal: CoachGoal,
  ctx: CoachContext,
): Promise<PlanProposal> {
  const answer = await completeJson(client, {
    ...request('plan', goal, ctx),
    schemaName: 'plan',
    jsonSchema: PLAN_JSON_SCHEMA,
    zodSchema: planAnswerSchema,
  });
  return { steps: answer.steps, source: 'model' };
}

function request(name: PromptName, goal: CoachGoal, ctx: CoachContext) {
  const { title, description = null, targetDate = null } = goal;
  return {
    prompt: renderPrompt(name, contextVars(ctx.now, ctx.timezone, ctx.language)),
    user: JSON.stringify({ title, description, targetDate }),
  };
}
