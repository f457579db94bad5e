import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildGoal, buildUser, type TestUser } from '../support/factories.js';
import { errorCode, execute, executeOk } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let user: TestUser;

beforeAll(async () => {
  app = await startTestApp();
  user = await buildUser(app);
});
afterAll(() => app.stop());

const GOAL_FIELDS = 'id title description status targetDate progress isScheduled completedAt';

describe('goals', () => {
  it('creates a goal with its first steps, reads it back, updates and deletes it', async () => {
    const created = await executeOk(
      app.graphqlUrl,
      `mutation ($input: CreateGoalInput!) { createGoal(input: $input) { ${GOAL_FIELDS} steps { title position status } } }`,
      {
        input: {
          title: '  Выучить испанский  ',
          description: 'B1 к лету',
          targetDate: '2099-06-01',
          steps: [{ title: 'Найти курс', estimatedMinutes: 30 }, { title: 'Заниматься' }],
        },
      },
      user.credentials,
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
    expect(goal.steps).toEqual([
      { title: 'Найти курс', position: 0, status: 'PENDING' },
      { title: 'Заниматься', position: 1, status: 'PENDING' },
    ]);

    const read = await executeOk(
      app.graphqlUrl,
      `query ($id: ID!) { goal(id: $id) { ${GOAL_FIELDS} } }`,
      { id: goal.id },
      user.credentials,
    );
    expect(read.goal.title).toBe('Выучить испанский');

    const updated = await executeOk(
      app.graphqlUrl,
      `mutation ($id: ID!, $input: UpdateGoalInput!) { updateGoal(id: $id, input: $input) { ${GOAL_FIELDS} } }`,
      { id: goal.id, input: { title: 'Spanish B1', status: 'PAUSED', targetDate: null } },
      user.credentials,
    );
    expect(updated.updateGoal).toMatchObject({
      title: 'Spanish B1',
      status: 'PAUSED',
      targetDate: null,
      description: 'B1 к лету',
    });

    const deleted = await executeOk(
      app.graphqlUrl,
      `mutation ($id: ID!) { deleteGoal(id: $id) }`,
      { id: goal.id },
      user.credentials,
    );
    expect(deleted.deleteGoal).toBe(goal.id);
    const gone = await execute(
      app.graphqlUrl,
      `query ($id: ID!) { goal(id: $id) { id } }`,
      { id: goal.id },
      user.credentials,
    );
    expect(errorCode(gone)).toBe('NOT_FOUND');
  });

  it('pages goals newest first with a filter, a maximum page size and a total', async () => {
    const owner = await buildUser(app);
    for (let index = 0; index < 5; index += 1)
      await buildGoal(app, owner, { title: `Goal ${index}` });
    const paused = await buildGoal(app, owner, { title: 'Paused one' });
    await executeOk(
      app.graphqlUrl,
      `mutation ($id: ID!) { updateGoal(id: $id, input: { status: PAUSED }) { id } }`,
      { id: paused.id },
      owner.credentials,
    );

    const query = `query ($status: GoalStatus, $offset: Int, $limit: Int) {
      goals(status: $status, offset: $offset, limit: $limit) { items { title } hasMore nextOffset totalCount }
    }`;
    const first = await executeOk(app.graphqlUrl, query, { limit: 2 }, owner.credentials);
    expect(first.goals).toEqual({
      items: [{ title: 'Paused one' }, { title: 'Goal 4' }],
      hasMore: true,
      nextOffset: 2,
      totalCount: 6,
    });
    const last = await executeOk(app.graphqlUrl, query, { limit: 2, offset: 4 }, owner.credentials);
    expect(last.goals).toMatchObject({
      items: [{ title: 'Goal 1' }, { title: 'Goal 0' }],
      hasMore: false,
      nextOffset: null,
    });
    const filtered = await executeOk(
      app.graphqlUrl,
      query,
      { status: 'PAUSED' },
      owner.credentials,
    );
    expect(filtered.goals).toMatchObject({ items: [{ title: 'Paused one' }], totalCount: 1 });

    const tooBig = await execute(app.graphqlUrl, query, { limit: 101 }, owner.credentials);
    expect(errorCode(tooBig)).toBe('BAD_USER_INPUT');
    const negative = await execute(app.graphqlUrl, query, { offset: -1 }, owner.credentials);
    expect(errorCode(negative)).toBe('BAD_USER_INPUT');
  });

  it('rejects bad input with BAD_USER_INPUT and writes nothing', async () => {
    const owner = await buildUser(app);
    const create = `mutation ($input: CreateGoalInput!) { createGoal(input: $input) { id } }`;
    const cases = [
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
      const result = await execute(app.graphqlUrl, create, { input }, owner.credentials);
      expect({ input: input.title, code: errorCode(result) }).toEqual({
        input: input.title,
        code: 'BAD_USER_INPUT',
      });
    }
    const count = await executeOk(
      app.graphqlUrl,
      `{ goals { totalCount } }`,
      {},
      owner.credentials,
    );
    expect(count.goals.totalCount).toBe(0);

    const malformedId = await execute(
      app.graphqlUrl,
      `{ goal(id: "not-a-uuid") { id } }`,
      {},
      owner.credentials,
    );
    expect(errorCode(malformedId)).toBe('BAD_USER_INPUT');
  });
});
