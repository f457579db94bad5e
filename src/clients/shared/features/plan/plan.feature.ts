import { uuid } from '../../callback-data.js';
import { AcceptPlanDocument, CancelPlanGenerationDocument } from '../../gql/graphql.js';
import type { Feature } from '../feature.js';
import { goalCard } from '../goals/goals.views.js';
import { startPlanGeneration } from './plan-generation.js';

export type PlanCallback =
  | { a: 'plan'; goalId: string }
  | { a: 'planCancel'; goalId: string }
  | { a: 'planAccept'; proposalId: string };

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
      async press(turn, { goalId }) {
        await turn.api(CancelPlanGenerationDocument, { goalId });
        await turn.answer(turn.t.planCancelled);
      },
    },
    planAccept: {
      code: 'gpa',
      fields: { proposalId: uuid },
      async press(turn, { proposalId }) {
        const { acceptPlan } = await turn.api(AcceptPlanDocument, { proposalId });
        await turn.show(goalCard(turn.t, acceptPlan));
      },
    },
  },
  dialogs: {},
};
