import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildUser, type TestUser } from '../support/factories.js';
import { errorCode, execute } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let user: TestUser;

beforeAll(async () => {
  app = await startTestApp();
  user = await buildUser(app);
});
afterAll(() => app.stop());

const NUL = '\u0000';

describe('text with a NUL character', () => {
  it.each([
    ['a goal title', `mutation ($t: String!) { createGoal(input: { title: $t }) { id } }`],
    ['a message to the assistant', `mutation ($t: String!) { sendMessage(text: $t) { text } }`],
    [
      'a nested input',
      `mutation ($t: String!) { createEvent(input: { title: "Ok", start: "2026-05-01T10:00:00Z", notes: $t }) { id } }`,
    ],
  ])('in %s is BAD_USER_INPUT', async (_name, query) => {
    const result = await execute(app.graphqlUrl, query, { t: `a${NUL}b` }, user.credentials);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
  });

  it('inside a literal in the query is BAD_USER_INPUT too', async () => {
    const query = `mutation { createGoal(input: { title: "a\\u0000b" }) { id } }`;
    const result = await execute(app.graphqlUrl, query, {}, user.credentials);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
  });
});

describe('a query rejected for complexity', () => {
  it('answers HTTP 400', async () => {
    const costly = `{ goals(limit: 100) { items { id title steps { id title goal { id steps { id title status } } } } } }`;
    const response = await fetch(app.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...user.credentials.headers },
      body: JSON.stringify({ query: costly }),
    });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(response.status).toBe(400);
  });
});
