/**
 * Goals-page benchmark: our real server against a hand-written baseline (bench/baseline-server.ts)
 * answering the same GraphQL page from the same PostgreSQL rows.
 *
 *   npm run bench                      # build, then run
 *   BENCH_SECONDS=20 BENCH_CONNECTIONS=32 npm run bench
 *
 * Settings (read here only; the bench is not app code):
 *   DATABASE_URL       admin connection; a fresh database maxon_bench_<timestamp> is created
 *                      next to it and dropped at the end, also on failure or Ctrl-C
 *                      (default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_SECONDS      measured seconds per run (default 10), after a 2-second warm-up
 *   BENCH_CONNECTIONS  concurrent connections (default 10)
 *   BENCH_ROUNDS       rounds of (ours, baseline), run alternately (default 2)
 *
 * Both servers and autocannon share this one Node process (and its event loop), so absolute
 * figures include the load generator's own cost; the same cost is paid by both sides.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { ADMIN_URL, adminQuery } from './admin-query.js';
import { startApi, type App } from '../src/roles/start-api.js';
import { loadConfig } from '../src/config.js';
import { sqlLoggerOf } from '../src/db/data-source.js';
import { createLogger } from '../src/logger.js';
import { startBaseline, type BaselineServer } from './baseline-server.js';

function positiveIntFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

const SECONDS = positiveIntFromEnv('BENCH_SECONDS', 10);
const CONNECTIONS = positiveIntFromEnv('BENCH_CONNECTIONS', 10);
const ROUNDS = positiveIntFromEnv('BENCH_ROUNDS', 2);
const WARMUP_SECONDS = 2;
const POOL_SIZE = 10; // the app's default DATABASE_POOL_SIZE; the baseline gets the same
const GOALS = 20;
const STEPS_PER_GOAL = 5;
const SERVICE_KEY = randomBytes(24).toString('hex');

const PAGE_QUERY = `query GoalsPage($limit: Int!) {
  goals(limit: $limit) {
    items { id title status progress targetDate steps { id title status position } }
  }
}`;

interface PageStep {
  id: string;
  title: string;
  status: string;
  position: number;
}
interface PageGoal {
  id: string;
  title: string;
  status: string;
  progress: number;
  targetDate: string | null;
  steps: PageStep[];
}
interface PageData {
  goals: { items: PageGoal[] };
}

// ---------------------------------------------------------------------------------------------
// Teardown: run in reverse order of setup, once, whatever happened.

const teardown: { name: string; run: () => Promise<unknown> }[] = [];
let tornDown: Promise<void> | undefined;

function tearDown(): Promise<void> {
  tornDown ??= (async () => {
    for (const step of teardown.reverse()) {
      try {
        await step.run();
      } catch (error) {
        console.error(`cleanup "${step.name}" failed:`, error);
      }
    }
  })();
  return tornDown;
}

/** The autocannon run in progress, stopped on Ctrl-C so that the servers can drain at once. */
let activeLoad: autocannon.Instance | undefined;

const SIGNAL_EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };

function onSignal(signal: NodeJS.Signals): void {
  console.error(`\n${signal}: cleaning up (again to force quit)…`);
  activeLoad?.stop();
  void tearDown().finally(() => process.exit(SIGNAL_EXIT_CODES[signal] ?? 1));
}

/**
 * Apollo Server installs SIGINT/SIGTERM handlers that stop it and then re-raise the signal,
 * which would kill the process before the bench database is dropped. The bench owns shutdown,
 * so only its own handler stays.
 */
function keepOnlyOurSignalHandlers(): void {
  for (const signal of Object.keys(SIGNAL_EXIT_CODES) as NodeJS.Signals[]) {
    for (const listener of process.listeners(signal)) {
      if (listener !== onSignal) process.off(signal, listener);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

async function graphql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T | null; errors?: unknown[] };
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(
      `GraphQL request to ${url} failed (${response.status}): ${JSON.stringify(body)}`,
    );
  }
  return body.data;
}

/** Order-insensitive form of a page, for comparing the two servers. */
function normalized(page: PageData): PageGoal[] {
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return page.goals.items
    .map((goal) => ({ ...goal, steps: [...goal.steps].sort(byId) }))
    .sort(byId);
}

interface LoadResult {
  rps: number;
  p50: number;
  p95: number;
  requests: number;
  failures: number;
}

/** Nearest-rank percentile; autocannon reports p90 and p97.5 but no p95, so we keep every latency. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ??
    Number.NaN
  );
}

function load(
  url: string,
  headers: Record<string, string>,
  body: string,
  seconds: number,
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(
      {
        url: `${url}/graphql`,
        method: 'POST',
        headers,
        body,
        connections: CONNECTIONS,
        duration: seconds,
      },
      (error, result) => {
        activeLoad = undefined;
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        latencies.sort((a, b) => a - b);
        resolve({
          rps: result.requests.average,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          requests: result.requests.total,
          failures: result.non2xx + result.errors + result.timeouts,
        });
      },
    );
    activeLoad = instance;
    instance.on('response', (_client, _status, _bytes, responseTime) =>
      latencies.push(responseTime),
    );
  });
}

const fmt = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const [index, row] of rows.entries()) {
    console.log(
      row
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
        )
        .join('  '),
    );
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  // 1. A fresh database, dropped at the end.
  const dbName = `maxon_bench_${Date.now()}`;
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${dbName}`;
  await adminQuery(`CREATE DATABASE "${dbName}"`);
  teardown.push({
    name: `drop ${dbName}`,
    run: () => adminQuery(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`),
  });
  console.log(`database ${dbName} created`);

  // 2. Our real server (migrates the fresh database).
  const config = loadConfig({
    NODE_ENV: 'production',
    // Production refuses to start without a key for secrets at rest; a throwaway one.
    SECRETS_KEY: `k1:${randomBytes(32).toString('base64')}`,
    HOST: '127.0.0.1',
    PORT: '0',
    // One user driven faster than a person could: no per-user budgets in a benchmark.
    RATE_LIMIT_MUTATIONS_PER_MINUTE: '1000000',
    RATE_LIMIT_ASSISTANT_PER_MINUTE: '1000000',
    LOG_LEVEL: 'silent',
    DATABASE_URL: dbUrl.toString(),
    DATABASE_POOL_SIZE: String(POOL_SIZE),
    SERVICE_API_KEY: SERVICE_KEY,
    PLAYGROUND_ENABLED: 'false',
  });
  const app: App = await startApi(config, createLogger(config.LOG_LEVEL));
  teardown.push({ name: 'stop ours', run: () => app.stop() });
  keepOnlyOurSignalHandlers();

  // 3. One user and 20 goals × 5 steps, all through the API; a few steps done/skipped so that
  //    progress and statuses vary.
  const bot = { authorization: `Bearer ${SERVICE_KEY}` };
  const platformUserId = randomUUID().replace(/-/g, '').slice(0, 16);
  await graphql(
    app.url,
    `
      mutation Register($input: RegisterChannelAccountInput!) {
        registerChannelAccount(input: $input) {
          id
        }
      }
    `,
    { input: { platform: 'TELEGRAM', platformUserId, chatId: platformUserId } },
    bot,
  );
  const asUser = {
    ...bot,
    'x-maxon-platform': 'telegram',
    'x-maxon-platform-user-id': platformUserId,
  };
  const nextYear = new Date().getUTCFullYear() + 1;
  for (let i = 0; i < GOALS; i += 1) {
    const { createGoal } = await graphql<{ createGoal: { steps: { id: string }[] } }>(
      app.url,
      `
        mutation CreateGoal($input: CreateGoalInput!) {
          createGoal(input: $input) {
            steps {
              id
            }
          }
        }
      `,
      {
        input: {
          title: `Goal ${i + 1}`,
          targetDate:
            i % 3 === 0 ? null : `${nextYear}-${String((i % 12) + 1).padStart(2, '0')}-15`,
          steps: Array.from({ length: STEPS_PER_GOAL }, (_, s) => ({
            title: `Goal ${i + 1}, step ${s + 1}`,
          })),
        },
      },
      asUser,
    );
    const statuses = createGoal.steps.map((_, s) =>
      s < i % 6 ? 'DONE' : i % 4 === 1 && s === 4 ? 'SKIPPED' : null,
    );
    for (const [s, status] of statuses.entries()) {
      if (!status) continue;
      await graphql(
        app.url,
        `
          mutation UpdateStep($id: ID!, $input: UpdateStepInput!) {
            updateStep(id: $id, input: $input) {
              id
            }
          }
        `,
        { id: createGoal.steps[s]!.id, input: { status } },
        asUser,
      );
    }
  }
  console.log(`seeded 1 user, ${GOALS} goals × ${STEPS_PER_GOAL} steps through the API`);

  // 4. The baseline, same process, same database.
  const baseline: BaselineServer = await startBaseline({
    databaseUrl: dbUrl.toString(),
    serviceKey: SERVICE_KEY,
    poolSize: POOL_SIZE,
  });
  teardown.push({ name: 'stop baseline', run: () => baseline.stop() });

  // 5. Same data from both, and SQL statements per request.
  const sql = sqlLoggerOf(app.db);
  const sqlPerPage: Record<number, { ours: number; baseline: number }> = {};
  for (const limit of [1, GOALS]) {
    const oursBefore = sql.queryCount;
    const ours = await graphql<PageData>(app.url, PAGE_QUERY, { limit }, asUser);
    const oursQueries = sql.queryCount - oursBefore;
    const baseBefore = baseline.queryCount();
    const base = await graphql<PageData>(baseline.url, PAGE_QUERY, { limit }, asUser);
    sqlPerPage[limit] = { ours: oursQueries, baseline: baseline.queryCount() - baseBefore };

    const expectedGoals = Math.min(limit, GOALS);
    const steps = ours.goals.items.reduce((sum, goal) => sum + goal.steps.length, 0);
    if (ours.goals.items.length !== expectedGoals || steps !== expectedGoals * STEPS_PER_GOAL) {
      throw new Error(
        `ours returned ${ours.goals.items.length} goals / ${steps} steps for limit ${limit}`,
      );
    }
    if (!isDeepStrictEqual(normalized(ours), normalized(base))) {
      console.error('ours:    ', JSON.stringify(normalized(ours)).slice(0, 2000));
      console.error('baseline:', JSON.stringify(normalized(base)).slice(0, 2000));
      throw new Error(`the two servers disagree on the ${limit}-goal page`);
    }
  }
  console.log(`both servers return the same data for the 1-goal and ${GOALS}-goal pages`);

  // 6. Load, alternating ours and baseline; identical body and headers.
  const body = JSON.stringify({ query: PAGE_QUERY, variables: { limit: GOALS } });
  const headers = { 'content-type': 'application/json', ...asUser };
  const targets = [
    { name: 'ours', url: app.url },
    { name: 'baseline', url: baseline.url },
  ];
  const results: { round: number; name: string; result: LoadResult }[] = [];
  console.log(
    `load: ${CONNECTIONS} connections, ${WARMUP_SECONDS}s warm-up + ${SECONDS}s measured per run, ${ROUNDS} round(s)`,
  );
  for (let round = 1; round <= ROUNDS; round += 1) {
    for (const target of targets) {
      await load(target.url, headers, body, WARMUP_SECONDS);
      const result = await load(target.url, headers, body, SECONDS);
      console.log(
        `  round ${round} ${target.name.padEnd(8)} ${fmt(result.rps)} req/s, p95 ${fmt(result.p95, 1)} ms`,
      );
      results.push({ round, name: target.name, result });
    }
  }

  // 7. Report.
  const summary = (name: string) => {
    const mine = results.filter((row) => row.name === name).map((row) => row.result);
    return {
      rps: mean(mine.map((r) => r.rps)),
      p95: mean(mine.map((r) => r.p95)),
    };
  };
  const ours = summary('ours');
  const base = summary('baseline');
  console.log(
    `\nGoals page (${GOALS} goals × ${STEPS_PER_GOAL} steps), ${CONNECTIONS} connections, ${SECONDS}s × ${ROUNDS} rounds\n`,
  );
  printTable([
    ['run', 'req/s', 'p50 ms', 'p95 ms', 'requests', 'failed'],
    ...results.map(({ round, name, result }) => [
      `round ${round} ${name}`,
      fmt(result.rps),
      fmt(result.p50, 1),
      fmt(result.p95, 1),
      String(result.requests),
      String(result.failures),
    ]),
  ]);
  console.log('');
  printTable([
    ['', 'ours', 'baseline', 'ours/baseline'],
    ['req/s (mean of rounds)', fmt(ours.rps), fmt(base.rps), fmt(ours.rps / base.rps, 2)],
    [
      'p95 latency ms (mean of rounds)',
      fmt(ours.p95, 1),
      fmt(base.p95, 1),
      fmt(ours.p95 / base.p95, 2),
    ],
    [
      'SQL per request, 1-goal page',
      String(sqlPerPage[1]!.ours),
      String(sqlPerPage[1]!.baseline),
      '',
    ],
    [
      `SQL per request, ${GOALS}-goal page`,
      String(sqlPerPage[GOALS]!.ours),
      String(sqlPerPage[GOALS]!.baseline),
      '',
    ],
  ]);
  console.log('(SQL per request includes the caller lookup on both sides.)');

  const failed = results.filter(({ result }) => result.failures > 0);
  if (failed.length > 0) {
    throw new Error(
      `${failed.length} run(s) had non-2xx responses, errors or timeouts; the figures are not valid`,
    );
  }
}

for (const signal of Object.keys(SIGNAL_EXIT_CODES) as NodeJS.Signals[]) {
  process.once(signal, onSignal);
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await tearDown();
}
