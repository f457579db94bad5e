/**
 * The contract of the goal coach, shared by the offline heuristics and the model engine:
 * a SMART review of a goal and a step plan for it. Plain data; the GraphQL types mirror it.
 */
import type { AssistantLanguage } from '../intent.types.js';

/** What the coach knows about a goal. */
export interface CoachGoal {
  title: string;
  description?: string | null;
  /** Local date YYYY-MM-DD, or null when the goal has no deadline. */
  targetDate?: string | null;
}

export interface CoachContext {
  now: Date;
  /** The user's IANA timezone ("today" is read in it). */
  timezone: string;
  /** The language of every text the coach returns. */
  language: AssistantLanguage;
}

export interface SmartCriterionReview {
  /** 0…100 */
  score: number;
  comment: string;
}

export interface SmartReview {
  /** 0…100, the rounded mean of the five criteria. */
  score: number;
  specific: SmartCriterionReview;
  measurable: SmartCriterionReview;
  achievable: SmartCriterionReview;
  relevant: SmartCriterionReview;
  timeBound: SmartCriterionReview;
  /** Concrete suggestions, most useful first (at most 5). */
  suggestions: string[];
  /** The goal rewritten to meet SMART, which the user may accept; null when already good. */
  rewrittenGoal: string | null;
  /**
   * The one deadline the review suggests (YYYY-MM-DD): the goal's own when realistic. The
   * chat offers it as a button when the goal has no deadline or an unrealistic one.
   */
  suggestedDeadline?: string | null;
  /** A concrete measure to add to the title ("до уровня B1"), when the goal has none. */
  suggestedMeasure?: string | null;
}

export interface PlanStepProposal {
  title: string;
  /** 5…600 */
  estimatedMinutes: number;
  /** An implementation intention: "если понедельник 7:00 — пробежка 20 минут". */
  ifThenCue: string;
}

export interface PlanProposal {
  /** 3…10 steps in the order they should be done. */
  steps: PlanStepProposal[];
  /** Which template or engine produced it, e.g. "offline:language" or "model". */
  source: string;
}
