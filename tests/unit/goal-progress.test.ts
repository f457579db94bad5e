import { describe, expect, it } from '@jest/globals';
import { GoalStatus, StepStatus } from '../../src/entities/index.js';
import { deriveGoalStatus, deriveProgress } from '../../src/services/goal-progress.js';

const { PENDING, IN_PROGRESS, DONE, SKIPPED } = StepStatus;
const { ACTIVE, PAUSED, COMPLETED, ARCHIVED } = GoalStatus;

describe('deriveProgress', () => {
  it.each([
    { statuses: [], progress: 0, allDone: false },
    { statuses: [PENDING], progress: 0, allDone: false },
    { statuses: [IN_PROGRESS, PENDING], progress: 0, allDone: false },
    { statuses: [DONE], progress: 100, allDone: true },
    { statuses: [DONE, PENDING], progress: 50, allDone: false },
    { statuses: [DONE, IN_PROGRESS], progress: 50, allDone: false },
    { statuses: [DONE, PENDING, PENDING], progress: 33, allDone: false },
    { statuses: [DONE, DONE, PENDING], progress: 66, allDone: false },
    { statuses: [DONE, DONE, DONE], progress: 100, allDone: true },
  ])('$statuses → $progress%, allDone $allDone', ({ statuses, progress, allDone }) => {
    expect(deriveProgress(statuses)).toEqual({ progress, allDone });
  });

  it.each([
    { statuses: [DONE, SKIPPED], progress: 100, allDone: true },
    { statuses: [DONE, SKIPPED, PENDING], progress: 50, allDone: false },
    { statuses: [SKIPPED, DONE, SKIPPED, DONE, PENDING], progress: 66, allDone: false },
    { statuses: [SKIPPED], progress: 0, allDone: false },
    { statuses: [SKIPPED, SKIPPED], progress: 0, allDone: false },
  ])('does not count skipped steps: $statuses → $progress%', ({ statuses, progress, allDone }) => {
    expect(deriveProgress(statuses)).toEqual({ progress, allDone });
  });

  it('rounds down, so progress reaches 100 only when every counted step is done', () => {
    const statuses = [...Array<StepStatus>(99).fill(DONE), PENDING];
    expect(deriveProgress(statuses)).toEqual({ progress: 99, allDone: false });
    expect(deriveProgress([...statuses.slice(0, 99), DONE])).toEqual({
      progress: 100,
      allDone: true,
    });
  });

  it('does not depend on the order of the steps', () => {
    const statuses = [DONE, PENDING, SKIPPED, DONE, IN_PROGRESS, DONE, PENDING];
    const { progress } = deriveProgress(statuses);
    expect(progress).toBe(50);
    expect(deriveProgress([...statuses].reverse()).progress).toBe(progress);
    expect(Number.isInteger(progress)).toBe(true);
  });

  it('does not modify the list it is given', () => {
    const statuses = Object.freeze([DONE, SKIPPED, PENDING]);
    expect(() => deriveProgress(statuses)).not.toThrow();
    expect(statuses).toEqual([DONE, SKIPPED, PENDING]);
  });
});

describe('deriveGoalStatus', () => {
  it.each([
    { current: ACTIVE, allDone: true, next: COMPLETED },
    { current: ACTIVE, allDone: false, next: ACTIVE },
    { current: COMPLETED, allDone: false, next: ACTIVE },
    { current: COMPLETED, allDone: true, next: COMPLETED },
    { current: PAUSED, allDone: true, next: PAUSED },
    { current: PAUSED, allDone: false, next: PAUSED },
    { current: ARCHIVED, allDone: true, next: ARCHIVED },
    { current: ARCHIVED, allDone: false, next: ARCHIVED },
  ])('$current with allDone $allDone → $next', ({ current, allDone, next }) => {
    expect(deriveGoalStatus(current, allDone)).toBe(next);
  });

  it('completes an active goal whose steps are all done, skipped ones aside', () => {
    const { allDone } = deriveProgress([DONE, SKIPPED, DONE]);
    expect(deriveGoalStatus(ACTIVE, allDone)).toBe(COMPLETED);
  });

  it('reopens a completed goal when a step is added or undone', () => {
    expect(deriveGoalStatus(COMPLETED, deriveProgress([DONE, DONE, PENDING]).allDone)).toBe(ACTIVE);
    expect(deriveGoalStatus(COMPLETED, deriveProgress([DONE, IN_PROGRESS]).allDone)).toBe(ACTIVE);
  });

  it('does not complete an active goal that has no counted steps', () => {
    expect(deriveGoalStatus(ACTIVE, deriveProgress([]).allDone)).toBe(ACTIVE);
    expect(deriveGoalStatus(ACTIVE, deriveProgress([SKIPPED, SKIPPED]).allDone)).toBe(ACTIVE);
  });
});
