/**
 * The coach in chat, one message per step: SMART review → at most two questions (deadline,
 * then measure), whose answers update the goal → plan → accept → calendar. A question can be
 * answered with its buttons or in words (a dialog waits for the words).
 */
import {
  AnalyzeGoalDocument,
  CoachGoalDocument,
  UpdateGoalDocument,
  type SmartReviewFieldsFragment,
} from '../../gql/graphql.js';
import type { Dialog } from '../../dialog.js';
import { localDate } from '../../format.js';
import { markup } from '../../html.js';
import { meansNone, parseDate } from '../../parse-input.js';
import { button, screen, type Button, type Screen } from '../../screen.js';
import type { Texts } from '../../texts.js';
import type { Turn } from '../../turn.js';

/** Below this the goal has no usable measure, and the coach asks for one. */
const NEEDS_MEASURE = 60;
/** At most this the deadline leaves too little time, and the coach offers another. */
const UNREALISTIC = 40;
const CRITERIA = ['specific', 'measurable', 'achievable', 'relevant', 'timeBound'] as const;

interface CoachGoal {
  id: string;
  title: string;
  targetDate?: string | null;
  smartAnalysis?: SmartReviewFieldsFragment | null;
}

type Question = 'deadline' | 'measure';

function mark(score: number): string {
  return score >= 70 ? '✅' : score >= 45 ? '🟡' : '⚠️';
}

/** The review, short: the score, one line per criterion and the most useful suggestion. */
function reviewText(t: Texts, review: SmartReviewFieldsFragment): string {
  const lines = [markup`🧭 <b>${t.coach.title(review.score)}</b>`, ''];
  for (const key of CRITERIA) {
    const { score, comment } = review[key];
    lines.push(markup`${mark(score)} <b>${t.coach.criteria[key]}</b>: ${comment}`);
  }
  const tip = review.suggestions[0];
  if (tip) lines.push('', markup`💡 ${tip}`);
  return lines.join('\n');
}

/** The next question the goal needs, after `answered` ones. */
function nextQuestion(goal: CoachGoal, answered: Question[]): Question | null {
  const review = goal.smartAnalysis;
  if (!answered.includes('deadline') && (!goal.targetDate || isUnrealistic(goal))) {
    return 'deadline';
  }
  if (!answered.includes('measure') && (review?.measurable.score ?? 100) < NEEDS_MEASURE) {
    return 'measure';
  }
  return null;
}

function questionScreen(t: Texts, goal: CoachGoal, question: Question, intro = ''): Screen {
  const review = goal.smartAnalysis;
  const rows: Button[][] = [];
  let ask: string;
  if (question === 'deadline') {
    ask = goal.targetDate ? t.coach.askNewDeadline : t.coach.askDeadline;
    const first: Button[] = [];
    if (review?.suggestedDeadline) {
      first.push(
        button(t.coach.useDate(localDate(review.suggestedDeadline)), {
          a: 'coachDate',
          goalId: goal.id,
          date: review.suggestedDeadline,
        }),
      );
    }
    first.push(
      button(goal.targetDate ? t.coach.keepDate : t.coach.noDate, {
        a: 'coachNoDate',
        goalId: goal.id,
      }),
    );
    rows.push(first);
  } else {
    ask = t.coach.askMeasure;
    const first: Button[] = [];
    if (review?.suggestedMeasure) {
      first.push(
        button(t.coach.useMeasure(review.suggestedMeasure), {
          a: 'coachMeasure',
          goalId: goal.id,
        }),
      );
    }
    first.push(button(t.coach.skip, { a: 'coachSkip', goalId: goal.id }));
    rows.push(first);
  }
  rows.push([button(t.coach.openGoal, { a: 'goal', goalId: goal.id })]);
  const text = [intro, markup`${ask}`].filter(Boolean).join('\n\n');
  return screen(text, rows);
}

function readyScreen(t: Texts, goal: CoachGoal, intro = ''): Screen {
  const date = goal.targetDate ? localDate(goal.targetDate) : null;
  const text = [intro, markup`${t.coach.ready(goal.title, date)}`].filter(Boolean).join('\n\n');
  return screen(text, [
    [button(t.coach.makePlan, { a: 'plan', goalId: goal.id })],
    [button(t.coach.openGoal, { a: 'goal', goalId: goal.id })],
  ]);
}

/** What follows: the next question (with its dialog waiting for words) or the plan offer. */
function nextStep(
  t: Texts,
  goal: CoachGoal,
  answered: Question[],
  intro = '',
): { screen: Screen; dialog?: Dialog } {
  const question = nextQuestion(goal, answered);
  if (!question) return { screen: readyScreen(t, goal, intro) };
  return {
    screen: questionScreen(t, goal, question, intro),
    dialog:
      question === 'deadline'
        ? { kind: 'coachDeadline', goalId: goal.id }
        : { kind: 'coachMeasure', goalId: goal.id },
  };
}

async function showStep(turn: Turn, step: { screen: Screen; dialog?: Dialog }): Promise<void> {
  await turn.saveState({ ...turn.state, dialog: step.dialog });
  await turn.show(step.screen);
}

/** Reviews the goal: the review with its first question (or the plan offer). */
export async function coachReview(
  turn: Turn,
  goalId: string,
): Promise<{ screen: Screen; dialog?: Dialog }> {
  const { analyzeGoal } = await turn.api(AnalyzeGoalDocument, { goalId });
  const intro = analyzeGoal.smartAnalysis ? reviewText(turn.t, analyzeGoal.smartAnalysis) : '';
  return nextStep(turn.t, analyzeGoal, [], intro);
}

/** 🧭 SMART: reviews the goal and asks its first question (or offers the plan). */
export async function startCoach(turn: Turn, goalId: string): Promise<void> {
  await showStep(turn, await coachReview(turn, goalId));
}

/** Sets (or keeps) the deadline, then asks about the measure if the goal needs one. */
export async function answerDeadline(
  turn: Turn,
  goalId: string,
  date: string | null | undefined,
): Promise<{ screen: Screen; dialog?: Dialog }> {
  if (date === undefined) {
    const { goal } = await turn.api(CoachGoalDocument, { id: goalId });
    return nextStep(turn.t, goal, ['deadline']);
  }
  await turn.api(UpdateGoalDocument, { id: goalId, input: { targetDate: date } });
  // The new date is checked against the goal's numbers at once ("$5000 in 3 weeks").
  const { analyzeGoal: goal } = await turn.api(AnalyzeGoalDocument, { goalId });
  const step = nextStep(turn.t, goal, ['deadline'], realismText(goal));
  return { ...step, screen: withMoveButton(turn.t, goal, step.screen) };
}

/** The achievable verdict when the deadline is unrealistic, with what to do about it. */
function realismText(goal: CoachGoal): string {
  const review = goal.smartAnalysis;
  if (!review || !isUnrealistic(goal)) return '';
  const tip = review.suggestions[0];
  return [markup`⚠️ ${review.achievable.comment}`, tip ? markup`💡 ${tip}` : '']
    .filter(Boolean)
    .join('\n');
}

function isUnrealistic(goal: CoachGoal): boolean {
  const review = goal.smartAnalysis;
  return Boolean(
    goal.targetDate &&
    review &&
    review.achievable.score <= UNREALISTIC &&
    review.suggestedDeadline &&
    review.suggestedDeadline !== goal.targetDate,
  );
}

/** Offers the realistic date as one more button when the chosen one is not. */
function withMoveButton(t: Texts, goal: CoachGoal, shown: Screen): Screen {
  const suggested = goal.smartAnalysis?.suggestedDeadline;
  if (!suggested || !isUnrealistic(goal)) return shown;
  const move = button(t.coach.moveDate(localDate(suggested)), {
    a: 'coachDate',
    goalId: goal.id,
    date: suggested,
  });
  return { ...shown, buttons: [[move], ...shown.buttons] };
}

/** Adds the measure to the goal's title ("Выучить испанский — до уровня B1"). */
export async function answerMeasure(
  turn: Turn,
  goalId: string,
  measure: string | null,
): Promise<{ screen: Screen; dialog?: Dialog }> {
  const { goal } = await turn.api(CoachGoalDocument, { id: goalId });
  const chosen = measure ?? goal.smartAnalysis?.suggestedMeasure ?? null;
  let title = goal.title;
  if (chosen && !title.toLowerCase().includes(chosen.toLowerCase())) {
    title = `${title} — ${chosen}`.slice(0, 200);
    await turn.api(UpdateGoalDocument, { id: goalId, input: { title } });
  }
  return nextStep(turn.t, { ...goal, title }, ['deadline', 'measure']);
}

/** Button presses of the questions: the answer, then the next step in the same message. */
export async function pressAnswer(
  turn: Turn,
  step: Promise<{ screen: Screen; dialog?: Dialog }>,
): Promise<void> {
  await showStep(turn, await step);
}

/** A typed deadline: a date, or "нет" for none; anything else is asked again. */
export function readDeadline(text: string, timezone: string): string | null | 'bad' {
  if (meansNone(text)) return null;
  return parseDate(text, timezone) ?? 'bad';
}
