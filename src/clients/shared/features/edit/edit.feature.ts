import { keyOf, uuid } from '../../callback-data.js';
import { beginDialog } from '../../dialog.js';
import {
  DeleteStepDocument,
  EventCardDocument,
  StepCardDocument,
  UpdateGoalDocument,
  UpdateStepCardDocument,
  type UpdateStepInput,
} from '../../gql/graphql.js';
import { meansNone, parseDuration, parseWhen } from '../../parse-input.js';
import type { Screen } from '../../screen.js';
import type { Turn } from '../../turn.js';
import type { Dialogs, Feature } from '../feature.js';
import { goalScreen, titleProblem } from '../goals/goals.feature.js';
import { goalCard } from '../goals/goals.views.js';
import {
  eventRulesButtons,
  eventRulesDialogs,
  updateEvent,
  type EventRulesCallback,
  type EventRulesDialog,
} from './event-rules.js';
import {
  REPEATS,
  repeatRule,
  repeatScreen,
  stepCard,
  stepDeleteConfirm,
  type RepeatCode,
} from './edit.views.js';

export type EditCallback =
  | { a: 'eventEditTitle'; eventId: string }
  | { a: 'eventEditDuration'; eventId: string }
  | { a: 'eventEditNotes'; eventId: string }
  | { a: 'eventRepeat'; eventId: string }
  | { a: 'eventRepeatSet'; eventId: string; rule: RepeatCode }
  | { a: 'goalEditDescription'; goalId: string }
  | { a: 'step'; stepId: string }
  | { a: 'stepEditTitle'; stepId: string }
  | { a: 'stepEditEstimate'; stepId: string }
  | { a: 'stepEditTime'; stepId: string }
  | { a: 'stepDelete'; stepId: string }
  | { a: 'stepDeleteYes'; stepId: string }
  | EventRulesCallback;

export type EditDialog =
  | { kind: 'eventTitle'; eventId: string }
  | { kind: 'eventDuration'; eventId: string }
  | { kind: 'eventNotes'; eventId: string }
  | { kind: 'goalDescription'; goalId: string }
  | { kind: 'stepTitle'; stepId: string }
  | { kind: 'stepEstimate'; stepId: string }
  | { kind: 'stepTime'; stepId: string }
  | EventRulesDialog;

const NOTES_LIMIT = 5000;

async function updateStep(turn: Turn, stepId: string, input: UpdateStepInput): Promise<Screen> {
  const { updateStep } = await turn.api(UpdateStepCardDocument, { id: stepId, input });
  return stepCard(turn.t, turn.lang, turn.timezone, updateStep);
}

async function showStep(turn: Turn, stepId: string): Promise<void> {
  const { step } = await turn.api(StepCardDocument, { id: stepId });
  await turn.show(stepCard(turn.t, turn.lang, turn.timezone, step));
}

/** A length in words ("1ч 30м") or "нет" (only where it may be cleared). */
function readMinutes(text: string, clearable: boolean): number | null | undefined {
  if (clearable && meansNone(text)) return null;
  return parseDuration(text) ?? undefined;
}

const dialogs: Dialogs<EditDialog> = {
  ...eventRulesDialogs,
  eventTitle: {
    prompt: (t) => t.askEventTitle,
    fields: { eventId: uuid },
    answer: async (turn, { eventId }, text) =>
      titleProblem(turn, text) ?? updateEvent(turn, eventId, { title: text }),
  },
  eventDuration: {
    prompt: (t) => t.askDuration,
    fields: { eventId: uuid },
    async answer(turn, { eventId }, text) {
      const minutes = readMinutes(text, false);
      if (!minutes) return { retry: turn.t.badDuration };
      return updateEvent(turn, eventId, { durationMinutes: minutes });
    },
  },
  eventNotes: {
    prompt: (t) => t.askNotes,
    fields: { eventId: uuid },
    answer: (turn, { eventId }, text) =>
      updateEvent(turn, eventId, {
        notes: meansNone(text) ? null : text.slice(0, NOTES_LIMIT),
      }),
  },
  goalDescription: {
    prompt: (t) => t.askDescription,
    fields: { goalId: uuid },
    async answer(turn, { goalId }, text) {
      const description = meansNone(text) ? null : text.slice(0, NOTES_LIMIT);
      const { updateGoal } = await turn.api(UpdateGoalDocument, {
        id: goalId,
        input: { description },
      });
      return goalCard(turn.t, updateGoal, turn.timezone);
    },
  },
  stepTitle: {
    prompt: (t) => t.askStepNewTitle,
    fields: { stepId: uuid },
    answer: async (turn, { stepId }, text) =>
      titleProblem(turn, text) ?? updateStep(turn, stepId, { title: text }),
  },
  stepEstimate: {
    prompt: (t) => t.askEstimate,
    fields: { stepId: uuid },
    async answer(turn, { stepId }, text) {
      const minutes = readMinutes(text, true);
      if (minutes === undefined) return { retry: turn.t.badDuration };
      return updateStep(turn, stepId, { estimatedMinutes: minutes });
    },
  },
  stepTime: {
    prompt: (t) => t.askPlanned,
    fields: { stepId: uuid },
    async answer(turn, { stepId }, text) {
      const plannedStart = meansNone(text) ? null : parseWhen(text, turn.timezone);
      if (plannedStart === null && !meansNone(text)) return { retry: turn.t.badDateTime };
      return updateStep(turn, stepId, { plannedStart });
    },
  },
};

/** Editing what the cards show: the rest of an event, a goal's description, and a step's card. */
export const editFeature: Feature<EditCallback, EditDialog> = {
  commands: {},
  buttons: {
    ...eventRulesButtons,
    eventEditTitle: {
      code: 'uet',
      fields: { eventId: uuid },
      press: (turn, { eventId }) =>
        beginDialog(turn, dialogs.eventTitle, { kind: 'eventTitle', eventId }),
    },
    eventEditDuration: {
      code: 'ued',
      fields: { eventId: uuid },
      press: (turn, { eventId }) =>
        beginDialog(turn, dialogs.eventDuration, { kind: 'eventDuration', eventId }),
    },
    eventEditNotes: {
      code: 'uen',
      fields: { eventId: uuid },
      press: (turn, { eventId }) =>
        beginDialog(turn, dialogs.eventNotes, { kind: 'eventNotes', eventId }),
    },
    eventRepeat: {
      code: 'uer',
      fields: { eventId: uuid },
      async press(turn, { eventId }) {
        const { event } = await turn.api(EventCardDocument, { id: eventId });
        await turn.show(repeatScreen(turn.t, event));
      },
    },
    eventRepeatSet: {
      code: 'uers',
      fields: { eventId: uuid, rule: keyOf(REPEATS) },
      async press(turn, { eventId, rule }) {
        const { event } = await turn.api(EventCardDocument, { id: eventId });
        await turn.answer(turn.t.saved);
        await turn.show(await updateEvent(turn, eventId, { recurrence: repeatRule(rule, event) }));
      },
    },
    goalEditDescription: {
      code: 'ugd',
      fields: { goalId: uuid },
      press: (turn, { goalId }) =>
        beginDialog(turn, dialogs.goalDescription, { kind: 'goalDescription', goalId }),
    },
    step: {
      code: 'us',
      fields: { stepId: uuid },
      press: (turn, { stepId }) => showStep(turn, stepId),
    },
    stepEditTitle: {
      code: 'ust',
      fields: { stepId: uuid },
      press: (turn, { stepId }) =>
        beginDialog(turn, dialogs.stepTitle, { kind: 'stepTitle', stepId }),
    },
    stepEditEstimate: {
      code: 'use',
      fields: { stepId: uuid },
      press: (turn, { stepId }) =>
        beginDialog(turn, dialogs.stepEstimate, { kind: 'stepEstimate', stepId }),
    },
    stepEditTime: {
      code: 'usp',
      fields: { stepId: uuid },
      press: (turn, { stepId }) =>
        beginDialog(turn, dialogs.stepTime, { kind: 'stepTime', stepId }),
    },
    stepDelete: {
      code: 'usx',
      fields: { stepId: uuid },
      async press(turn, { stepId }) {
        const { step } = await turn.api(StepCardDocument, { id: stepId });
        await turn.show(stepDeleteConfirm(turn.t, step));
      },
    },
    stepDeleteYes: {
      code: 'usxy',
      fields: { stepId: uuid },
      async press(turn, { stepId }) {
        const { step } = await turn.api(StepCardDocument, { id: stepId });
        await turn.api(DeleteStepDocument, { id: stepId });
        await turn.answer(turn.t.stepDeleted);
        await turn.show(await goalScreen(turn, step.goalId));
      },
    },
  },
  dialogs,
};
