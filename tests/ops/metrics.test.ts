import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { countMessageSent, countRateLimited } from '../../src/metrics/messages.js';
import { startMetricsServer } from '../../src/metrics/metrics-server.js';
import { buildUser, type TestUser } from '../support/factories.js';
import {
  AcknowledgeNotificationDocument,
  CreateReminderDocument,
  MeDocument,
} from '../gql/graphql.js';
import {
  asBot,
  execute,
  executeOk,
  executeOperation,
  executeOperationOk,
} from '../support/graphql-client.js';
import { useOwnDatabase } from '../support/own-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { scrape, valueOf, type Sample } from './prometheus-text.js';

// This file runs a worker, which sweeps the whole database: it gets one of its own.
await useOwnDatabase();

/** Polls until `probe` holds or 10 s pass; returns its last answer. */
async function eventually(probe: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + 10_000;
  while (!(await probe()) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return probe();
}

describe('/metrics', () => {
  let app: TestApp;
  let user: TestUser;
  const metrics = () => scrape(`${app.url}/metrics`);

  beforeAll(async () => {
    app = await startTestApp({
      WORKER_ENABLED: 'true',
      JOBS_PROCESS_EVERY_MS: '200',
      NOTIFICATION_SWEEP_SECONDS: '1',
    });
    user = await buildUser(app);
  });
  afterAll(() => app.stop());

  it('serves the Prometheus text format with the default Node.js metrics', async () => {
    const response = await fetch(`${app.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
  });

  it('counts and times HTTP requests by method, declared route and status', async () => {
    const before = await metrics();
    await fetch(`${app.url}/health`);
    await fetch(`${app.url}/health`);
    await fetch(`${app.url}/no/such/page/${Date.now()}`);
    const after = await metrics();
    const delta = (name: string, labels: Record<string, string>) =>
      valueOf(after, name, labels) - valueOf(before, name, labels);

    const health = { method: 'GET', route: '/health', status: '200' };
    expect(delta('maxon_http_requests_total', health)).toBe(2);
    expect(delta('maxon_http_request_duration_seconds_count', health)).toBe(2);
    const missing = { method: 'GET', route: 'unmatched', status: '404' };
    expect(delta('maxon_http_requests_total', missing)).toBe(1);
    // The raw path never becomes a label value.
    expect(after.some((sample) => sample.labels.route?.startsWith('/no/'))).toBe(false);
  });

  it('counts GraphQL operations by name, type and result', async () => {
    const before = await metrics();
    await executeOperationOk(app, MeDocument, {}, user.credentials);
    await executeOperation(app, MeDocument, {}); // anonymous caller: an error
    // Raw: a malformed query, to be counted as 'invalid'.
    await execute(app.graphqlUrl, '{ nonsense');
    const after = await metrics();
    const delta = (labels: Record<string, string>) =>
      valueOf(after, 'maxon_graphql_operations_total', labels) -
      valueOf(before, 'maxon_graphql_operations_total', labels);

    expect(delta({ operation: 'Me', type: 'query', result: 'ok' })).toBe(1);
    expect(delta({ operation: 'Me', type: 'query', result: 'error' })).toBe(1);
    expect(delta({ operation: 'invalid', type: 'unknown', result: 'error' })).toBe(1);
    expect(
      valueOf(after, 'maxon_graphql_operation_duration_seconds_count', {
        operation: 'Me',
        result: 'ok',
      }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('counts an operation name over 64 characters as "other", never as its own label', async () => {
    const long = `Q${'x'.repeat(64)}`;
    const fits = `Q${'y'.repeat(63)}`;
    const before = await metrics();
    // Raw: the operation names are chosen here to produce (or not) their own metric label.
    await executeOk(app.graphqlUrl, `query ${long} { __typename }`);
    await executeOk(app.graphqlUrl, `query ${fits} { __typename }`);
    const after = await metrics();
    const delta = (operation: string) =>
      valueOf(after, 'maxon_graphql_operations_total', { operation, result: 'ok' }) -
      valueOf(before, 'maxon_graphql_operations_total', { operation, result: 'ok' });
    expect(delta('other')).toBe(1);
    expect(delta(fits)).toBe(1);
    expect(after.some((sample) => sample.labels.operation === long)).toBe(false);
  });

  it('counts job runs and their lateness, pending and delivered notifications', async () => {
    const before = await metrics();
    await executeOperationOk(
      app,
      CreateReminderDocument,
      {
        input: {
          type: 'ONE_TIME',
          text: 'Metrics',
          triggerAt: new Date(Date.now() + 800).toISOString(),
        },
      },
      user.credentials,
    );
    const pendingRows = async () =>
      (await app.db.query(
        `SELECT id FROM notifications WHERE user_id = $1 AND status = 'pending'`,
        [user.id],
      )) as { id: string }[];
    expect(await eventually(async () => (await pendingRows()).length > 0)).toBe(true);
    const [row] = await pendingRows();
    const fired = await metrics();
    const delta = (name: string, labels: Record<string, string>) =>
      valueOf(fired, name, labels) - valueOf(before, name, labels);
    expect(delta('maxon_jobs_run_total', { job: 'reminder' })).toBe(1);
    expect(delta('maxon_job_lateness_seconds_count', { job: 'reminder' })).toBe(1);
    expect(delta('maxon_jobs_failed_total', { job: 'reminder' })).toBe(0);

    const pending = (samples: Sample[]) =>
      valueOf(samples, 'maxon_notifications_pending', { channel: 'telegram' });
    expect(pending(fired)).toBeGreaterThanOrEqual(1);

    await executeOperationOk(app, AcknowledgeNotificationDocument, { id: row.id }, asBot());
    const acknowledged = await metrics();
    const delivered = (samples: Sample[]) =>
      valueOf(samples, 'maxon_notifications_delivered_total', { channel: 'telegram' });
    expect(delivered(acknowledged) - delivered(before)).toBe(1);
    expect(pending(acknowledged)).toBe(pending(fired) - 1);
  });

  it('counts messages the bots sent and the 429s they got, per platform', async () => {
    const before = await metrics();
    countMessageSent('telegram');
    countMessageSent('telegram');
    countRateLimited('max');
    const after = await metrics();
    const delta = (name: string, platform: string) =>
      valueOf(after, name, { platform }) - valueOf(before, name, { platform });
    expect(delta('maxon_messages_sent_total', 'telegram')).toBe(2);
    expect(delta('maxon_messages_sent_total', 'max')).toBe(0);
    expect(delta('maxon_messages_rate_limited_total', 'max')).toBe(1);
  });
});

describe('METRICS_ENABLED=false', () => {
  it('serves no /metrics on the API port', async () => {
    const app = await startTestApp({ METRICS_ENABLED: 'false' });
    try {
      expect((await fetch(`${app.url}/metrics`)).status).toBe(404);
      expect((await fetch(`${app.url}/health`)).status).toBe(200);
    } finally {
      await app.stop();
    }
  });
});

describe('METRICS_TOKEN', () => {
  const TOKEN = 'metrics-token-0123456789';
  const get = (url: string, authorization?: string) =>
    fetch(`${url}/metrics`, { headers: authorization ? { authorization } : {} });

  it('makes /metrics on the API port answer 401 without the bearer token', async () => {
    const app = await startTestApp({ METRICS_TOKEN: TOKEN });
    try {
      expect((await get(app.url)).status).toBe(401);
      expect((await get(app.url, 'Bearer wrong-token-0123456789')).status).toBe(401);
      const allowed = await get(app.url, `Bearer ${TOKEN}`);
      expect(allowed.status).toBe(200);
      expect(await allowed.text()).toContain('maxon_http_requests_total');
      expect((await fetch(`${app.url}/health`)).status).toBe(200);
    } finally {
      await app.stop();
    }
  });

  it('protects /metrics of the metrics server too, but not /health', async () => {
    const server = await startMetricsServer({
      host: '127.0.0.1',
      port: 0,
      metrics: true,
      token: TOKEN,
      health: async () => true,
    });
    try {
      expect((await get(server.url)).status).toBe(401);
      expect((await get(server.url, `Bearer ${TOKEN}`)).status).toBe(200);
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
