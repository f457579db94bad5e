import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateApiTokenDocument,
  CreateGoalDocument,
  MeDocument,
  OpsAdminStatsDocument,
  OpsAdminUserDocument,
  OpsAdminUsersDocument,
  OpsAuditEventsDocument,
  OpsBlockUserDocument,
  OpsBroadcastAudienceDocument,
  OpsBroadcastDocument,
  OpsCancelBroadcastDocument,
  OpsCreateAdminTokenDocument,
  OpsIsOperatorDocument,
  OpsStartBroadcastDocument,
  OpsUnblockUserDocument,
  RegisterChannelAccountDocument,
  RevokeApiTokenDocument,
} from '../gql/graphql.js';
import { buildUser, seedUser, type TestUser } from '../support/factories.js';
import {
  asBot,
  asToken,
  errorCode,
  executeOperation,
  executeOperationOk,
} from '../support/graphql-client.js';
import { useOwnDatabase } from '../support/own-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The broadcast job writes for every user of the database: this file has its own.
await useOwnDatabase();

const OPERATOR = asBot('telegram', 'op-1');
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({
    ADMIN_IDS: 'telegram:op-1, max:op-2',
    WORKER_ENABLED: 'true',
    JOBS_PROCESS_EVERY_MS: '100',
    BROADCAST_PER_SECOND: '2',
    RATE_LIMIT_MUTATIONS_PER_MINUTE: '5',
  });
  await executeOperationOk(
    app,
    RegisterChannelAccountDocument,
    { input: { platform: 'TELEGRAM', platformUserId: 'op-1', chatId: 'op-1' } },
    asBot(),
  );
});
afterAll(() => app.stop());

/** Asks until `check` answers something (a job or an audit write runs after the request). */
async function eventually<T>(check: () => Promise<T | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== false) return value;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const auditOf = async (userId: string) =>
  (await executeOperationOk(app, OpsAuditEventsDocument, { userId }, OPERATOR)).auditEvents;

describe('operators', () => {
  it('see stats and look users up by id or messenger identity', async () => {
    const user = await buildUser(app);
    await executeOperationOk(app, CreateGoalDocument, { input: { title: 'Stat' } }, user);
    const { adminStats } = await executeOperationOk(app, OpsAdminStatsDocument, {}, OPERATOR);
    expect(adminStats.usersTotal).toBeGreaterThanOrEqual(2);
    expect(adminStats.goals).toBeGreaterThanOrEqual(1);
    expect(adminStats.activeToday).toBeGreaterThanOrEqual(1);

    const byIdentity = await executeOperationOk(
      app,
      OpsAdminUserDocument,
      { query: `telegram:${user.platformUserId}` },
      OPERATOR,
    );
    expect(byIdentity.adminUser).toMatchObject({ id: user.id, goals: 1, blockedAt: null });
    const byId = await executeOperationOk(app, OpsAdminUserDocument, { query: user.id }, OPERATOR);
    expect(byId.adminUser?.id).toBe(user.id);
    const nobody = await executeOperationOk(
      app,
      OpsAdminUserDocument,
      { query: 'max:nobody' },
      OPERATOR,
    );
    expect(nobody.adminUser).toBeNull();
    const garbage = await executeOperation(app, OpsAdminUserDocument, { query: 'who?' }, OPERATOR);
    expect(errorCode(garbage)).toBe('BAD_USER_INPUT');
  });

  it('block a user: every operation is FORBIDDEN (reason BLOCKED) until unblocked, and audited', async () => {
    const user = await buildUser(app);
    const blocked = await executeOperationOk(
      app,
      OpsBlockUserDocument,
      { userId: user.id, reason: 'spam' },
      OPERATOR,
    );
    expect(blocked.blockUser).toMatchObject({ blockedReason: 'spam' });
    const me = await executeOperation(app, MeDocument, {}, user);
    expect(errorCode(me)).toBe('FORBIDDEN');
    expect(me.errors?.[0]?.extensions).toMatchObject({ reason: 'BLOCKED' });
    const write = await executeOperation(app, CreateGoalDocument, { input: { title: 'x' } }, user);
    expect(errorCode(write)).toBe('FORBIDDEN');

    await executeOperationOk(app, OpsUnblockUserDocument, { userId: user.id }, OPERATOR);
    expect(errorCode(await executeOperation(app, MeDocument, {}, user))).toBeUndefined();
    const actions = (await auditOf(user.id)).map((event) => [event.actor, event.action]);
    expect(actions).toEqual([
      ['telegram:op-1', 'user_unblocked'],
      ['telegram:op-1', 'user_blocked'],
    ]);
  });

  it('find users by bare messenger id or display name, as the bot’s lookup types them', async () => {
    const name = `Anna Search ${Date.now()}`;
    const anna = await seedUser(app, { displayName: name, platform: 'MAX' });
    const search = async (query: string) =>
      (await executeOperationOk(app, OpsAdminUsersDocument, { query }, OPERATOR)).adminUsers;
    expect((await search(anna.platformUserId)).map((user) => user.id)).toEqual([anna.id]);
    expect((await search(`@${name.toUpperCase()}`)).map((user) => user.id)).toEqual([anna.id]);
    expect((await search(`max:${anna.platformUserId}`)).map((user) => user.id)).toEqual([anna.id]);
    expect(await search('telegram:nobody')).toEqual([]);
    expect(await search('no such name')).toEqual([]);
    const empty = await executeOperation(app, OpsAdminUsersDocument, { query: ' ' }, OPERATOR);
    expect(errorCode(empty)).toBe('BAD_USER_INPUT');
    const user = await buildUser(app);
    const refused = await executeOperation(app, OpsAdminUsersDocument, { query: name }, user);
    expect(errorCode(refused)).toBe('FORBIDDEN');
  });

  it('tell a bot whether its user is an operator', async () => {
    const user = await buildUser(app);
    expect((await executeOperationOk(app, OpsIsOperatorDocument, {}, OPERATOR)).isOperator).toBe(
      true,
    );
    expect((await executeOperationOk(app, OpsIsOperatorDocument, {}, user)).isOperator).toBe(false);
  });

  it('block or unblock twice: the second changes nothing and is not audited', async () => {
    const user = await buildUser(app);
    const first = await executeOperationOk(
      app,
      OpsBlockUserDocument,
      { userId: user.id },
      OPERATOR,
    );
    const second = await executeOperationOk(
      app,
      OpsBlockUserDocument,
      { userId: user.id, reason: 'again' },
      OPERATOR,
    );
    expect(second.blockUser.blockedAt).toBe(first.blockUser.blockedAt);
    await executeOperationOk(app, OpsUnblockUserDocument, { userId: user.id }, OPERATOR);
    await executeOperationOk(app, OpsUnblockUserDocument, { userId: user.id }, OPERATOR);
    expect((await auditOf(user.id)).map((event) => event.action)).toEqual([
      'user_unblocked',
      'user_blocked',
    ]);
  });

  it('count a broadcast’s audience before it starts', async () => {
    const audience = async (language: 'RU' | 'EN' | null) =>
      (await executeOperationOk(app, OpsBroadcastAudienceDocument, { language }, OPERATOR))
        .broadcastAudience;
    const [all, en] = [await audience(null), await audience('EN')];
    await seedUser(app, { language: 'EN' });
    const blocked = await seedUser(app, { language: 'EN' });
    await executeOperationOk(app, OpsBlockUserDocument, { userId: blocked.id }, OPERATOR);
    expect([await audience(null), await audience('EN')]).toEqual([all + 1, en + 1]);
  });

  it('get an admin token through the bot; it works while its owner is an operator', async () => {
    const { createApiToken } = await executeOperationOk(
      app,
      OpsCreateAdminTokenDocument,
      { name: 'ops' },
      OPERATOR,
    );
    const stats = await executeOperation(
      app,
      OpsAdminStatsDocument,
      {},
      asToken(createApiToken.token),
    );
    expect(errorCode(stats)).toBeUndefined();
    // A token of the same operator without the admin scope is not an operator's.
    const plain = await executeOperationOk(
      app,
      CreateApiTokenDocument,
      { name: 'plain' },
      OPERATOR,
    );
    const refused = await executeOperation(
      app,
      OpsAdminStatsDocument,
      {},
      asToken(plain.createApiToken.token),
    );
    expect(errorCode(refused)).toBe('FORBIDDEN');
  });

  it('broadcast to every reachable, unblocked user a batch at a time', async () => {
    const users = await Promise.all([1, 2, 3].map(() => buildUser(app)));
    const blocked = await buildUser(app);
    await executeOperationOk(app, OpsBlockUserDocument, { userId: blocked.id }, OPERATOR);
    const { startBroadcast } = await executeOperationOk(
      app,
      OpsStartBroadcastDocument,
      { text: 'Maintenance tonight' },
      OPERATOR,
    );
    const id = startBroadcast.broadcast.id;
    const done = await eventually(async () => {
      const { broadcast } = await executeOperationOk(app, OpsBroadcastDocument, { id }, OPERATOR);
      return broadcast.broadcast.status === 'DONE' && broadcast;
    }, 15_000);
    expect(done.broadcast.written).toBe(done.broadcast.total);
    const rows = (await app.db.query(
      `SELECT user_id AS "userId" FROM notifications WHERE kind = 'broadcast'`,
    )) as { userId: string }[];
    const reached = new Set(rows.map((row) => row.userId));
    for (const user of users) expect(reached.has(user.id)).toBe(true);
    expect(reached.has(blocked.id)).toBe(false);
  });

  it('cancel a broadcast: what is not offered yet is withdrawn', async () => {
    await Promise.all([1, 2, 3, 4, 5].map(() => buildUser(app)));
    const { startBroadcast } = await executeOperationOk(
      app,
      OpsStartBroadcastDocument,
      { text: 'Oops', language: 'EN' },
      OPERATOR,
    );
    const { cancelBroadcast } = await executeOperationOk(
      app,
      OpsCancelBroadcastDocument,
      { id: startBroadcast.broadcast.id },
      OPERATOR,
    );
    expect(cancelBroadcast.broadcast.status).toBe('CANCELLED');
    const [{ pending }] = (await app.db.query(
      `SELECT count(*)::int AS pending FROM notifications
        WHERE payload->'refs'->>'broadcastId' = $1 AND status = 'pending'`,
      [startBroadcast.broadcast.id],
    )) as [{ pending: number }];
    expect(pending).toBe(0);
  });
});

describe('security events in the audit log', () => {
  it('records a revoked token presented again, and a budget first overrun', async () => {
    const user: TestUser = await buildUser(app);
    const { createApiToken } = await executeOperationOk(
      app,
      CreateApiTokenDocument,
      { name: 'soon revoked' },
      user,
    );
    await executeOperationOk(app, RevokeApiTokenDocument, { id: createApiToken.apiToken.id }, user);
    const again = await executeOperation(app, MeDocument, {}, asToken(createApiToken.token));
    expect(errorCode(again)).toBe('UNAUTHENTICATED');

    for (let i = 0; i < 8; i += 1) {
      await executeOperation(app, CreateGoalDocument, { input: { title: `r${i}` } }, user);
    }
    const actions = await eventually(async () => {
      const events = (await auditOf(user.id)).map((event) => event.action);
      return events.includes('rate_limited') && events;
    }, 5000);
    expect(actions.filter((action) => action === 'rate_limited')).toHaveLength(1);
    expect(actions).toContain('revoked_token_used');
  });
});
