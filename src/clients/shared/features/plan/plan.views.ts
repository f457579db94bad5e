import { progressBar } from '../../../../common/progress-bar.js';
import { duration } from '../../format.js';
import { markup } from '../../html.js';
import { button, screen, type Screen } from '../../screen.js';
import type { Lang, Texts } from '../../texts.js';

/** The API's stages, in order: the steps are chosen (by the model, if any) while analyzing. */
const STAGES = ['started', 'analyzing', 'validating'];

/** The plan being made: a bar, and each stage ✅ done, ⏳ under way or ⬜ to come. */
export function planProgressScreen(
  t: Texts,
  goalId: string,
  percent: number,
  stage = 'started',
): Screen {
  const current = Math.max(0, STAGES.indexOf(stage));
  const lines = t.planStages.map((name, index) => {
    const mark = index < current ? '✅' : index === current ? '⏳' : '⬜';
    return markup`${mark} ${name}`;
  });
  return screen(
    [markup`🧠 <b>${t.planning}…</b> ${progressBar(percent)} ${percent}%`, ...lines].join('\n'),
    [[button(t.planCancel, { a: 'planCancel', goalId })]],
  );
}

export interface ProposalView {
  id: string;
  steps: { title: string; estimatedMinutes: number; ifThenCue: string }[];
}

export function planProposalScreen(
  t: Texts,
  lang: Lang,
  goalId: string,
  proposal: ProposalView,
): Screen {
  const lines = proposal.steps.map(
    (step, index) =>
      markup`${index + 1}. <b>${step.title}</b> (${duration(step.estimatedMinutes, lang)})` +
      markup`\n   <i>${step.ifThenCue}</i>`,
  );
  return screen([markup`🧠 <b>${t.planProposal}</b>`, '', ...lines].join('\n'), [
    [button(t.goalButtons.accept, { a: 'planAccept', proposalId: proposal.id })],
    [button(t.back, { a: 'goal', goalId })],
  ]);
}

/** After accepting a plan: what was added, and the next step (the calendar). */
export function planAcceptedScreen(
  t: Texts,
  goal: { id: string; title: string; steps: unknown[] },
): Screen {
  return screen(markup`${t.planAccepted(goal.steps.length, goal.title)}`, [
    [button(t.goalButtons.schedule, { a: 'planSchedule', goalId: goal.id })],
    [button(t.coach.openGoal, { a: 'goal', goalId: goal.id })],
  ]);
}
