import { progressBar } from '../../../../common/progress-bar.js';
import { localDate, shortWhen } from '../../format.js';
import type { GoalCardFieldsFragment, GoalListQuery } from '../../gql/graphql.js';
import { markup, truncate } from '../../html.js';
import { button, screen, type Button, type Screen } from '../../screen.js';
import type { Texts } from '../../texts.js';

export const GOALS_PAGE_SIZE = 8;
const BUTTON_TITLE_MAX = 40;

type GoalPage = GoalListQuery['goals'];

export function goalList(t: Texts, page: GoalPage, offset: number): Screen {
  if (page.items.length === 0) {
    return screen(markup`${t.noGoals}`, [
      [button(t.menu.newGoal, { a: 'newGoal' })],
      [button(t.toMenu, { a: 'menu' })],
    ]);
  }
  const lines = page.items.map((goal) => {
    const done = goal.steps.filter((step) => step.status === 'DONE').length;
    const facts = [
      goal.targetDate ? `📅 ${localDate(goal.targetDate)}` : t.noDeadline,
      t.stepCount(done, goal.steps.length),
    ].join(' · ');
    return (
      markup`🎯 <b>${goal.title}</b> ${progressBar(goal.progress)} ${goal.progress}%` +
      markup`\n   ${facts}`
    );
  });
  const rows: Button[][] = page.items.map((goal) => [
    button(`🎯 ${truncate(goal.title, BUTTON_TITLE_MAX)} · ${goal.progress}%`, {
      a: 'goal',
      goalId: goal.id,
    }),
  ]);
  const paging: Button[] = [];
  if (offset > 0) {
    paging.push(button(t.prev, { a: 'goals', offset: Math.max(0, offset - GOALS_PAGE_SIZE) }));
  }
  if (page.hasMore && page.nextOffset != null) {
    paging.push(button(t.next, { a: 'goals', offset: page.nextOffset }));
  }
  if (paging.length) rows.push(paging);
  rows.push([button(t.menu.newGoal, { a: 'newGoal' }), button(t.toMenu, { a: 'menu' })]);
  return screen([markup`<b>${t.goalsTitle}</b>`, '', lines.join('\n\n')].join('\n'), rows);
}

const STEP_MARK: Record<string, string> = {
  DONE: '✅',
  SKIPPED: '⏭',
  IN_PROGRESS: '🔄',
  PENDING: '⬜',
};

export function goalCard(t: Texts, goal: GoalCardFieldsFragment, timezone: string): Screen {
  const lines = [
    markup`🎯 <b>${goal.title}</b>`,
    `${progressBar(goal.progress)} ${goal.progress}% · ${markup`${t.goalStatus[goal.status] ?? goal.status}`}`,
    markup`📅 ${t.deadline}: ${goal.targetDate ? localDate(goal.targetDate) : t.noDeadline}`,
  ];
  if (goal.description) lines.push(markup`<i>${truncate(goal.description, 500)}</i>`);
  lines.push('', markup`<b>${t.steps}</b>`);
  if (goal.steps.length === 0) lines.push(markup`${t.noSteps}`);
  for (const [index, step] of goal.steps.entries()) {
    // A scheduled step says when: the plan's days and times are on the card.
    const when = step.plannedStart ? ` · 📅 ${shortWhen(step.plannedStart, timezone)}` : '';
    lines.push(markup`${STEP_MARK[step.status] ?? '⬜'} ${index + 1}. ${step.title}${when}`);
  }
  const open = goal.steps
    .map((step, index) => ({ step, index }))
    .filter(({ step }) => step.status === 'PENDING' || step.status === 'IN_PROGRESS')
    .slice(0, 8);
  const rows: Button[][] = open.map(({ step, index }) => [
    // ⬜ until done: the button marks it done, the card then shows ✅.
    button(`⬜ ${index + 1}. ${truncate(step.title, BUTTON_TITLE_MAX)}`, {
      a: 'stepDone',
      stepId: step.id,
    }),
  ]);
  rows.push(
    [
      button(t.goalButtons.edit, { a: 'goalEdit', goalId: goal.id }),
      button(t.goalButtons.delete, { a: 'goalDelete', goalId: goal.id }),
    ],
    [
      button(t.smartButton, { a: 'smart', goalId: goal.id }),
      button(t.goalButtons.plan, { a: 'plan', goalId: goal.id }),
      button(t.goalButtons.schedule, { a: 'schedule', goalId: goal.id }),
    ],
    [button(t.goalButtons.chart, { a: 'goalChart', goalId: goal.id })],
    [button(t.back, { a: 'goals', offset: 0 }), button(t.toMenu, { a: 'menu' })],
  );
  return screen(lines.join('\n'), rows);
}

export function goalEditMenu(t: Texts, goal: GoalCardFieldsFragment): Screen {
  // Each step opens its own card (title, estimate, time, delete).
  const steps = goal.steps.slice(0, 8).map((step, index) => [
    button(`✏️ ${index + 1}. ${truncate(step.title, BUTTON_TITLE_MAX)}`, {
      a: 'step',
      stepId: step.id,
    }),
  ]);
  const hint = goal.steps.length ? markup`\n${t.editStepsHint}` : '';
  return screen(markup`✏️ <b>${goal.title}</b>` + hint, [
    [
      button(t.goalButtons.title, { a: 'goalEditTitle', goalId: goal.id }),
      button(t.goalButtons.deadline, { a: 'goalEditDeadline', goalId: goal.id }),
    ],
    [
      button(t.editButtons.description, { a: 'goalEditDescription', goalId: goal.id }),
      button(t.goalButtons.addStep, { a: 'goalAddStep', goalId: goal.id }),
    ],
    ...steps,
    [button(t.back, { a: 'goal', goalId: goal.id })],
  ]);
}

export function goalDeleteConfirm(t: Texts, goal: { id: string; title: string }): Screen {
  return screen(markup`${t.confirmDeleteGoal(goal.title)}`, [
    [
      button(t.goalButtons.yesDelete, { a: 'goalDeleteYes', goalId: goal.id }),
      button(t.back, { a: 'goal', goalId: goal.id }),
    ],
  ]);
}
