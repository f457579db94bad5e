import { GoalSmartReviewDocument, type GoalSmartReviewMutation } from '../../gql/graphql.js';
import { markup } from '../../html.js';
import { button, screen, type Screen } from '../../screen.js';
import type { Texts } from '../../texts.js';
import type { Turn } from '../../turn.js';

type Review = GoalSmartReviewMutation['analyzeGoal'];
const CRITERIA = ['specific', 'measurable', 'achievable', 'relevant', 'timeBound'] as const;

/** The goal's SMART review: the score, a line per criterion, what to improve, what next. */
export function smartScreen(t: Texts, goal: Review): Screen {
  const review = goal.smartAnalysis;
  const lines = [markup`✅ <b>SMART: ${goal.title}</b>`];
  if (review) {
    lines.push(markup`${t.smartScore(review.score)}`, '');
    for (const criterion of CRITERIA) {
      const { score, comment } = review[criterion];
      const mark = score >= 70 ? '✅' : score >= 40 ? '🟡' : '⚠️';
      lines.push(markup`${mark} <b>${t.smartCriteria[criterion]}</b>: ${comment}`);
    }
    if (review.suggestions.length) {
      lines.push('', markup`<b>${t.smartSuggestions}</b>`);
      for (const suggestion of review.suggestions.slice(0, 3)) lines.push(markup`• ${suggestion}`);
    }
  }
  return screen(lines.join('\n'), [
    [
      button(t.goalButtons.plan, { a: 'plan', goalId: goal.id }),
      button(t.openGoal, { a: 'goal', goalId: goal.id }),
    ],
  ]);
}

/** Reviews the goal and sends the review as a new message: the pressed one keeps its buttons. */
export async function reviewGoal(turn: Turn, goalId: string): Promise<void> {
  const { analyzeGoal } = await turn.api(GoalSmartReviewDocument, { goalId });
  await turn.answer();
  await turn.send(smartScreen(turn.t, analyzeGoal));
}
