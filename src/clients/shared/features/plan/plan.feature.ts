import { nonNegativeInt, uuid, type Field } from '../../callback-data.js';
import { AcceptPlanDocument } from '../../gql/graphql.js';
import type { Feature } from '../feature.js';
import { ApiError } from '../../api-client.js';
import { goalScreen, goalsScreen } from '../goals/goals.feature.js';
import { goalCard } from '../goals/goals.views.js';
import { cancelPlanGeneration, startPlanGeneration } from './plan-generation.js';
import { scheduleGoal, stepToHabit } from './plan-schedule.js';

const hhmm: Field<string> = (raw) => (/^([01]\d|2[0-3])[0-5]\d$/.test(raw) ? raw : undefined);
const weekdayMask: Field<number> = (raw) => {
  const mask = nonNegativeInt(raw);
  return mask !== undefined && mask >= 1 && mask <= 127 ? mask : undefined;
};

export type PlanCallback =
  | { a: 'plan'; goalId: string }
  | { a: 'planCancel'; goalId: string }
  | { a: 'planAccept'; proposalId: string }
  | { a: 'planSchedule'; goalId: string }
  | { a: 'planHabit'; goalId: string; n: number; days: number; at: string };

/** A goal's step plan: made with a progress bar (cancellable), then accepted into the goal. */
export const planFeature: Feature<PlanCallback> = {
  commands: {},
  buttons: {
    plan: {
      code: 'gp',
      fields: { goalId: uuid },
      press: (turn, { goalId }) => startPlanGeneration(turn, goalId),
    },
    planCancel: {
      code: 'gpc',
      fields: { goalId: uuid },
      press: (turn, { goalId }) => cancelPlanGeneration(turn, goalId),
    },
    planAccept: {
      code: 'gpa',
      fields: { proposalId: uuid },
      async press(turn, { proposalId }) {
        try {
          const { acceptPlan } = await turn.api(AcceptPlanDocument, { proposalId });
          await turn.show(goalCard(turn.t, acceptPlan));
        } catch (error) {
          // A double tap: the first press accepted it. Show the goal it went into.
          if (!(error instanceof ApiError) || error.code !== 'CONFLICT') throw error;
          await turn.answer(turn.t.planAlreadyAccepted);
          const back = turn.shownButtons
            .flat()
            .find((b) => 'callback' in b && b.callback.a === 'goal');
          const goalId =
            back && 'callback' in back && back.callback.a === 'goal' && back.callback.goalId;
          await turn.show(goalId ? await goalScreen(turn, goalId) : await goalsScreen(turn, 0));
        }
      },
    },
    planSchedule: {
      code: 'gps',
      fields: { goalId: uuid },
      press: (turn, { goalId }) => scheduleGoal(turn, goalId),
    },
    planHabit: {
      code: 'gph',
      fields: { goalId: uuid, n: nonNegativeInt, days: weekdayMask, at: hhmm },
      press: (turn, fields) => stepToHabit(turn, fields),
    },
  },
  dialogs: {},
};
