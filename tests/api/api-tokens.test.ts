import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ApiTokensDocument,
  CreateApiTokenDocument,
  CreateGoalDocument,
  GoalsDocument,
  MeDocument,
  RevokeApiTokenDocument,
} from '../gql/graphql.js';
import { seedGoal, seedUser, type TestUser } from '../support/factories.js';
import {
  asToken,
  errorCode,
  execute,
  executeOperation,
  executeOperationOk,
} from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let owner: TestUser;

beforeAll(async () => {
  app = await startTestApp();
  owner = await seedUser(app);
});
afterAll(() => app.stop());

async function createToken(user: TestUser, name: string) {
  return (await executeOperationOk(app, CreateApiTokenDocument, { name }, user)).createApiToken;
}
const listTokens = async (user: TestUser) =>
  (await executeOperationOk(app, ApiTokensDocument, {}, user)).apiTokens;
const revoke = (user: TestUser, id: string) =>
  executeOperationOk(app, RevokeApiTokenDocument, { id }, user);
const meAs = (token: string) => executeOperation(app, MeDocument, {}, asToken(token));
const goalCount = async (user: TestUser) =>
  (await executeOperationOk(app, GoalsDocument, {}, user)).goals.totalCount;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const rowsOf = (user: TestUser) =>
  app.db.query('SELECT * FROM api_tokens WHERE user_id = $1 ORDER BY created_at', [user.id]);

describe('API tokens', () => {
  it('shows the token once at creation and lists it by prefix only', async () => {
    const user = await seedUser(app);
    const { token, apiToken } = await createToken(user, '  Zapier  ');
    expect(token).toMatch(/^mxn_[\w-]{32}$/);
    expect(apiToken).toMatchObject({
      name: 'Zapier',
      tokenPrefix: token.slice(0, 10),
      lastUsedAt: null,
      revokedAt: null,
    });

    const listed = await listTokens(user);
    expect(listed).toEqual([apiToken]);
    expect(JSON.stringify(listed)).not.toContain(token);

    // A field the schema does not have: no document can ask for it, so a query string.
    const asking = await execute(app.graphqlUrl, '{ apiTokens { token } }', {}, user.credentials);
    expect(errorCode(asking)).toBe('BAD_USER_INPUT');
  });

  it('stores only the SHA-256 hash of the token', async () => {
    const user = await seedUser(app);
    const { token, apiToken } = await createToken(user, 'Home Assistant');
    const rows = await rowsOf(user);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: apiToken.id,
      token_hash: sha256(token),
      token_prefix: token.slice(0, 10),
    });
    expect(JSON.stringify(rows)).not.toContain(token);
    const anywhere = await app.db.query(
      `SELECT count(*)::int AS n FROM api_tokens t WHERE strpos(t::text, $1) > 0`,
      [token.slice(10)],
    );
    expect(anywhere).toEqual([{ n: 0 }]);
  });

  it('acts for its owner and records when it was last used', async () => {
    const user = await seedUser(app);
    const goal = await seedGoal(app, user, { title: 'Read 12 books' });
    const { token, apiToken } = await createToken(user, 'Notion sync');
    expect(apiToken.lastUsedAt).toBeNull();

    const me = await meAs(token);
    expect(me.data?.me.id).toBe(user.id);
    const goals = await executeOperationOk(app, GoalsDocument, {}, asToken(token));
    expect(goals.goals.items).toMatchObject([{ id: goal.id }]);
    const created = await executeOperationOk(
      app,
      CreateGoalDocument,
      { input: { title: 'Via token' } },
      asToken(token),
    );
    expect(created.createGoal.id).toBeTruthy();
    expect(await goalCount(user)).toBe(2);

    const [listed] = await listTokens(user);
    expect(listed.id).toBe(apiToken.id);
    expect(listed.lastUsedAt).not.toBeNull();
    const lastUsed = Date.parse(listed.lastUsedAt!);
    expect(lastUsed).toBeGreaterThanOrEqual(Date.parse(apiToken.createdAt));
    expect(lastUsed).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('cannot create more tokens (FORBIDDEN) and creates none', async () => {
    const user = await seedUser(app);
    const { token } = await createToken(user, 'Integration');
    const result = await executeOperation(
      app,
      CreateApiTokenDocument,
      { name: 'Another' },
      asToken(token),
    );
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(result.data).toBeNull();
    expect(await rowsOf(user)).toHaveLength(1);
  });

  it('stops working at once when revoked; revoking twice is harmless', async () => {
    const user = await seedUser(app);
    const kept = await createToken(user, 'Kept');
    const { token, apiToken } = await createToken(user, 'Leaked');
    expect((await meAs(token)).data?.me.id).toBe(user.id);

    const revoked = await revoke(user, apiToken.id);
    expect(revoked.revokeApiToken.id).toBe(apiToken.id);
    expect(revoked.revokeApiToken.revokedAt).not.toBeNull();

    const refused = await meAs(token);
    expect(errorCode(refused)).toBe('UNAUTHENTICATED');
    expect(refused.data).toBeNull();
    const write = await executeOperation(
      app,
      CreateGoalDocument,
      { input: { title: 'After revoke' } },
      asToken(token),
    );
    expect(errorCode(write)).toBe('UNAUTHENTICATED');

    const again = await revoke(user, apiToken.id);
    expect(again.revokeApiToken).toEqual(revoked.revokeApiToken);

    const listed = await listTokens(user);
    const byName = Object.fromEntries(listed.map((t) => [t.name, t.revokedAt]));
    expect(byName).toEqual({ Leaked: revoked.revokeApiToken.revokedAt, Kept: null });
    const stillWorks = await meAs(kept.token);
    expect(stillWorks.data?.me.id).toBe(user.id);
    expect(await goalCount(user)).toBe(0);
  });

  it('allows at most 20 active tokens (CONFLICT); revoking one frees a place', async () => {
    const user = await seedUser(app);
    const tokens = [];
    for (let index = 0; index < 20; index += 1) tokens.push(await createToken(user, `T${index}`));
    const over = await executeOperation(app, CreateApiTokenDocument, { name: 'T20' }, user);
    expect(errorCode(over)).toBe('CONFLICT');
    await revoke(user, tokens[0].apiToken.id);
    const replacement = await createToken(user, 'T20');
    expect(replacement.token).toMatch(/^mxn_/);
    expect(await rowsOf(user)).toHaveLength(21);
  });

  it('rejects an empty, blank or too long name with BAD_USER_INPUT', async () => {
    for (const name of ['', '   ', 'x'.repeat(101)]) {
      const result = await executeOperation(app, CreateApiTokenDocument, { name }, owner);
      expect({ name, code: errorCode(result) }).toEqual({ name, code: 'BAD_USER_INPUT' });
    }
    expect(await rowsOf(owner)).toEqual([]);
    const longest = await createToken(owner, 'y'.repeat(100));
    expect(longest.apiToken.name).toHaveLength(100);
  });
});
