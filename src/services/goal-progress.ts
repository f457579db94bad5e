import { GoalStatus, StepStatus } from '../entities/index.js';

export interface DerivedProgress {
  /** Done steps out of the steps that count (skipped ones do not), 0…100. */
  progress: number;
  allDone: boolean;
}

/** The one definition of a goal's progress: derived from its steps, never set by hand. */
export function deriveProgress(statuses: readonly StepStatus[]): DerivedProgress {
  const counted = statuses.filter((status) => status !== StepStatus.SKIPPED);
  const done = counted.filter((status) => status === StepStatus.DONE).length;
  if (counted.length === 0) return { progress: 0, allDone: false };
  return { progress: Math.floor((done * 100) / counted.length), allDone: done === counted.length };
}

/** An active goal completes when all its steps are done, and reopens when one is undone. */
export function deriveGoalStatus(current: GoalStatus, allDone: boolean): GoalStatus {
  if (allDone && current === GoalStatus.ACTIVE) return GoalStatus.COMPLETED;
  if (!allDone && current === GoalStatus.COMPLETED) return GoalStatus.ACTIVE;
  return current;
}
