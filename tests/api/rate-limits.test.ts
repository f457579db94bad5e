import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildUser, seedEvent, type TestUser } from '../support/factories.js';
import {
  CancelReminderDocument,
  CreateEventDocument,
  CreateGoalDocument,
  CreateReminderDocument,
  HookRegisterWebhookDocument,
  SendMessageDocument,
} from '../gql/graphql.js';
import {
  errorCode,
  execute,
  executeOperation,
  executeOperationOk,
  subscribeTo,
  wsClient,
} from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 13, finding 5: per-user limits. Each case reproduces what was accepted before.
const LIMITS = {
  RATE_LIMIT_MUTATIONS_PER_MINUTE: '10',
  RATE_LIMIT_ASSISTANT_PER_MINUTE: '3',
  MAX_MUTATIONS_PER_OPERATION: '5',
  MAX_LIVE_REMINDERS_PER_USER: '3',
  MAX_EVENTS_PER_USER: '4',
  MAX_WEBHOOKS_PER_USER: '2',
  REMINDER_MIN_INTERVAL_MINUTES: '5',
  WEBHOOK_ALLOW_LOCALHOST: 'true',
};

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp(LIMITS);
});
afterAll(() => app.stop());

const goalCount = async (user: TestUser) =>
  Number(
    (
      (await app.db.query(`SELECT count(*) AS n FROM goals WHERE user_id = $1`, [user.id])) as {
        n: string;
      }[]
    )[0]!.n,
  );

const createGoal = (user: TestUser, title = 'Limited') =>
  executeOperation(app, CreateGoalDocument, { input: { title } }, user);

/** Aliased createGoal fields in one mutation: the shape of the attack, so a query string. */
const aliasedGoals = (count: number) =>
  `mutation { ${Array.from({ length: count }, (_, i) => `g${i}: createGoal(input: { title: "G${i}" }) { id }`).join(' ')} }`;

describe('mutation fields per operation', () => {
  it('refuses 1,000 aliased createGoal in one request and creates none', async () => {
    const user = await buildUser(app);
    const result = await execute(app.graphqlUrl, aliasedGoals(1000), {}, user.credentials);
    expect(result.status).toBe(400);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/at most 5 mutations/);
    expect(await goalCount(user)).toBe(0);
  });

  it('counts fields inside fragments too, and lets an operation at the cap through', async () => {
    const user = await buildUser(app);
    const viaFragment = `mutation { ...M } fragment M on Mutation { ${Array.from({ length: 6 }, (_, i) => `g${i}: createGoal(input: { title: "F${i}" }) { id }`).join(' ')} }`;
    expect(errorCode(await execute(app.graphqlUrl, viaFragment, {}, user.credentials))).toBe(
      'BAD_USER_INPUT',
    );
    const atCap = await execute(app.graphqlUrl, aliasedGoals(5), {}, user.credentials);
    expect(atCap.errors).toBeUndefined();
    expect(await goalCount(user)).toBe(5);
  });
});

describe('the mutation budget', () => {
  it('serves a user’s budget, then answers RATE_LIMITED with a retry-after; others go on', async () => {
    const user = await buildUser(app);
    for (let i = 0; i < 10; i += 1) {
      await executeOperationOk(app, CreateGoalDocument, { input: { title: `B${i}` } }, user);
    }
    const refused = await createGoal(user);
    expect(errorCode(refused)).toBe('RATE_LIMITED');
    expect(refused.status).toBe(429);
    const retryAfter = refused.errors?.[0]?.extensions?.retryAfterSeconds;
    expect(retryAfter).toEqual(expect.any(Number));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await goalCount(user)).toBe(10);

    const other = await buildUser(app);
    expect(errorCode(await createGoal(other))).toBeUndefined();
  });

  it('refuses an operation that does not fit whole, running none of it', async () => {
    const user = await buildUser(app);
    for (let i = 0; i < 8; i += 1) await createGoal(user);
    const result = await execute(app.graphqlUrl, aliasedGoals(3), {}, user.credentials);
    expect(errorCode(result)).toBe('RATE_LIMITED');
    expect(await goalCount(user)).toBe(8);
  });

  it('holds over a WebSocket too', async () => {
    const user = await buildUser(app);
    for (let i = 0; i < 10; i += 1) await createGoal(user);
    const client = wsClient(app.wsUrl, user.credentials);
    try {
      const live = subscribeTo(client, CreateGoalDocument, { input: { title: 'Over WS' } });
      const ending = await live.ended(5000);
      expect(ending).toMatchObject({
        kind: 'error',
        error: [{ extensions: { code: 'RATE_LIMITED' } }],
      });
    } finally {
      await client.dispose();
    }
    expect(await goalCount(user)).toBe(10);
  });

  it('is kept in PostgreSQL: a second API instance sees the same budget', async () => {
    const user = await buildUser(app);
    for (let i = 0; i < 10; i += 1) await createGoal(user);
    const second = await startTestApp(LIMITS);
    try {
      const refused = await executeOperation(
        second,
        CreateGoalDocument,
        { input: { title: 'elsewhere' } },
        user,
      );
      expect(errorCode(refused)).toBe('RATE_LIMITED');
    } finally {
      await second.stop();
    }
  });
});

describe('the assistant budget', () => {
  it('serves 3 of a burst of 20 sendMessage and refuses the rest politely', async () => {
    const user = await buildUser(app);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        executeOperation(app, SendMessageDocument, { text: 'привет' }, user),
      ),
    );
    const codes = results.map((result) => errorCode(result) ?? 'OK');
    expect(codes.filter((code) => code === 'OK')).toHaveLength(3);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(17);
  });
});

describe('caps on what a user keeps', () => {
  const recurring = (cron: string) => ({
    input: { type: 'RECURRING' as const, text: 'Water', cron, timezone: 'UTC' },
  });

  it.each(['* * * * *', '*/2 * * * *', '0,1 9 * * *', '59,0 0,23 * * *'])(
    'a cron reminder running more often than every 5 minutes (%s) is BAD_USER_INPUT',
    async (cron) => {
      const user = await buildUser(app);
      const result = await executeOperation(app, CreateReminderDocument, recurring(cron), user);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions).toMatchObject({ field: 'cron' });
    },
  );

  it.each(['*/5 * * * *', '59 23 * * *', '0 9,10 * * 1-5'])('accepts %s', async (cron) => {
    const user = await buildUser(app);
    expect(
      errorCode(await executeOperation(app, CreateReminderDocument, recurring(cron), user)),
    ).toBeUndefined();
  });

  it('refuses a fourth live reminder (CONFLICT), and takes one again after a cancel', async () => {
    const user = await buildUser(app);
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const data = await executeOperationOk(
        app,
        CreateReminderDocument,
        recurring('*/5 * * * *'),
        user,
      );
      ids.push(data.createReminder.id);
    }
    const refused = await executeOperation(
      app,
      CreateReminderDocument,
      recurring('0 9 * * *'),
      user,
    );
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ limit: 3 });
    await executeOperationOk(app, CancelReminderDocument, { id: ids[0]! }, user);
    expect(
      errorCode(await executeOperation(app, CreateReminderDocument, recurring('0 9 * * *'), user)),
    ).toBeUndefined();
  });

  it('refuses an event beyond the cap (CONFLICT)', async () => {
    const user = await buildUser(app);
    for (let i = 0; i < 4; i += 1) {
      await seedEvent(app, user, { title: `E${i}`, start: '2030-01-01T10:00:00Z' });
    }
    const refused = await executeOperation(
      app,
      CreateEventDocument,
      { input: { title: 'Fifth', start: '2030-01-02T10:00:00Z' } },
      user,
    );
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ limit: 4 });
  });

  it('refuses a webhook beyond the cap (CONFLICT)', async () => {
    const user = await buildUser(app);
    const register = (n: number) =>
      executeOperation(app, HookRegisterWebhookDocument, { url: `http://127.0.0.1:9/${n}` }, user);
    expect(errorCode(await register(1))).toBeUndefined();
    expect(errorCode(await register(2))).toBeUndefined();
    expect(errorCode(await register(3))).toBe('CONFLICT');
  });
});
