/**
 * Scheduling a goal's plan from the chat: the reply lists every day and time chosen, each with
 * why, and offers to turn repeated practice (a recurring step) into a habit with a streak.
 */
import { DateTime } from 'luxon';
import {
  CreateHabitDocument,
  GoalCardDocument,
  SchedulePlanDocument,
  type SchedulePlanMutation,
} from '../../gql/graphql.js';
import { markup } from '../../html.js';
import { button, screen, type Screen } from '../../screen.js';
import type { Texts } from '../../texts.js';
import type { Turn } from '../../turn.js';

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

type Placement = SchedulePlanMutation['schedulePlan']['placements'][number];

/** ISO weekdays of a step's RRULE as a bit mask (bit 0 = Monday); 127 = every day. */
export function weekdayMask(recurrence: string): number {
  if (/FREQ=DAILY/u.test(recurrence)) return 127;
  const days = /BYDAY=([A-Z,]+)/u.exec(recurrence)?.[1]?.split(',') ?? [];
  return days.reduce((mask, day) => mask | (1 << BYDAY.indexOf(day)), 0);
}

export function scheduleScreen(
  t: Texts,
  goalId: string,
  result: SchedulePlanMutation['schedulePlan'],
  stepIndex: (stepId: string) => number,
  timezone: string,
): Screen {
  if (!result.applied) {
    return screen(markup`${result.message ?? t.scheduled(0)}`, [
      [button(t.back, { a: 'goal', goalId })],
    ]);
  }
  const lines = result.placements.map((p) => markup`• ${p.explanation}`);
  const habits = result.placements
    .filter((p): p is Placement & { recurrence: string } => Boolean(p.recurrence))
    .map((p) => [
      button(t.planHabitOffer(shortTitle(p.explanation)), {
        a: 'planHabit',
        goalId,
        n: stepIndex(p.stepId),
        days: weekdayMask(p.recurrence),
        at: DateTime.fromISO(p.start, { zone: timezone }).toFormat('HHmm'),
      }),
    ]);
  const text = [markup`📆 <b>${t.scheduledTitle}</b>`, '', ...lines].join('\n');
  return screen(text, [...habits, [button(t.back, { a: 'goal', goalId })]]);
}

/** The step's title from its explanation line («…» or “…”), for a button label. */
function shortTitle(explanation: string): string {
  const title = /[«“](.+?)[»”]/u.exec(explanation)?.[1] ?? '';
  return title.length > 28 ? `${title.slice(0, 27)}…` : title;
}

export async function scheduleGoal(turn: Turn, goalId: string): Promise<void> {
  await turn.show(await scheduledGoalScreen(turn, goalId));
}

/** Schedules the goal's open steps and gives the screen that lists them. */
export async function scheduledGoalScreen(turn: Turn, goalId: string): Promise<Screen> {
  const { schedulePlan } = await turn.api(SchedulePlanDocument, { goalId });
  const { goal } = await turn.api(GoalCardDocument, { id: goalId });
  const ordered = [...goal.steps].sort((a, b) => a.position - b.position);
  const index = (stepId: string) => ordered.findIndex((step) => step.id === stepId);
  return scheduleScreen(turn.t, goalId, schedulePlan, index, turn.timezone);
}

/** Creates a habit from the n-th step of the goal, on the days and at the time it was placed. */
export async function stepToHabit(
  turn: Turn,
  fields: { goalId: string; n: number; days: number; at: string },
): Promise<void> {
  const { goal } = await turn.api(GoalCardDocument, { id: fields.goalId });
  const step = [...goal.steps].sort((a, b) => a.position - b.position)[fields.n];
  if (!step) {
    await turn.answer(turn.t.planHabitGone);
    return;
  }
  const weekdays = [1, 2, 3, 4, 5, 6, 7].filter((day) => fields.days & (1 << (day - 1)));
  const schedule =
    weekdays.length === 7 ? { kind: 'DAILY' as const } : { kind: 'WEEKDAYS' as const, weekdays };
  const time = `${fields.at.slice(0, 2)}:${fields.at.slice(2)}`;
  const { createHabit } = await turn.api(CreateHabitDocument, {
    input: { title: step.title.slice(0, 200), goalId: goal.id, schedule, reminderTimes: [time] },
  });
  await turn.answer(turn.t.planHabitCreated);
  await turn.show(
    screen(markup`🔁 ${turn.t.planHabitDone(createHabit.title)}`, [
      [button(turn.t.back, { a: 'goal', goalId: goal.id })],
    ]),
  );
}
