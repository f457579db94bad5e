import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  AddStepDocument,
  CompleteStepDocument,
  DeleteGoalDocument,
  DeleteStepDocument,
  GoalDocument,
  ReorderStepsDocument,
  StepDocument,
  UpdateGoalDocument,
  UpdateStepDocument,
  type NewStepInput,
  type UpdateStepInput,
} from '../gql/graphql.js';
import { seedGoal, seedUser, type TestUser } from '../support/factories.js';
import {
  errorCode,
  executeOperation,
  executeOperationOk,
  type GraphQLResponse,
} from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let user: TestUser;

beforeAll(async () => {
  app = await startTestApp();
  user = await seedUser(app);
});
afterAll(() => app.stop());

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const run = <T, V>(document: TypedDocumentNode<T, V>, variables: V, who: TestUser = user) =>
  executeOperationOk(app, document, variables, who);
const attempt = <T, V>(document: TypedDocumentNode<T, V>, variables: V, who: TestUser = user) =>
  executeOperation(app, document, variables, who);

/** The goal as stored now, with its steps in order. */
const readGoal = async (id: string) => (await run(GoalDocument, { id })).goal;

const add = async (goalId: string, input: NewStepInput) =>
  (await run(AddStepDocument, { goalId, input })).addStep;
const update = async (id: string, input: UpdateStepInput) =>
  (await run(UpdateStepDocument, { id, input })).updateStep;
const complete = async (id: string) => (await run(CompleteStepDocument, { id })).completeStep;
const pluck = <T, K extends keyof T>(steps: T[], key: K) => steps.map((step) => step[key]);

describe('steps', () => {
  it('addStep appends at the end, trims the title and counts positions up', async () => {
    const goal = await seedGoal(app, user, { steps: ['First', 'Second'] });
    const third = await add(goal.id, { title: '  Third  ', estimatedMinutes: 45 });
    expect(third).toMatchObject({ title: 'Third', position: 2, status: 'PENDING' });
    expect(third).toMatchObject({ estimatedMinutes: 45, completedAt: null });
    const fourth = await add(goal.id, { title: 'Fourth' });
    expect(fourth).toMatchObject({ position: 3, estimatedMinutes: null });

    const { steps } = await readGoal(goal.id);
    expect(pluck(steps, 'title')).toEqual(['First', 'Second', 'Third', 'Fourth']);
    expect(pluck(steps, 'position')).toEqual([0, 1, 2, 3]);
  });

  it('updateStep changes only the fields given', async () => {
    const goal = await seedGoal(app, user, { steps: ['Draft'] });
    const [step] = goal.steps;
    const fields = {
      status: 'IN_PROGRESS' as const,
      estimatedMinutes: 120,
      plannedStart: '2099-03-01T09:30:00.000Z',
      plannedDurationMinutes: 90,
    };
    const changed = await update(step.id, { ...fields, title: ' Write the plan ' });
    expect(changed).toMatchObject({ ...fields, title: 'Write the plan', completedAt: null });

    await update(step.id, { title: 'Write the final plan' });
    const [stored] = (await readGoal(goal.id)).steps;
    expect(stored).toEqual({ ...changed, goal: undefined, title: 'Write the final plan' });

    const cleared = await update(step.id, { plannedStart: null, estimatedMinutes: null });
    expect(cleared).toMatchObject({ plannedStart: null, estimatedMinutes: null, position: 0 });
  });

  it('step reads one of the caller’s steps; another user’s is NOT_FOUND', async () => {
    const goal = await seedGoal(app, user, { steps: ['Mine'] });
    const { step } = await run(StepDocument, { id: goal.steps[0].id });
    expect(step).toMatchObject({ id: goal.steps[0].id, goalId: goal.id, title: 'Mine' });
    const stranger = await seedUser(app);
    const result = await attempt(StepDocument, { id: goal.steps[0].id }, stranger);
    expect(errorCode(result)).toBe('NOT_FOUND');
  });

  it('deleteStep removes the step and re-derives the goal', async () => {
    const goal = await seedGoal(app, user, { steps: ['Done one', 'Dropped'] });
    await complete(goal.steps[0].id);
    expect((await run(DeleteStepDocument, { id: goal.steps[1].id })).deleteStep).toBe(
      goal.steps[1].id,
    );

    const stored = await readGoal(goal.id);
    expect(pluck(stored.steps, 'id')).toEqual([goal.steps[0].id]);
    expect(stored).toMatchObject({ status: 'COMPLETED', progress: 100 });
    expect(errorCode(await attempt(DeleteStepDocument, { id: goal.steps[1].id }))).toBe(
      'NOT_FOUND',
    );
  });

  it('reorderSteps persists and returns the new order', async () => {
    const goal = await seedGoal(app, user, { steps: ['A', 'B', 'C'] });
    const [a, b, c] = goal.steps.map((s) => s.id);
    const reordered = (await run(ReorderStepsDocument, { goalId: goal.id, stepIds: [c, a, b] }))
      .reorderSteps;
    expect(reordered).toEqual([
      { id: c, position: 0 },
      { id: a, position: 1 },
      { id: b, position: 2 },
    ]);
    const { steps } = await readGoal(goal.id);
    expect(pluck(steps, 'title')).toEqual(['C', 'A', 'B']);
    expect(pluck(steps, 'position')).toEqual([0, 1, 2]);
    expect((await add(goal.id, { title: 'D' })).position).toBe(3);
  });

  it('reorderSteps rejects a list that is not exactly the goal’s steps and keeps the order', async () => {
    const goal = await seedGoal(app, user, { steps: ['A', 'B', 'C'] });
    const other = await seedGoal(app, user, { steps: ['Elsewhere'] });
    const [a, b, c] = goal.steps.map((s) => s.id);
    const lists = {
      missing: [b, a],
      duplicate: [b, a, a],
      duplicateExtra: [b, a, c, c],
      foreign: [b, a, other.steps[0].id],
      unknown: [b, a, UNKNOWN_ID],
      empty: [],
    };
    for (const [name, stepIds] of Object.entries(lists)) {
      const result = await attempt(ReorderStepsDocument, { goalId: goal.id, stepIds });
      const { code, field } = result.errors?.[0]?.extensions ?? {};
      expect({ name, code, field }).toEqual({ name, code: 'BAD_USER_INPUT', field: 'stepIds' });
    }
    expect(pluck((await readGoal(goal.id)).steps, 'id')).toEqual([a, b, c]);
    expect((await readGoal(other.id)).steps).toHaveLength(1);
  });

  it('completeStep sets DONE and completedAt once; completing again keeps the first time', async () => {
    const goal = await seedGoal(app, user, { steps: ['Once', 'Other'] });
    const first = await complete(goal.steps[0].id);
    expect(first.status).toBe('DONE');
    expect(Date.parse(first.completedAt!)).toBeGreaterThan(Date.now() - 60_000);

    const again = await complete(goal.steps[0].id);
    expect(again).toMatchObject({ status: 'DONE', completedAt: first.completedAt });
    expect(again.goal).toMatchObject({ status: 'ACTIVE', progress: 50, completedAt: null });
  });

  it('derives progress from done steps, not counting skipped ones', async () => {
    const goal = await seedGoal(app, user, { steps: ['One', 'Two', 'Three'] });
    expect((await complete(goal.steps[0].id)).goal.progress).toBe(33);
    expect((await update(goal.steps[1].id, { status: 'IN_PROGRESS' })).goal.progress).toBe(33);
    expect((await update(goal.steps[1].id, { status: 'SKIPPED' })).goal.progress).toBe(50);

    const pair = await seedGoal(app, user, { steps: ['Done', 'Skipped'] });
    await complete(pair.steps[0].id);
    const skipped = await update(pair.steps[1].id, { status: 'SKIPPED' });
    expect(skipped).toMatchObject({ status: 'SKIPPED', completedAt: null });
    expect(skipped.goal).toMatchObject({ status: 'COMPLETED', progress: 100 });
    expect(skipped.goal.completedAt).not.toBeNull();
  });

  it('completes the goal when all steps are done and reopens it on undo or a new step', async () => {
    const goal = await seedGoal(app, user, { steps: ['One', 'Two'] });
    await complete(goal.steps[0].id);
    const done = (await complete(goal.steps[1].id)).goal;
    expect(done).toMatchObject({ status: 'COMPLETED', progress: 100 });
    expect(Date.parse(done.completedAt!)).toBeGreaterThan(Date.now() - 60_000);

    const reopened = await update(goal.steps[1].id, { status: 'PENDING' });
    expect(reopened).toMatchObject({ status: 'PENDING', completedAt: null });
    expect(reopened.goal).toEqual({ status: 'ACTIVE', progress: 50, completedAt: null });

    expect((await complete(goal.steps[1].id)).goal.status).toBe('COMPLETED');
    const added = await add(goal.id, { title: 'Three' });
    expect(added.goal).toEqual({ status: 'ACTIVE', progress: 66, completedAt: null });
    expect(await readGoal(goal.id)).toMatchObject({ status: 'ACTIVE', progress: 66 });
  });

  it('derives progress one writer at a time when steps complete concurrently', async () => {
    const goal = await seedGoal(app, user, { steps: ['One', 'Two', 'Three', 'Four'] });
    await Promise.all(goal.steps.map((step) => complete(step.id)));
    const stored = await readGoal(goal.id);
    expect(stored).toMatchObject({ status: 'COMPLETED', progress: 100 });
    expect(pluck(stored.steps, 'status')).toEqual(['DONE', 'DONE', 'DONE', 'DONE']);
  });

  it('does not auto-complete a paused goal', async () => {
    const goal = await seedGoal(app, user, { steps: ['One', 'Two'] });
    await run(UpdateGoalDocument, { id: goal.id, input: { status: 'PAUSED' } });
    await complete(goal.steps[0].id);
    const last = await complete(goal.steps[1].id);
    expect(last.goal).toEqual({ status: 'PAUSED', progress: 100, completedAt: null });
  });

  it('rejects invalid input and unknown ids with a code, changing nothing', async () => {
    const goal = await seedGoal(app, user, { steps: ['Keep me'] });
    const stepId = goal.steps[0].id;
    const before = await readGoal(goal.id);
    const stranger = await seedUser(app);
    const invalid = [
      attempt(AddStepDocument, { goalId: goal.id, input: { title: '' } }),
      attempt(AddStepDocument, { goalId: goal.id, input: { title: 'x', estimatedMinutes: 0 } }),
      attempt(UpdateStepDocument, { id: stepId, input: { title: '' } }),
      attempt(UpdateStepDocument, { id: stepId, input: { estimatedMinutes: 0 } }),
      attempt(UpdateStepDocument, { id: stepId, input: { plannedDurationMinutes: 0 } }),
    ];
    const unknown = [
      attempt(AddStepDocument, { goalId: UNKNOWN_ID, input: { title: 'x' } }),
      attempt(UpdateStepDocument, { id: UNKNOWN_ID, input: { title: 'x' } }),
      attempt(CompleteStepDocument, { id: UNKNOWN_ID }),
      attempt(DeleteStepDocument, { id: UNKNOWN_ID }),
    ];
    const codes = async (list: Promise<GraphQLResponse<unknown>>[]) =>
      (await Promise.all(list)).map(errorCode);
    expect(await codes(invalid)).toEqual(invalid.map(() => 'BAD_USER_INPUT'));
    expect(await codes(unknown)).toEqual(unknown.map(() => 'NOT_FOUND'));
    const foreign = [
      await attempt(CompleteStepDocument, { id: stepId }, stranger),
      await attempt(DeleteStepDocument, { id: stepId }, stranger),
      await attempt(AddStepDocument, { goalId: goal.id, input: { title: 'x' } }, stranger),
      await attempt(ReorderStepsDocument, { goalId: goal.id, stepIds: [stepId] }, stranger),
    ];
    expect(foreign.map(errorCode)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    expect(await readGoal(goal.id)).toEqual(before);
  });

  it('holds at most 100 steps per goal', async () => {
    const titles = Array.from({ length: 100 }, (_, index) => `Step ${index}`);
    const goal = await seedGoal(app, user, { steps: titles });
    const result = await attempt(AddStepDocument, {
      goalId: goal.id,
      input: { title: 'One too many' },
    });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.field).toBe('goalId');
    expect((await readGoal(goal.id)).steps).toHaveLength(100);

    await run(DeleteStepDocument, { id: goal.steps[0].id });
    expect((await add(goal.id, { title: 'Fits again' })).position).toBe(100);
  });

  it('deleting a goal deletes its steps', async () => {
    const goal = await seedGoal(app, user, { steps: ['One', 'Two'] });
    await run(DeleteGoalDocument, { id: goal.id });
    const result = await attempt(UpdateStepDocument, {
      id: goal.steps[0].id,
      input: { title: 'Ghost' },
    });
    expect(errorCode(result)).toBe('NOT_FOUND');
    const [{ count }] = await app.db.query(
      'SELECT count(*)::int AS count FROM steps WHERE goal_id = $1',
      [goal.id],
    );
    expect(count).toBe(0);
  });
});
