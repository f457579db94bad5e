import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateOneTimeReminderDocument,
  PauseOneReminderDocument,
  ReminderHistoryPageDocument,
  ResumeOneReminderDocument,
} from '../gql/graphql.js';
import { seedUser } from '../support/factories.js';
import { errorCode, executeOperation, executeOperationOk } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

describe("a reminder's history", () => {
  it('is read a page at a time, oldest first, with a bounded page size', async () => {
    const user = await seedUser(app);
    const { createReminder } = await executeOperationOk(
      app,
      CreateOneTimeReminderDocument,
      {
        input: {
          type: 'ONE_TIME',
          text: 'Paged',
          triggerAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
      },
      user,
    );
    const id = createReminder.id;
    for (let i = 0; i < 2; i++) {
      await executeOperationOk(app, PauseOneReminderDocument, { id }, user);
      await executeOperationOk(app, ResumeOneReminderDocument, { id }, user);
    }
    const page = (offset: number, limit: number) =>
      executeOperationOk(app, ReminderHistoryPageDocument, { id, offset, limit }, user);
    const first = (await page(0, 3)).reminder.history.map((entry) => entry.action);
    const rest = (await page(3, 3)).reminder.history.map((entry) => entry.action);
    expect(first).toHaveLength(3);
    expect([...first, ...rest]).toEqual(['created', 'paused', 'resumed', 'paused', 'resumed']);
    const tooMany = await executeOperation(
      app,
      ReminderHistoryPageDocument,
      { id, offset: 0, limit: 101 },
      user,
    );
    expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
  });
});
