import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateGoalDocument,
  DeleteGoalDocument,
  GoalDocument,
  GoalsDocument,
  UpdateGoalDocument,
  type CreateGoalInput,
} from '../gql/graphql.js';
import { seedGoal, seedUser, type TestUser } from '../support/factories.js';
import { errorCode, executeOperation, executeOperationOk } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let user: TestUser;

beforeAll(async () => {
  app = await startTestApp();
  user = await seedUser(app);
});
afterAll(() => app.stop());

describe('goals', () => {
  it('creates a goal with its first steps, reads it back, updates and deletes it', async () => {
    const created = await executeOperationOk(
      app,
      CreateGoalDocument,
      {
        input: {
          title: '  Выучить испанский  ',
          description: 'B1 к лету',
          targetDate: '2099-06-01',
          steps: [{ title: 'Найти курс', estimatedMinutes: 30 }, { title: 'Заниматься' }],
        },
      },
      user,
    );
    const goal = created.createGoal;
    expect(goal).toMatchObject({
      title: 'Выучить испанский',
      status: 'ACTIVE',
      targetDate: '2099-06-01',
      progress: 0,
      isScheduled: false,
      completedAt: null,
    });
    expect(goal.steps).toMatchObject([
      { title: 'Найти курс', position: 0, status: 'PENDING' },
      { title: 'Заниматься', position: 1, status: 'PENDING' },
    ]);

    const read = await executeOperationOk(app, GoalDocument, { id: goal.id }, user);
    expect(read.goal.title).toBe('Выучить испанский');

    const updated = await executeOperationOk(
      app,
      UpdateGoalDocument,
      { id: goal.id, input: { title: 'Spanish B1', status: 'PAUSED', targetDate: null } },
      user,
    );
    expect(updated.updateGoal).toMatchObject({
      title: 'Spanish B1',
      status: 'PAUSED',
      targetDate: null,
      description: 'B1 к лету',
    });

    const deleted = await executeOperationOk(app, DeleteGoalDocument, { id: goal.id }, user);
    expect(deleted.deleteGoal).toBe(goal.id);
    const gone = await executeOperation(app, GoalDocument, { id: goal.id }, user);
    expect(errorCode(gone)).toBe('NOT_FOUND');
  });

  it('pages goals newest first with a filter, a maximum page size and a total', async () => {
    const owner = await seedUser(app);
    for (let index = 0; index < 5; index += 1)
      await seedGoal(app, owner, { title: `Goal ${index}` });
    const paused = await seedGoal(app, owner, { title: 'Paused one' });
    await executeOperationOk(
      app,
      UpdateGoalDocument,
      { id: paused.id, input: { status: 'PAUSED' } },
      owner,
    );

    const page = (variables: { status?: 'PAUSED'; offset?: number; limit?: number }) =>
      executeOperation(app, GoalsDocument, variables, owner);
    const first = await executeOperationOk(app, GoalsDocument, { limit: 2 }, owner);
    expect(first.goals).toMatchObject({
      items: [{ title: 'Paused one' }, { title: 'Goal 4' }],
      hasMore: true,
      nextOffset: 2,
      totalCount: 6,
    });
    const last = await executeOperationOk(app, GoalsDocument, { limit: 2, offset: 4 }, owner);
    expect(last.goals).toMatchObject({
      items: [{ title: 'Goal 1' }, { title: 'Goal 0' }],
      hasMore: false,
      nextOffset: null,
    });
    const filtered = await executeOperationOk(app, GoalsDocument, { status: 'PAUSED' }, owner);
    expect(filtered.goals).toMatchObject({ items: [{ title: 'Paused one' }], totalCount: 1 });

    expect(errorCode(await page({ limit: 101 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await page({ offset: -1 }))).toBe('BAD_USER_INPUT');
  });

  it('rejects bad input with BAD_USER_INPUT and writes nothing', async () => {
    const owner = await seedUser(app);
    const cases: CreateGoalInput[] = [
      { title: '' },
      { title: '   ' },
      { title: 'x'.repeat(201) },
      { title: 'Past deadline', targetDate: '2001-01-01' },
      { title: 'Bad date', targetDate: '2026-02-30' },
      { title: 'Bad step', steps: [{ title: 'ok' }, { title: '' }] },
      {
        title: 'Too many steps',
        steps: Array.from({ length: 101 }, (_, i) => ({ title: `s${i}` })),
      },
    ];
    for (const input of cases) {
      const result = await executeOperation(app, CreateGoalDocument, { input }, owner);
      expect({ input: input.title, code: errorCode(result) }).toEqual({
        input: input.title,
        code: 'BAD_USER_INPUT',
      });
    }
    const count = await executeOperationOk(app, GoalsDocument, {}, owner);
    expect(count.goals.totalCount).toBe(0);

    const malformedId = await executeOperation(app, GoalDocument, { id: 'not-a-uuid' }, owner);
    expect(errorCode(malformedId)).toBe('BAD_USER_INPUT');
  });
});
