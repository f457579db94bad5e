import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildGoal, buildUser, type TestUser } from '../support/factories.js';
import { asToken, errorCode, execute, executeOk } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let owner: TestUser;

beforeAll(async () => {
  app = await startTestApp();
  owner = await buildUser(app);
});
afterAll(() => app.stop());

const TOKEN_FIELDS = 'id name tokenPrefix lastUsedAt revokedAt createdAt';
const CREATE = `mutation ($name: String!) {
  createApiToken(name: $name) { token apiToken { ${TOKEN_FIELDS} } }
}`;
const LIST = `{ apiTokens { ${TOKEN_FIELDS} } }`;
const REVOKE = `mutation ($id: ID!) { revokeApiToken(id: $id) { ${TOKEN_FIELDS} } }`;

async function createToken(user: TestUser, name: string) {
  const data = await executeOk(app.graphqlUrl, CREATE, { name }, user.credentials);
  return data.createApiToken as { token: string; apiToken: Record<string, any> };
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const rowsOf = (user: TestUser) =>
  app.db.query('SELECT * FROM api_tokens WHERE user_id = $1 ORDER BY created_at', [user.id]);

describe('API tokens', () => {
  it('shows the token once at creation and lists it by prefix only', async () => {
    const user = await buildUser(app);
    const { token, apiToken } = await createToken(user, '  Zapier  ');
    expect(token).toMatch(/^mxn_[\w-]{32}$/);
    expect(apiToken).toMatchObject({
      name: 'Zapier',
      tokenPrefix: token.slice(0, 10),
      lastUsedAt: null,
      revokedAt: null,
    });

    const listed = await executeOk(app.graphqlUrl, LIST, {}, user.credentials);
    expect(listed.apiTokens).toEqual([apiToken]);
    expect(JSON.stringify(listed)).not.toContain(token);

    const asking = await execute(app.graphqlUrl, '{ apiTokens { token } }', {}, user.credentials);
    expect(errorCode(asking)).toBe('BAD_USER_INPUT');
  });

  it('stores only the SHA-256 hash of the token', async () => {
    const user = await buildUser(app);
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
    const user = await buildUser(app);
    const goal = await buildGoal(app, user, { title: 'Read 12 books' });
    const { token, apiToken } = await createToken(user, 'Notion sync');
    expect(apiToken.lastUsedAt).toBeNull();

    const me = await executeOk(app.graphqlUrl, '{ me { id } }', {}, asToken(token));
    expect(me.me.id).toBe(user.id);
    const goals = await executeOk(app.graphqlUrl, '{ goals { items { id } } }', {}, asToken(token));
    expect(goals.goals.items).toEqual([{ id: goal.id }]);
    const created = await executeOk(
      app.graphqlUrl,
      'mutation { createGoal(input: { title: "Via token" }) { id } }',
      {},
      asToken(token),
    );
    const mine = await executeOk(app.graphqlUrl, '{ goals { totalCount } }', {}, user.credentials);
    expect(created.createGoal.id).toBeTruthy();
    expect(mine.goals.totalCount).toBe(2);

    const [listed] = (await executeOk(app.graphqlUrl, LIST, {}, user.credentials)).apiTokens;
    expect(listed.id).toBe(apiToken.id);
    expect(listed.lastUsedAt).not.toBeNull();
    const lastUsed = Date.parse(listed.lastUsedAt);
    expect(lastUsed).toBeGreaterThanOrEqual(Date.parse(apiToken.createdAt));
    expect(lastUsed).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('cannot create more tokens (FORBIDDEN) and creates none', async () => {
    const user = await buildUser(app);
    const { token } = await createToken(user, 'Integration');
    const result = await execute(app.graphqlUrl, CREATE, { name: 'Another' }, asToken(token));
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(result.data).toBeNull();
    expect(await rowsOf(user)).toHaveLength(1);
  });

  it('stops working at once when revoked; revoking twice is harmless', async () => {
    const user = await buildUser(app);
    const kept = await createToken(user, 'Kept');
    const { token, apiToken } = await createToken(user, 'Leaked');
    await executeOk(app.graphqlUrl, '{ me { id } }', {}, asToken(token));

    const revoked = await executeOk(app.graphqlUrl, REVOKE, { id: apiToken.id }, user.credentials);
    expect(revoked.revokeApiToken.id).toBe(apiToken.id);
    expect(revoked.revokeApiToken.revokedAt).not.toBeNull();

    const refused = await execute(app.graphqlUrl, '{ me { id } }', {}, asToken(token));
    expect(errorCode(refused)).toBe('UNAUTHENTICATED');
    expect(refused.data).toBeNull();
    const write = await execute(
      app.graphqlUrl,
      'mutation { createGoal(input: { title: "After revoke" }) { id } }',
      {},
      asToken(token),
    );
    expect(errorCode(write)).toBe('UNAUTHENTICATED');

    const again = await executeOk(app.graphqlUrl, REVOKE, { id: apiToken.id }, user.credentials);
    expect(again.revokeApiToken).toEqual(revoked.revokeApiToken);

    const listed = await executeOk(app.graphqlUrl, LIST, {}, user.credentials);
    const byName = Object.fromEntries(
      listed.apiTokens.map((t: { name: string; revokedAt: string | null }) => [
        t.name,
        t.revokedAt,
      ]),
    );
    expect(byName).toEqual({ Leaked: revoked.revokeApiToken.revokedAt, Kept: null });
    const stillWorks = await executeOk(app.graphqlUrl, '{ me { id } }', {}, asToken(kept.token));
    expect(stillWorks.me.id).toBe(user.id);
    const goals = await executeOk(app.graphqlUrl, '{ goals { totalCount } }', {}, user.credentials);
    expect(goals.goals.totalCount).toBe(0);
  });

  it('allows at most 20 active tokens (CONFLICT); revoking one frees a place', async () => {
    const user = await buildUser(app);
    const tokens = [];
    for (let index = 0; index < 20; index += 1) tokens.push(await createToken(user, `T${index}`));
    const over = await execute(app.graphqlUrl, CREATE, { name: 'T20' }, user.credentials);
    expect(errorCode(over)).toBe('CONFLICT');
    await executeOk(app.graphqlUrl, REVOKE, { id: tokens[0].apiToken.id }, user.credentials);
    const replacement = await createToken(user, 'T20');
    expect(replacement.token).toMatch(/^mxn_/);
    expect(await rowsOf(user)).toHaveLength(21);
  });

  it('rejects an empty, blank or too long name with BAD_USER_INPUT', async () => {
    for (const name of ['', '   ', 'x'.repeat(101)]) {
      const result = await execute(app.graphqlUrl, CREATE, { name }, owner.credentials);
      expect({ name, code: errorCode(result) }).toEqual({ name, code: 'BAD_USER_INPUT' });
    }
    expect(await rowsOf(owner)).toEqual([]);
    const longest = await createToken(owner, 'y'.repeat(100));
    expect(longest.apiToken.name).toHaveLength(100);
  });
});
