import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { GoalsWithStepsDocument, MeDocument } from '../gql/graphql.js';
import { seedGoal, seedUser, type TestUser } from '../support/factories.js';
import { errorCode, execute, executeOperation } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let user: TestUser;

beforeAll(async () => {
  app = await startTestApp();
  user = await seedUser(app);
});
afterAll(() => app.stop());

describe('HTTP surface', () => {
  it('reports health with the database checked', async () => {
    const response = await fetch(`${app.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('serves a playground that loads every asset from this server', async () => {
    const response = await fetch(app.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('GraphiQL');
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/i);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(assets.length).toBeGreaterThanOrEqual(5);
    for (const asset of assets) {
      const served = await fetch(`${app.url}${asset}`);
      expect({ asset, status: served.status }).toEqual({ asset, status: 200 });
      expect((await served.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  it('protects the playground with a CSP (no inline script), no framing and nosniff', async () => {
    const response = await fetch(app.graphqlUrl, { headers: { accept: 'text/html' } });
    const csp = response.headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(
      csp.split(';').map((directive) => {
        const [name, ...values] = directive.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    const host = new URL(app.url).host;
    expect(directives['connect-src']).toEqual(["'self'", `ws://${host}`, `wss://${host}`]);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');

    // Every script is a file of this server's, served as JavaScript (nosniff needs the type).
    const html = await response.text();
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThanOrEqual(5);
    for (const [, attributes, body] of scripts) {
      expect(body.trim()).toBe('');
      const src = /src="([^"]+)"/.exec(attributes)?.[1];
      const served = await fetch(`${app.url}${src}`);
      expect({ src, type: served.headers.get('content-type') }).toEqual({
        src,
        type: expect.stringMatching(/^(application|text)\/javascript/),
      });
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const own = await (await fetch(`${app.url}/playground/assets/playground.js`)).text();
    expect(own).toContain('GraphiQL.createFetcher');
    expect(own).toContain('graphqlWs.createClient');
    expect(() => new Script(own)).not.toThrow();
  });

  it('has no playground and no introspection by default with NODE_ENV=production', async () => {
    const production = await startTestApp({
      NODE_ENV: 'production',
      SECRETS_KEY: `k1:${Buffer.alloc(32, 3).toString('base64')}`,
    });
    try {
      const page = await fetch(production.graphqlUrl, { headers: { accept: 'text/html' } });
      expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
      const introspection = await execute(production.graphqlUrl, '{ __schema { types { name } } }');
      expect(errorCode(introspection)).toBe('BAD_USER_INPUT');
      const typename = await execute(production.graphqlUrl, '{ __typename }');
      expect(typename.data).toEqual({ __typename: 'Query' });
    } finally {
      await production.stop();
    }
    const introspection = await execute(app.graphqlUrl, '{ __schema { queryType { name } } }');
    expect(introspection.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('echoes a sane x-request-id and makes one up otherwise', async () => {
    const given = await fetch(`${app.url}/health`, { headers: { 'x-request-id': 'trace-123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    const hostile = await fetch(`${app.url}/health`, { headers: { 'x-request-id': 'a b<c>' } });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  // The next three send what no generated document can: oversized, too deep or too costly,
  // and malformed queries. So they are query strings.
  it('rejects a request body over the limit with 413 and a GraphQL-shaped error', async () => {
    const response = await fetch(app.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...user.credentials.headers },
      body: JSON.stringify({ query: `{ me { id } }`, variables: { pad: 'x'.repeat(200_000) } }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('rejects queries nested too deep or too costly', async () => {
    const deep = `{ goals { items { steps { goal { steps { goal { steps { goal { steps { goal { id } } } } } } } } } } }`;
    const tooDeep = await execute(app.graphqlUrl, deep, {}, user.credentials);
    expect(errorCode(tooDeep)).toBe('BAD_USER_INPUT');
    expect(tooDeep.errors?.[0]?.message).toMatch(/depth 11 exceeds the maximum of 10/);

    const costly = `{ goals(limit: 100) { items { id title steps { id title goal { id steps { id title status } } } } } }`;
    const tooCostly = await execute(app.graphqlUrl, costly, {}, user.credentials);
    expect(errorCode(tooCostly)).toBe('BAD_USER_INPUT');
    expect(tooCostly.errors?.[0]?.message).toMatch(/complexity \d+ exceeds the maximum/);

    const normal = await execute(
      app.graphqlUrl,
      `{ goals(limit: 20) { items { id title progress steps { id title status } } } }`,
      {},
      user.credentials,
    );
    expect(normal.errors).toBeUndefined();
  });

  it('answers malformed GraphQL with BAD_USER_INPUT', async () => {
    const syntax = await execute(app.graphqlUrl, `{ me { id `, {}, user.credentials);
    expect(errorCode(syntax)).toBe('BAD_USER_INPUT');
    const unknownField = await execute(app.graphqlUrl, `{ me { password } }`, {}, user.credentials);
    expect(errorCode(unknownField)).toBe('BAD_USER_INPUT');
    const badVariable = await execute(
      app.graphqlUrl,
      `query ($limit: Int) { goals(limit: $limit) { hasMore } }`,
      { limit: 'many' },
      user.credentials,
    );
    expect(errorCode(badVariable)).toBe('BAD_USER_INPUT');
  });
});

describe('SQL per goals page', () => {
  async function queriesFor<T, V>(
    document: TypedDocumentNode<T, V>,
    variables: V,
    owner: TestUser,
  ): Promise<number> {
    const before = app.sqlQueries();
    const result = await executeOperation(app, document, variables, owner);
    expect(result.errors).toBeUndefined();
    return app.sqlQueries() - before;
  }

  it('takes the same two queries (plus the caller lookup) whatever the page size', async () => {
    const small = await seedUser(app);
    const large = await seedUser(app);
    await seedGoal(app, small, { title: 'One', steps: ['a'] });
    for (let index = 0; index < 20; index += 1) {
      await seedGoal(app, large, { title: `Goal ${index}`, steps: ['a', 'b', 'c', 'd', 'e'] });
    }
    const callerLookup = await queriesFor(MeDocument, {}, large);
    expect(callerLookup).toBe(1);
    const page = { limit: 20 };
    expect(await queriesFor(GoalsWithStepsDocument, page, small)).toBe(callerLookup + 2);
    expect(await queriesFor(GoalsWithStepsDocument, page, large)).toBe(callerLookup + 2);
  });
});

describe('schema', () => {
  it('has migrations that match the entities exactly', async () => {
    const pending = await app.db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });
});
