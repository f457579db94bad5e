import { ApiError } from '../../api-client.js';
import { isoDate, nonNegativeInt, uuid, type Field } from '../../callback-data.js';
import { AcceptPlanDocument } from '../../gql/graphql.js';
import type { Dialogs, Feature } from '../feature.js';
import { goalScreen, goalsScreen } from '../goals/goals.feature.js';
import {
  answerDeadline,
  answerMeasure,
  pressAnswer,
  readDeadline,
  startCoach,
} from './coach-flow.js';
import { cancelPlanGeneration, startPlanGeneration } from './plan-generation.js';
import { scheduleGoal, stepToHabit } from './plan-schedule.js';
import { planAcceptedScreen } from './plan.views.js';

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
  | { a: 'planHabit'; goalId: string; n: number; days: number; at: string }
  | { a: 'smart'; goalId: string }
  | { a: 'coachDate'; goalId: string; date: string }
  | { a: 'coachNoDate'; goalId: string }
  | { a: 'coachMeasure'; goalId: string }
  | { a: 'coachSkip'; goalId: string };

/** The coach's questions waiting for words: a deadline, then a measure. */
export type PlanDialog =
  { kind: 'coachDeadline'; goalId: string } | { kind: 'coachMeasure'; goalId: string };

const MAX_MEASURE = 100;

const dialogs: Dialogs<PlanDialog> = {
  coachDeadline: {
    prompt: (t) => t.coach.askDeadline,
    fields: { goalId: uuid },
    async answer(turn, { goalId }, text) {
      const date = readDeadline(text, turn.timezone);
      if (date === 'bad') return { retry: turn.t.coach.badDate };
      const next = await answerDeadline(turn, goalId, date);
      return { screen: next.screen, continueWith: next.dialog };
    },
  },
  coachMeasure: {
    prompt: (t) => t.coach.askMeasure,
    fields: { goalId: uuid },
    async answer(turn, { goalId }, text) {
      const measure = text.replace(/\s+/gu, ' ').trim().slice(0, MAX_MEASURE);
      if (!measure) return { retry: turn.t.coach.emptyMeasure };
      const next = await answerMeasure(turn, goalId, meansSkip(measure) ? '' : measure);
      return { screen: next.screen, continueWith: next.dialog };
    },
  },
};

/** "пропустить", "skip", "нет": no measure. */
function meansSkip(text: string): boolean {
  return /^(пропустить|пропуск|нет|не знаю|skip|no|none|-)$/iu.test(text);
}

/**
 * A goal's coach flow and step plan: SMART review with its questions, the plan made with a
 * progress bar (cancellable), accepted into the goal, then put in the calendar.
 */
export const planFeature: Feature<PlanCallback, PlanDialog> = {
  commands: {},
  buttons: {
    plan: {
      code: 'gp',
      fields: { goalId: uuid },
      async press(turn, { goalId }) {
        // A question of the coach may be waiting; going on to the plan answers it.
        if (turn.state.dialog) await turn.saveState({ ...turn.state, dialog: undefined });
        await startPlanGeneration(turn, goalId);
      },
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
          await turn.show(planAcceptedScreen(turn.t, acceptPlan));
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
    smart: {
      code: 'gsm',
      fields: { goalId: uuid },
      press: (turn, { goalId }) => startCoach(turn, goalId),
    },
    coachDate: {
      code: 'gcd',
      fields: { goalId: uuid, date: isoDate },
      press: (turn, { goalId, date }) => pressAnswer(turn, answerDeadline(turn, goalId, date)),
    },
    coachNoDate: {
      code: 'gcn',
      fields: { goalId: uuid },
      press: (turn, { goalId }) => pressAnswer(turn, answerDeadline(turn, goalId, undefined)),
    },
    coachMeasure: {
      code: 'gcm',
      fields: { goalId: uuid },
      press: (turn, { goalId }) => pressAnswer(turn, answerMeasure(turn, goalId, null)),
    },
    coachSkip: {
      code: 'gck',
      fields: { goalId: uuid },
      press: (turn, { goalId }) => pressAnswer(turn, answerMeasure(turn, goalId, '')),
    },
  },
  dialogs,
};
