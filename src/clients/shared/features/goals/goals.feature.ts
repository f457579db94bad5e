import { meansNone, parseDate } from '../../parse-input.js';
import { beginDialog } from '../../dialog.js';
import { nonNegativeInt, uuid } from '../../callback-data.js';
import {
  AddStepDocument,
  CompleteStepDocument,
  CreateGoalDocument,
  DeleteGoalDocument,
  GoalCardDocument,
  GoalListDocument,
  GoalProgressPictureDocument,
  UpdateGoalDocument,
} from '../../gql/graphql.js';
import { markup } from '../../html.js';
import type { Screen } from '../../screen.js';
import type { Turn } from '../../turn.js';
import type { DialogOutcome, Dialogs, Feature } from '../feature.js';
import { coachReview } from '../plan/coach-flow.js';
import { scheduleGoal } from '../plan/plan-schedule.js';
import {
  goalCard,
  goalDeleteConfirm,
  goalEditMenu,
  goalList,
  GOALS_PAGE_SIZE,
} from './goals.views.js';

export type GoalsCallback =
  | { a: 'goals'; offset: number }
  | { a: 'goal'; goalId: string }
  | { a: 'newGoal' }
  | { a: 'stepDone'; stepId: string }
  | { a: 'goalEdit'; goalId: string }
  | { a: 'goalEditTitle'; goalId: string }
  | { a: 'goalEditDeadline'; goalId: string }
  | { a: 'goalAddStep'; goalId: string }
  | { a: 'goalDelete'; goalId: string }
  | { a: 'goalDeleteYes'; goalId: string }
  | { a: 'schedule'; goalId: string }
  | { a: 'goalChart'; goalId: string };

export type GoalsDialog =
  | { kind: 'newGoal' }
  | { kind: 'goalTitle'; goalId: string }
  | { kind: 'goalDeadline'; goalId: string }
  | { kind: 'addStep'; goalId: string };

export async function goalsScreen(turn: Turn, offset: number): Promise<Screen> {
  const { goals } = await turn.api(GoalListDocument, { offset, limit: GOALS_PAGE_SIZE });
  return goalList(turn.t, goals, offset);
}

export async function goalScreen(turn: Turn, goalId: string): Promise<Screen> {
  const { goal } = await turn.api(GoalCardDocument, { id: goalId });
  return goalCard(turn.t, goal, turn.timezone);
}

/** The API takes titles of up to 200 characters: say so before asking it. */
const TITLE_LIMIT = 200;
/** A title the API would refuse or that names nothing (only emoji, blank): ask again, say why. */
export function titleProblem(turn: Turn, text: string): DialogOutcome | null {
  const length = [...text].length;
  if (length > TITLE_LIMIT) return { retry: turn.t.titleTooLong(TITLE_LIMIT, length), keep: true };
  return /[\p{L}\p{N}]/u.test(text) ? null : { retry: turn.t.titleNoWords, keep: true };
}

const dialogs: Dialogs<GoalsDialog> = {
  newGoal: {
    prompt: (t) => t.askGoalTitle,
    fields: {},
    async answer(turn, _dialog, text) {
      const long = titleProblem(turn, text);
      if (long) return long;
      const { createGoal } = await turn.api(CreateGoalDocument, { input: { title: text } });
      // A new goal goes straight to the coach: its SMART review and first question.
      const next = await coachReview(turn, createGoal.id);
      return { screen: next.screen, continueWith: next.dialog };
    },
  },
  goalTitle: {
    prompt: (t) => t.askNewTitle,
    fields: { goalId: uuid },
    async answer(turn, { goalId }, text) {
      const long = titleProblem(turn, text);
      if (long) return long;
      const { updateGoal } = await turn.api(UpdateGoalDocument, {
        id: goalId,
        input: { title: text },
      });
      return goalCard(turn.t, updateGoal, turn.timezone);
    },
  },
  goalDeadline: {
    prompt: (t) => t.askDeadline,
    fields: { goalId: uuid },
    async answer(turn, { goalId }, text) {
      const targetDate = meansNone(text) ? null : parseDate(text, turn.timezone);
      if (targetDate === null && !meansNone(text)) return { retry: turn.t.badDate };
      const { updateGoal } = await turn.api(UpdateGoalDocument, {
        id: goalId,
        input: { targetDate },
      });
      return goalCard(turn.t, updateGoal, turn.timezone);
    },
  },
  addStep: {
    prompt: (t) => t.askStepTitle,
    fields: { goalId: uuid },
    async answer(turn, { goalId }, text) {
      const long = titleProblem(turn, text);
      if (long) return long;
      await turn.api(AddStepDocument, { goalId, input: { title: text } });
      return goalScreen(turn, goalId);
    },
  },
};

async function editOrDelete(turn: Turn, goalId: string, view: typeof goalEditMenu) {
  const { goal } = await turn.api(GoalCardDocument, { id: goalId });
  await turn.show(view(turn.t, goal));
}

/** Goals: the paged list, a goal's card, its steps, and editing, deleting and scheduling it. */
export const goalsFeature: Feature<GoalsCallback, GoalsDialog, 'goals' | 'newgoal'> = {
  commands: {
    goals: async (turn) => turn.show(await goalsScreen(turn, 0)),
    newgoal: (turn) => beginDialog(turn, dialogs.newGoal, { kind: 'newGoal' }),
  },
  buttons: {
    goals: {
      code: 'gl',
      fields: { offset: nonNegativeInt },
      press: async (turn, { offset }) => turn.show(await goalsScreen(turn, offset)),
    },
    goal: {
      code: 'g',
      fields: { goalId: uuid },
      async press(turn, { goalId }) {
        // Opening the goal from a coach question leaves the question unanswered.
        if (turn.state.dialog?.kind.startsWith('coach')) {
          await turn.saveState({ ...turn.state, dialog: undefined });
        }
        await turn.show(await goalScreen(turn, goalId));
      },
    },
    newGoal: {
      code: 'ng',
      fields: {},
      press: (turn) => beginDialog(turn, dialogs.newGoal, { kind: 'newGoal' }),
    },
    stepDone: {
      code: 'sd',
      fields: { stepId: uuid },
      async press(turn, { stepId }) {
        const { completeStep } = await turn.api(CompleteStepDocument, { id: stepId });
        await turn.answer(turn.t.stepDone);
        await turn.show(await goalScreen(turn, completeStep.goalId));
      },
    },
    goalEdit: {
      code: 'ge',
      fields: { goalId: uuid },
      press: (turn, { goalId }) => editOrDelete(turn, goalId, goalEditMenu),
    },
    goalEditTitle: {
      code: 'get',
      fields: { goalId: uuid },
      press: (turn, { goalId }) =>
        beginDialog(turn, dialogs.goalTitle, { kind: 'goalTitle', goalId }),
    },
    goalEditDeadline: {
      code: 'ged',
      fields: { goalId: uuid },
      press: (turn, { goalId }) =>
        beginDialog(turn, dialogs.goalDeadline, { kind: 'goalDeadline', goalId }),
    },
    goalAddStep: {
      code: 'gas',
      fields: { goalId: uuid },
      press: (turn, { goalId }) => beginDialog(turn, dialogs.addStep, { kind: 'addStep', goalId }),
    },
    goalDelete: {
      code: 'gx',
      fields: { goalId: uuid },
      press: (turn, { goalId }) => editOrDelete(turn, goalId, goalDeleteConfirm),
    },
    goalDeleteYes: {
      code: 'gxy',
      fields: { goalId: uuid },
      async press(turn, { goalId }) {
        await turn.api(DeleteGoalDocument, { id: goalId });
        await turn.answer(turn.t.goalDeleted);
        await turn.show(await goalsScreen(turn, 0));
      },
    },
    schedule: {
      code: 'gs',
      fields: { goalId: uuid },
      press: (turn, { goalId }) => scheduleGoal(turn, goalId),
    },
    goalChart: {
      code: 'gpic',
      fields: { goalId: uuid },
      async press(turn, { goalId }) {
        const [{ goalProgressChart }, { goal }] = await Promise.all([
          turn.api(GoalProgressPictureDocument, { goalId }),
          turn.api(GoalCardDocument, { id: goalId }),
        ]);
        await turn.sendPicture(
          goalProgressChart.url,
          'goal.png',
          markup`${turn.t.chartCaption(goal.title)}`,
        );
      },
    },
  },
  dialogs,
};
