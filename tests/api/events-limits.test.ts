import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildUser, type TestUser } from '../support/factories.js';
import { CreateEventDocument, UpdateEventDocument, type CreateEventInput } from '../gql/graphql.js';
import {
  errorCode,
  execute,
  executeOperation,
  executeOperationOk,
} from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let user: TestUser;

beforeAll(async () => {
  app = await startTestApp();
  user = await buildUser(app);
});
afterAll(() => app.stop());

// The occurrence list stays a query string: its shape is being changed to a page (events.graphql).
const RANGE = `query ($from: DateTimeISO!, $to: DateTimeISO!) { events(from: $from, to: $to) { start } }`;

const eventInput = (input: Omit<CreateEventInput, 'title'>): CreateEventInput => ({
  title: 'Limits',
  ...input,
});
const create = (input: Omit<CreateEventInput, 'title'>) =>
  executeOperation(app, CreateEventDocument, { input: eventInput(input) }, user);

describe('event schedule limits', () => {
  it.each([
    ['a start in year 1', { start: '0001-01-01T10:00:00Z', recurrence: 'FREQ=DAILY' }],
    ['a start after 2100', { start: '2150-01-01T10:00:00Z' }],
    ['month 13', { start: '2026-01-01T10:00:00Z', recurrence: 'FREQ=YEARLY;BYMONTH=13' }],
    ['day 32', { start: '2026-01-01T10:00:00Z', recurrence: 'FREQ=MONTHLY;BYMONTHDAY=32' }],
    [
      'February 30',
      { start: '2026-01-01T10:00:00Z', recurrence: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30' },
    ],
    [
      'a minute-by-minute rule',
      { start: '2026-01-01T10:00:00Z', recurrence: 'FREQ=DAILY;BYMINUTE=0,1,2' },
    ],
  ])('answers %s with BAD_USER_INPUT', async (_name, input) => {
    expect(errorCode(await create(input))).toBe('BAD_USER_INPUT');
  });

  it('refuses moving an event to year 1 by update', async () => {
    const created = await executeOperationOk(
      app,
      CreateEventDocument,
      { input: eventInput({ start: '2026-01-01T10:00:00Z', recurrence: 'FREQ=DAILY' }) },
      user,
    );
    const id = created.createEvent.id;
    const moved = await executeOperation(
      app,
      UpdateEventDocument,
      { id, input: { start: '0001-01-01T10:00:00Z' } },
      user,
    );
    expect(errorCode(moved)).toBe('BAD_USER_INPUT');
  });

  it('reads a month of events quickly even with a stored daily event from year 1', async () => {
    const other = await buildUser(app);
    await app.db.query(
      `INSERT INTO events (user_id, title, starts_at, timezone, recurrence)
       VALUES ($1, 'Ancient', '0001-01-01T10:00:00Z', 'UTC', 'FREQ=DAILY'),
              ($1, 'Never', '1970-01-01T10:00:00Z', 'UTC', 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30')`,
      [other.id],
    );
    const started = Date.now();
    const result = await execute(
      app.graphqlUrl,
      RANGE,
      { from: '2026-06-01T00:00:00Z', to: '2026-07-01T00:00:00Z' },
      other.credentials,
    );
    expect(Date.now() - started).toBeLessThan(3_000); // it took over 30 s
    expect((result.data as { events: unknown[] }).events).toHaveLength(30);
  });
});
