import { randomBytes } from 'node:crypto';
/**
 * Reminders benchmark: how fast one-time reminders are scheduled, then how late, how fast and
 * how reliably the worker (Agenda) fires them when many come due together. Run from the repo root:
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/reminders.bench.js
 *   REMINDERS=1000 BENCH_MONGO=1 node dist/bench/reminders.bench.js
 * Settings: DATABASE_URL (admin connection; a fresh database maxon_bench_<pid> is made next to
 * it and dropped at the end), BENCH_USERS (100), REMINDERS (10000; due evenly over WINDOW_S, 20),
 * BENCH_PROCESS_EVERY_MS (the worker's JOBS_PROCESS_EVERY_MS, 250), BENCH_TIMEOUT_S (wait after
 * the last is due, 120), BENCH_MONGO=1 (also run Agenda on MongoDB, the bundled jongodb).
 *
 * The first due moment T0 follows a timed calibration batch (due tomorrow, never fired), so that
 * scheduling ends before anything is due. Lateness = notifications.created_at (the firing
 * transaction's now()) − occurrence_at. The database is ANALYZEd after scheduling, as autovacuum
 * would in production: without statistics Agenda's find-and-lock query sorts every due job.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { startApi, type App } from '../src/roles/start-api.js';
import { loadConfig } from '../src/config.js';
import { Platform, ReminderType, type User } from '../src/entities/index.js';
import { createLogger } from '../src/logger.js';

function intFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name] || fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const USERS = intFromEnv('BENCH_USERS', 100);
const REMINDERS = intFromEnv('REMINDERS', 10_000);
const WINDOW_MS = intFromEnv('WINDOW_S', 20) * 1000;
const PROCESS_EVERY_MS = intFromEnv('BENCH_PROCESS_EVERY_MS', 250);
const TIMEOUT_MS = intFromEnv('BENCH_TIMEOUT_S', 120) * 1000;
const BATCH = 50;
const CALIBRATION = Math.min(500, Math.max(BATCH, Math.ceil(REMINDERS / 10)));
const TEXT = 'bench reminder';
const FIRED = `SELECT count(*) AS n FROM notifications WHERE kind = 'reminder'`;
const SETUP = `${USERS} users, ${REMINDERS} one-time reminders due over ${WINDOW_MS / 1000}s, processEvery ${PROCESS_EVERY_MS} ms`;
const JONGODB = 'node_modules/@jongodb/memory-server-bin-linux-x64-gnu/bin/jongodb';

// Cleanup steps run once each: at the end of their run, or all (in reverse) on failure or Ctrl-C.
const cleanups: (() => Promise<void>)[] = [];
function onCleanup(name: string, step: () => Promise<unknown>): () => Promise<void> {
  let done: Promise<void> | undefined;
  const run = () =>
    (done ??= step().then(
      () => undefined,
      (error: unknown) => console.error(`cleanup "${name}" failed:`, error),
    ));
  cleanups.push(run);
  return run;
}
const runAll = (steps: (() => Promise<void>)[]) =>
  steps.reverse().reduce((done, step) => done.then(step), Promise.resolve());
const cleanAll = () => runAll(cleanups.splice(0));
function onSignal(signal: NodeJS.Signals): void {
  console.error(`\n${signal}: cleaning up…`);
  void cleanAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
}
/** Apollo re-raises SIGINT/SIGTERM after stopping, which would skip dropping the database. */
const keepOnlyOurSignalHandlers = () =>
  (['SIGINT', 'SIGTERM'] as const).forEach((signal) =>
    process.listeners(signal).forEach((l) => l !== onSignal && process.off(signal, l)),
  );

type Figures = Record<string, string>;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const fmt = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}
async function inBatches(count: number, make: (index: number) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < count; start += BATCH) {
    const size = Math.min(BATCH, count - start);
    await Promise.all(Array.from({ length: size }, (_, k) => make(start + k)));
  }
}

async function run(backend: string, mongodbUrl?: string): Promise<Figures> {
  console.log(`\n[${backend}] ${SETUP}`);
  const dbName = `maxon_bench_${process.pid}${mongodbUrl ? '_mongo' : ''}`;
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${dbName}`;
  await admin(`CREATE DATABASE "${dbName}"`);
  const firstCleanup = cleanups.length;
  onCleanup(`drop ${dbName}`, () => admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
  try {
    const config = loadConfig({
      NODE_ENV: 'production',
      // Production refuses to start without a key for secrets at rest; a throwaway one.
      SECRETS_KEY: `k1:${randomBytes(32).toString('base64')}`,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      DATABASE_URL: dbUrl.toString(),
      PLAYGROUND_ENABLED: 'false',
      WORKER_ENABLED: 'true',
      JOBS_PROCESS_EVERY_MS: String(PROCESS_EVERY_MS),
      JOBS_TABLE: `bench_jobs_${process.pid}`,
      MONGODB_URL: mongodbUrl,
    });
    const app: App = await startApi(config, createLogger(config.LOG_LEVEL));
    const stopApp = onCleanup('stop app', () => app.stop());
    keepOnlyOurSignalHandlers();
    const probe = new pg.Client({ connectionString: dbUrl.toString() });
    await probe.connect();
    onCleanup('close probe', () => probe.end());
    const one = async (sql: string) => (await probe.query<Record<string, string>>(sql)).rows[0]!;

    // 1. Users and reminders, through the services; T0 after the time scheduling will take.
    const { users: userService, reminders } = app.deps.services;
    const users: User[] = [];
    await inBatches(USERS, async (i) => {
      const id = `bench${process.pid}u${i}`;
      const account = { platform: Platform.TELEGRAM, platformUserId: id, chatId: id };
      users[i] = await userService.registerChannelAccount(account);
    });
    const type = ReminderType.ONE_TIME;
    const create = (i: number, triggerAt: Date, text = TEXT) =>
      reminders.create(users[i % USERS]!, 'bench', { type, text, triggerAt });
    const calibrationStart = performance.now();
    const tomorrow = new Date(Date.now() + 86_400_000);
    await inBatches(CALIBRATION, (i) => create(i, tomorrow, 'bench calibration'));
    const msPerReminder = (performance.now() - calibrationStart) / CALIBRATION;
    const t0 = Date.now() + Math.ceil(REMINDERS * msPerReminder * 1.5) + 2000;
    const scheduleStart = performance.now();
    await inBatches(REMINDERS, (i) => create(i, new Date(t0 + (i * WINDOW_MS) / REMINDERS)));
    const schedulingS = (performance.now() - scheduleStart) / 1000;
    await probe.query('ANALYZE');
    const slack = (t0 - Date.now()) / 1000;
    console.log(
      `scheduled in ${fmt(schedulingS, 1)}s (calibration ${fmt(1000 / msPerReminder)}/s); ` +
        (slack > 0 ? `first due in ${fmt(slack, 1)}s` : `OVERRAN T0 by ${fmt(-slack, 1)}s`),
    );

    // 2. Wait until every reminder has its notification, or the timeout.
    let fired = 0;
    let lastReport = t0;
    while (Date.now() < t0 + WINDOW_MS + TIMEOUT_MS) {
      fired = Number((await one(FIRED)).n);
      if (fired >= REMINDERS) break;
      if (Date.now() - lastReport >= 5000) {
        lastReport = Date.now();
        const due = Math.min(REMINDERS, Math.floor(((Date.now() - t0) / WINDOW_MS) * REMINDERS));
        console.log(`  T0+${fmt((Date.now() - t0) / 1000)}s: ${fired} notifications, ${due} due`);
      }
      await delay(250);
    }
    if (fired < REMINDERS) console.log(`timed out with ${fired}/${REMINDERS} notifications`);
    await stopApp();

    // 3. Figures, from the database.
    const late = await one(`
      SELECT count(*) AS n, count(*) FILTER (WHERE status = 'expired') AS expired,
             coalesce(percentile_disc(0.5) WITHIN GROUP (ORDER BY ms), 'NaN') AS p50,
             coalesce(percentile_disc(0.99) WITHIN GROUP (ORDER BY ms), 'NaN') AS p99,
             coalesce(max(ms), 'NaN') AS max,
             coalesce(extract(epoch FROM max(created_at) - min(created_at)), 'NaN') AS span_s,
             (SELECT count(*) FROM reminder_audit WHERE action = 'missed') AS missed
        FROM (SELECT *, extract(epoch FROM created_at - occurrence_at) * 1000 AS ms
                FROM notifications WHERE kind = 'reminder') AS n`);
    const check = await one(`
      SELECT count(*) FILTER (WHERE n.c IS NULL) AS lost,
             count(*) FILTER (WHERE n.c > 1) AS dup_notifications,
             count(*) FILTER (WHERE a.c > 1) AS dup_fired
        FROM reminders r
        LEFT JOIN (SELECT payload->'refs'->>'reminderId' AS id, count(*) AS c FROM notifications
                    WHERE kind = 'reminder' GROUP BY 1) n ON n.id = r.id::text
        LEFT JOIN (SELECT reminder_id, count(*) AS c FROM reminder_audit
                    WHERE action = 'fired' GROUP BY 1) a ON a.reminder_id = r.id
       WHERE r.text = '${TEXT}'`);
    const spanS = Number(late.span_s); // NaN (printed as –) when nothing fired
    return {
      'scheduled/s': fmt(REMINDERS / schedulingS),
      'due/s (offered)': fmt(REMINDERS / (WINDOW_MS / 1000)),
      'notifications/s': fmt(spanS > 0 ? Number(late.n) / spanS : Number.NaN),
      'firing span s': fmt(spanS, 1),
      'lateness p50 ms': fmt(Number(late.p50)),
      'lateness p99 ms': fmt(Number(late.p99)),
      'lateness max ms': fmt(Number(late.max)),
      notifications: late.n!,
      lost: check.lost!,
      'duplicate notifications': check.dup_notifications!,
      "duplicate 'fired' audits": check.dup_fired!,
      'missed / expired': `${late.missed} / ${late.expired}`,
    };
  } finally {
    await runAll(cleanups.splice(firstCleanup));
  }
}

/** Starts the bundled in-memory MongoDB-compatible server; resolves with its URI. */
async function startJongodb(): Promise<string> {
  const child = spawn(JONGODB, ['--host=127.0.0.1', '--port=0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  onCleanup('stop jongodb', async () => child.exitCode === null && child.kill('SIGTERM'));
  const timer = setTimeout(() => child.kill('SIGTERM'), 15_000); // no URI in time: give up
  return new Promise((resolve, reject) => {
    let output = '';
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`jongodb exited (${code ?? signal}) before printing its URI: ${output}`));
    });
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const uri = /JONGODB_URI=(\S+)/.exec(output)?.[1];
      if (uri) {
        clearTimeout(timer);
        resolve(uri);
      }
    });
  });
}

function printTable(results: [string, Figures][]): void {
  const rows = [
    ['', ...results.map(([name]) => name)],
    ...Object.keys(results[0]![1]).map((key) => [key, ...results.map(([, f]) => f[key] ?? '')]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const pad = (cell: string, c: number) =>
    c ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!);
  const rule = widths.map((w) => '-'.repeat(w));
  for (const row of [rows[0]!, rule, ...rows.slice(1)]) console.log(row.map(pad).join('  '));
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, onSignal);
try {
  const results: [string, Figures][] = [['postgresql', await run('postgresql')]];
  if (process.env.BENCH_MONGO === '1') {
    try {
      results.push(['mongodb (jongodb)', await run('mongodb', await startJongodb())]);
    } catch (error) {
      console.error(`MongoDB run failed, skipped: ${(error as Error).message}`);
    }
  }
  console.log(`\n${SETUP}\n`);
  printTable(results);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanAll();
}
