/**
 * Outage benchmark: does an outage lose or double a reminder, and how soon after it is
 * everything due delivered? maxOn's api and worker run as child processes (`maxon api`,
 * `maxon worker`) against PostgreSQL and Redis through TCP proxies the benchmark cuts; the
 * notifications reach a local HTTP sink through the bots' NotificationRelay (outage-sink.ts).
 *
 *   npm run bench:outages
 *   REMINDERS=300 SCENARIOS=a,e node dist/bench/outages.bench.js
 *
 * Per scenario, REMINDERS (1000) one-time reminders of BENCH_USERS (100) users come due over
 * WINDOW_S (10) seconds; in the middle of that window (the peak) the fault starts:
 *   0) none: the baseline, what the machine takes without a fault;
 *   a) kill -9 of the worker, restarted at once;
 *   b) PostgreSQL connection reset for OUTAGE_S (15) s: every connection dropped, new refused;
 *   c) the app's PostgreSQL sessions terminated (pg_terminate_backend in a loop) for 5 s;
 *   d) a partition for OUTAGE_S s: connections stay open, nothing passes;
 *   e) Redis reset for OUTAGE_S s.
 * Recovery is the restart (a) or the end of the fault. Reported: lost, duplicated, seconds
 * from recovery to the last delivery, and processes that exited on their own (the benchmark
 * restarts them, as an orchestrator would). Target: lost 0, duplicated 0, ≤ 30 s, no exit.
 * Settings: DATABASE_URL (admin connection; maxon_outage_<pid> is made and dropped),
 * BENCH_REDIS_URL (redis://127.0.0.1:6379), BENCH_TIMEOUT_S (wait after recovery, 120).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startTcpProxy, type TcpProxy } from '../tests/support/tcp-proxy.js';
import { ADMIN_URL, adminQuery } from './admin-query.js';
import { botGraphql } from './bot-graphql.js';
import { freePort, MaxonProcess, type Exit } from './outage-processes.js';
import { startSink, type Sink } from './outage-sink.js';

function intFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] || fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

const REMINDERS = intFromEnv('REMINDERS', 1000);
const USERS = intFromEnv('BENCH_USERS', 100);
const WINDOW_MS = intFromEnv('WINDOW_S', 10) * 1000;
const OUTAGE_MS = intFromEnv('OUTAGE_S', 15) * 1000;
const TERMINATE_MS = 5000;
const TIMEOUT_MS = intFromEnv('BENCH_TIMEOUT_S', 120) * 1000;
/** After the last one arrived: time for a late duplicate to show. */
const SETTLE_MS = 5000;
const TARGET_S = 30;
const REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379';
const SCENARIOS = (process.env.SCENARIOS || '0,a,b,c,d,e').split(',').map((s) => s.trim());
const CREATE = `mutation($input: CreateReminderInput!) { createReminder(input: $input) { id } }`;
const REGISTER = `mutation($input: RegisterChannelAccountInput!) {
  registerChannelAccount(input: $input) { id } }`;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const clock = () => new Date().toISOString().slice(11, 19);

interface Scenario {
  name: string;
  /** Runs the fault; resolves with the moment of recovery. */
  fault(): Promise<number>;
}

const pid = process.pid;
const dbName = `maxon_outage_${pid}`;
const logDir = mkdtempSync(join(tmpdir(), 'maxon-outage-'));
const exits: Exit[] = [];
let stopping = false;
const cleanups: (() => Promise<unknown>)[] = [];
const dbUrl = new URL(ADMIN_URL);
dbUrl.pathname = `/${dbName}`;
const pgTarget = { host: dbUrl.hostname, port: Number(dbUrl.port || 5432) };
const redisUrl = new URL(REDIS_URL);
const redisTarget = { host: redisUrl.hostname, port: Number(redisUrl.port || 6379) };

async function main(): Promise<void> {
  await adminQuery(`CREATE DATABASE "${dbName}"`);
  cleanups.push(() => adminQuery(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
  const pgProxy = await startTcpProxy(pgTarget);
  const redisProxy = await startTcpProxy(redisTarget);
  cleanups.push(
    () => pgProxy.close(),
    () => redisProxy.close(),
  );

  const serviceKey = randomBytes(24).toString('hex');
  const port = await freePort();
  const env = {
    NODE_ENV: 'production',
    SECRETS_KEY: `k1:${randomBytes(32).toString('base64')}`,
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    PORT: String(port),
    METRICS_PORT: '0',
    DATABASE_URL: pgProxy.through(dbUrl.toString()),
    REDIS_URL: redisProxy.through(REDIS_URL),
    SERVICE_API_KEY: serviceKey,
    WEB_APP_ENABLED: 'false',
  };
  // A process that exited on its own is counted and started again, as an orchestrator would.
  const onExit = (exit: Exit) => {
    exits.push(exit);
    const each = exit.name === 'api' ? api : worker;
    if (!exit.expected && !stopping) {
      console.log(`  ${exit.name} exited (${exit.code ?? exit.signal}); starting it again`);
      each.start().catch((error: unknown) => console.error(`${exit.name} restart failed:`, error));
    }
  };
  const api = new MaxonProcess('api', ['api'], env, logDir, onExit);
  const worker = new MaxonProcess('worker', ['worker'], env, logDir, onExit);
  await api.start(); // migrates the database first
  cleanups.push(() => api.stop());
  await worker.start();
  cleanups.push(() => worker.stop());
  cleanups.push(async () => void (stopping = true)); // runs first: cleanups run in reverse
  const graphqlUrl = `http://127.0.0.1:${port}/graphql`;
  const sink = await startSink(graphqlUrl, serviceKey);
  cleanups.push(() => sink.stop());
  console.log(`api pid ${api.pid}, worker pid ${worker.pid}; logs in ${logDir}`);

  const userIds = Array.from({ length: USERS }, (_, i) => `outage${pid}u${i}`);
  await inBatches(USERS, (i) => {
    const id = userIds[i]!;
    const input = { platform: 'TELEGRAM', platformUserId: id, chatId: id, language: 'EN' };
    return botGraphql(graphqlUrl, serviceKey, id, REGISTER, { input });
  });
  const create = (name: string, i: number, at: number) =>
    botGraphql(graphqlUrl, serviceKey, userIds[i % USERS]!, CREATE, {
      input: {
        type: 'ONE_TIME',
        text: `outage ${name} #${i}`,
        triggerAt: new Date(at).toISOString(),
      },
    });

  const scenarios: Record<string, Scenario> = {
    // No fault: how long this machine takes anyway (recovery = the moment a fault would start).
    '0': { name: 'no fault (baseline)', fault: async () => Date.now() },
    a: {
      name: 'worker kill -9, restarted',
      async fault() {
        await worker.killHard();
        const restartedAt = Date.now();
        await worker.start();
        return restartedAt;
      },
    },
    b: {
      name: `PostgreSQL reset ${seconds(OUTAGE_MS)} s`,
      fault: () => outage(pgProxy, 'reset', OUTAGE_MS),
    },
    c: {
      name: `sessions terminated ${seconds(TERMINATE_MS)} s`,
      fault: () => terminateSessions(TERMINATE_MS),
    },
    d: {
      name: `partition ${seconds(OUTAGE_MS)} s`,
      fault: () => outage(pgProxy, 'partition', OUTAGE_MS),
    },
    e: {
      name: `Redis reset ${seconds(OUTAGE_MS)} s`,
      fault: () => outage(redisProxy, 'reset', OUTAGE_MS),
    },
  };

  // The time one reminder takes to create, from a batch due tomorrow (never fired here).
  const calibration = Date.now();
  await inBatches(100, (i) => create('z', i, Date.now() + 86_400_000));
  const msPerReminder = (Date.now() - calibration) / 100;

  const results: Record<string, string>[] = [];
  for (const id of SCENARIOS) {
    const scenario = scenarios[id];
    if (!scenario) throw new Error(`unknown scenario ${id} (0, a…e)`);
    console.log(
      `\n${clock()} ${id}) ${scenario.name}: ${REMINDERS} reminders due over ${seconds(WINDOW_MS)} s`,
    );
    const t0 = Date.now() + Math.ceil(REMINDERS * msPerReminder * 2) + 3000;
    await inBatches(REMINDERS, (i) => create(id, i, t0 + (i * WINDOW_MS) / REMINDERS));
    if (Date.now() > t0)
      console.log(`  scheduling overran the first due time by ${seconds(Date.now() - t0)} s`);
    const exitsBefore = exits.length;
    await delay(Math.max(0, t0 + WINDOW_MS / 2 - Date.now()));
    const faultAt = Date.now();
    const before = ofScenario(sink, id).length;
    const recoveredAt = await scenario.fault();
    console.log(
      `  ${clock()} fault at T0+${seconds(faultAt - t0)} s with ${before} delivered; recovered ${seconds(recoveredAt - faultAt)} s later`,
    );
    await waitForAll(sink, id, recoveredAt);
    await delay(SETTLE_MS);
    const keys = ofScenario(sink, id);
    const counts = new Map<string, number>();
    for (const { key } of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    const last = Math.max(...keys.map(({ at }) => at));
    const ownExits = exits.slice(exitsBefore).filter((exit) => !exit.expected);
    const lost = REMINDERS - counts.size;
    const duplicated = [...counts.values()].filter((n) => n > 1).length;
    const afterRecovery = Math.max(0, last - recoveredAt);
    const pass =
      lost === 0 && duplicated === 0 && afterRecovery <= TARGET_S * 1000 && !ownExits.length;
    results.push({
      scenario: `${id}) ${scenario.name}`,
      delivered: String(counts.size),
      lost: String(lost),
      duplicated: String(duplicated),
      'last after recovery s': seconds(afterRecovery),
      'exited on their own':
        ownExits.map((e) => `${e.name} (${e.code ?? e.signal})`).join(', ') || 'none',
      target: pass ? 'met' : 'MISSED',
    });
    console.log(`  ${JSON.stringify(results.at(-1))}`);
  }
  const missed = await countMissed();
  console.log(
    `\n${REMINDERS} reminders per scenario, ${USERS} users, due over ${seconds(WINDOW_MS)} s`,
  );
  printTable(results);
  console.log(`missed occurrences (reminder_audit 'missed'): ${missed}`);
  if (results.some((r) => r.target !== 'met')) process.exitCode = 1;
}

const ofScenario = (sink: Sink, id: string) =>
  sink.deliveries.filter(({ key }) => key.startsWith(`outage ${id} `));

async function waitForAll(sink: Sink, id: string, recoveredAt: number): Promise<void> {
  let reported = Date.now();
  while (Date.now() - recoveredAt < TIMEOUT_MS) {
    const distinct = new Set(ofScenario(sink, id).map(({ key }) => key)).size;
    if (distinct >= REMINDERS) return;
    if (Date.now() - reported >= 5000) {
      reported = Date.now();
      console.log(`  recovery+${seconds(Date.now() - recoveredAt)} s: ${distinct} delivered`);
    }
    await delay(200);
  }
  console.log(`  timed out ${seconds(TIMEOUT_MS)} s after recovery`);
}

async function outage(proxy: TcpProxy, kind: 'reset' | 'partition', ms: number): Promise<number> {
  if (kind === 'reset') proxy.reset();
  else proxy.partition();
  await delay(ms);
  proxy.heal();
  return Date.now();
}

/** pg_terminate_backend on every session of the app's database, every 100 ms. */
async function terminateSessions(ms: number): Promise<number> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [dbName],
      );
      await delay(100);
    }
  } finally {
    await admin.end();
  }
  return Date.now();
}

async function countMissed(): Promise<string> {
  const client = new pg.Client({ connectionString: dbUrl.toString() });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM reminder_audit WHERE action = 'missed'`,
    );
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

async function inBatches(count: number, make: (index: number) => Promise<unknown>): Promise<void> {
  const BATCH = 25;
  for (let start = 0; start < count; start += BATCH) {
    const size = Math.min(BATCH, count - start);
    await Promise.all(Array.from({ length: size }, (_, k) => make(start + k)));
  }
}

function printTable(rows: Record<string, string>[]): void {
  const columns = Object.keys(rows[0] ?? {});
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((row) => row[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  console.log(line(columns));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(columns.map((c) => row[c]!)));
}

let cleaning: Promise<void> | null = null;
const cleanAll = () =>
  (cleaning ??= cleanups
    .reverse()
    .reduce(
      (done, step) =>
        done.then(step).then(
          () => undefined,
          (error: unknown) => console.error('cleanup failed:', error),
        ),
      Promise.resolve(),
    )
    // The children's logs are kept when a target was missed.
    .then(() =>
      process.exitCode
        ? console.log(`logs kept in ${logDir}`)
        : rmSync(logDir, { recursive: true, force: true }),
    ));
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void cleanAll().finally(() => process.exit(130)));
try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanAll();
}
