import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildGoal, buildUser } from '../support/factories.js';
import {
  rawBody,
  startFakeOpenAiServer,
  type Behaviour,
  type FakeOpenAiServer,
} from '../support/fake-openai-server.js';
import { AnalyzeGoalDocument, SendMessageDocument } from '../gql/graphql.js';
import { executeOperationOk } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let server: FakeOpenAiServer;
/** Its breaker never opens in these tests. */
let app: TestApp;
/** Its breaker opens after 3 failures in a row. */
let breakerApp: TestApp;

beforeAll(async () => {
  server = await startFakeOpenAiServer();
  const model = { MODEL_BASE_URL: server.url, MODEL_API_KEY: 'sk-test', MODEL_TIMEOUT_MS: '500' };
  app = await startTestApp({ ...model, MODEL_CIRCUIT_FAILURES: '1000' });
  breakerApp = await startTestApp({
    ...model,
    MODEL_CIRCUIT_FAILURES: '3',
    MODEL_CIRCUIT_OPEN_SECONDS: '600',
    METRICS_ENABLED: 'true',
  });
});
afterAll(async () => {
  await app?.stop();
  await breakerApp?.stop();
  await server?.close();
});

/** 200 answers that are not a chat completion. */
const BROKEN: [string, Behaviour][] = [
  ['an HTML page', rawBody('text/html', '<html><body>502 Bad Gateway</body></html>')],
  ['an empty JSON body', rawBody('application/json', '')],
  ['JSON of another shape', rawBody('application/json', '{"status":"ok","items":[]}')],
  ['garbage as JSON', rawBody('application/json', '{"choices": [oops')],
  ['choices that are not a list', rawBody('application/json', '{"choices":"none"}')],
];

describe('a model that answers 200 with something else', () => {
  it.each(BROKEN)('falls back to the offline engine on %s', async (_name, behaviour) => {
    server.reset();
    // The SDK may retry; a few of the same answer cover it.
    server.script(behaviour, behaviour);
    const user = await buildUser(app, { timezone: 'Europe/Moscow' });
    const { sendMessage } = await executeOperationOk(
      app,
      SendMessageDocument,
      { text: 'встреча с Олей завтра в 15:00 на час' },
      user,
    );
    expect(sendMessage).toMatchObject({ engine: 'offline', intent: 'event_create' });
    expect(server.requests.length).toBeGreaterThan(0);
  });

  it('falls back in the coach too (SMART review)', async () => {
    server.reset();
    server.script(...BROKEN.map(([, behaviour]) => behaviour));
    const user = await buildUser(app);
    const goal = await buildGoal(app, user, { title: 'Run a marathon' });
    const review = await executeOperationOk(app, AnalyzeGoalDocument, { goalId: goal.id }, user);
    expect(typeof review.analyzeGoal.smartAnalysis?.score).toBe('number');
  });
});

describe('the circuit breaker', () => {
  it('stops calling a model that keeps failing, and says so in /health and /metrics', async () => {
    const broken = rawBody('text/html', '<html>down</html>');
    server.reset();
    server.script(...Array.from({ length: 20 }, () => broken));
    const user = await buildUser(breakerApp);
    const send = (text: string) =>
      executeOperationOk(breakerApp, SendMessageDocument, { text }, user).then(
        (d) => d.sendMessage,
      );
    for (let n = 0; n < 3; n++) expect((await send('привет')).engine).toBe('offline');
    const calls = server.requests.length;
    expect((await send('привет')).engine).toBe('offline');
    expect(server.requests.length).toBe(calls);

    const health = await (await fetch(`${breakerApp.url}/health`)).json();
    expect(health).toMatchObject({ status: 'ok', model: { circuit: 'open' } });
    const metrics = await (await fetch(`${breakerApp.url}/metrics`)).text();
    expect(metrics).toMatch(/^maxon_model_circuit_open 1$/m);
  });
});
