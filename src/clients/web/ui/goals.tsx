import { useEffect, useState } from 'preact/hooks';
import {
  CompleteStepDocument,
  GoalCardDocument,
  GoalListDocument,
  type GoalCardFieldsFragment,
  type GoalListQuery,
} from '../../shared/gql/graphql.js';
import { gql } from './api.js';
import { useChanges } from './live.js';
import type { WebTexts } from './web.texts.js';

type GoalItem = GoalListQuery['goals']['items'][number];

const percent = (progress: number) => Math.round(progress * (progress <= 1 ? 100 : 1));

function Progress({ value }: { value: number }) {
  return (
    <div class="progress" role="progressbar" aria-valuenow={percent(value)}>
      <div class="progress-bar" style={{ width: `${percent(value)}%` }} />
    </div>
  );
}

/**
 * A goal's page: progress, steps (complete one here), and its timeline of planned steps;
 * live: it reloads when something of the user's changes (a step done from a reminder).
 */
function GoalPage({ id, t, back }: { id: string; t: WebTexts; back: () => void }) {
  const [goal, setGoal] = useState<GoalCardFieldsFragment | null>(null);
  const changes = useChanges();
  const load = () =>
    gql(GoalCardDocument, { id }).then(({ goal }) => setGoal(goal as GoalCardFieldsFragment));
  useEffect(() => void load(), [id, changes]);
  if (!goal) return <section class="goal" />;
  const timeline = [...goal.steps]
    .filter((step) => step.plannedStart)
    .sort((a, b) => String(a.plannedStart).localeCompare(String(b.plannedStart)));
  return (
    <section class="goal" data-testid="goal-page">
      <button onClick={back}>{t.back}</button>
      <h2>{goal.title}</h2>
      {goal.description && <p>{goal.description}</p>}
      <p>{t.progress(percent(goal.progress))}</p>
      <Progress value={goal.progress} />
      {goal.targetDate && <p>{t.target(String(goal.targetDate))}</p>}
      <h3>{t.steps}</h3>
      <ol class="steps">
        {goal.steps.map((step) => (
          <li key={step.id} class={`step status-${step.status.toLowerCase()}`}>
            <span>{step.title}</span>
            {step.status !== 'DONE' && (
              <button onClick={() => void gql(CompleteStepDocument, { id: step.id }).then(load)}>
                {t.complete}
              </button>
            )}
          </li>
        ))}
      </ol>
      <h3>{t.timeline}</h3>
      <ul class="timeline">
        {timeline.map((step) => (
          <li key={step.id}>
            <time>{new Date(String(step.plannedStart)).toLocaleString()}</time> {step.title}
          </li>
        ))}
        {goal.steps
          .filter((step) => !step.plannedStart)
          .map((step) => (
            <li key={step.id} class="unplanned">
              {step.title} — {t.unplanned}
            </li>
          ))}
      </ul>
    </section>
  );
}

export function Goals({ t }: { t: WebTexts }) {
  const [goals, setGoals] = useState<GoalItem[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const changes = useChanges();
  useEffect(
    () => void gql(GoalListDocument, { limit: 50 }).then(({ goals }) => setGoals(goals.items)),
    [open, changes],
  );
  if (open) return <GoalPage id={open} t={t} back={() => setOpen(null)} />;
  return (
    <section class="goals">
      {goals?.length === 0 && <p>{t.goalsEmpty}</p>}
      {goals?.map((goal) => (
        <button key={goal.id} class="goal-row" onClick={() => setOpen(goal.id)}>
          <span>{goal.title}</span>
          <Progress value={goal.progress} />
        </button>
      ))}
    </section>
  );
}
