/**
 * Habits at scale: the end-of-day job for many users with 5 daily habits each and 14 days of
 * history (yesterday's and the day before's check-ins missing, so each habit gets a `missed`
 * day written and its stats recomputed), run by the real worker (Agenda on PostgreSQL): the
 * worker's reconcile queues one habit-day-end job per user (users read by keyset pages),
 * the bench brings them all forward to now — every user's day ends at once, as at midnight
 * in one timezone — and waits until each has run and queued its next. Then the picture
 * render (habit heatmap, goal chart PNG) p50/p95.
 *
 *   npm run bench:habits
 *   BENCH_USERS=2000 npm run bench:habits
 *
 * Settings (read here only; the bench is not app code):
 *   DATABASE_URL      admin connection; a fresh database maxon_bench_habits_<timestamp> is made
 *                     next to it and dropped at the end (default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_USERS       users (default 10000), 5 habits each
 *   BENCH_RENDERS     pictures rendered per kind (default 100)
 *   BENCH_TIMEOUT_S   how long the day ends may take (default 1800)
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import type { SqlLogger } from '../src/db/sql-logger.js';
import { User } from '../src/entities/index.js';
import { createLogger } from '../src/logger.js';
import { startApi, type App } from '../src/roles/start-api.js';
import { addDays, habitDayOf } from '../src/services/habits/local-date.js';

const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const USERS = Number(process.env.BENCH_USERS || 10_000);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S || 1800) * 1000;
const RENDERS = Number(process.env.BENCH_RENDERS || 100);
const HABITS = 5;
const HISTORY_DAYS = 14;
const TIMEZONE = 'Europe/Moscow';

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Users, habits and check-ins in a few set-based statements. */
async function seed(url: string, today: string): Promise<void> {
  // Its own connection: bulk statements that may outlast the app's statement timeout.
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    // Notifications off: reconcile then queues only the day ends (not 4 daily jobs per user).
    await db.query(
      `INSERT INTO users (timezone, notifications_enabled)
     SELECT $1, false FROM generate_series(1, $2::int)`,
      [TIMEZONE, USERS],
    );
    await db.query(
      `INSERT INTO habits (user_id, title, started_on)
     SELECT u.id, 'Habit ' || h, $1::date FROM users u, generate_series(1, $2::int) AS h`,
      [addDays(today, -HISTORY_DAYS), HABITS],
    );
    // Done every day but the last two: the day-end run finds the day before yesterday missing.
    for (let day = -HISTORY_DAYS; day <= -3; day += 1) {
      await db.query(
        `INSERT INTO habit_check_ins (user_id, habit_id, local_date, status, source)
       SELECT h.user_id, h.id, $1::date, 'done', 'api' FROM habits h`,
        [addDays(today, day)],
      );
    }
    await db.query(`ANALYZE`);
  } finally {
    await db.end();
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

async function count(app: App, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = (await app.db.query(sql, params)) as { n: number }[];
  return row!.n;
}

/**
 * Every user's day end, run by the worker: queued by reconcile, brought forward to now,
 * done when every user has a missed day per habit and a next day end queued. Returns the
 * seconds it took and the highest RSS seen meanwhile.
 */
async function dayEnd(app: App, table: string): Promise<{ seconds: number; peakRss: number }> {
  const reconciling = performance.now();
  await app.deps.services.reminderScheduler.reconcile();
  const queued = await count(
    app,
    `SELECT count(*)::int AS n FROM "${table}" WHERE name = 'habit-day-end'`,
  );
  console.log(
    `reconcile (keyset pages of users): ${queued} day ends queued in ${((performance.now() - reconciling) / 1000).toFixed(1)} s`,
  );
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const now = new Date();
  const started = performance.now();
  // A new key too: the next day end each queues has the key of the one brought forward.
  await app.db.query(
    `UPDATE "${table}"
        SET next_run_at = $1,
            data = data || jsonb_build_object('dueAt', $2::text, 'key', (data->>'key') || ':now')
      WHERE name = 'habit-day-end'`,
    [now, now.toISOString()],
  );
  try {
    for (;;) {
      const [missed, next] = await Promise.all([
        count(app, `SELECT count(*)::int AS n FROM habit_check_ins WHERE status = 'missed'`),
        count(
          app,
          `SELECT count(*)::int AS n FROM "${table}" WHERE name = 'habit-day-end' AND next_run_at > $1`,
          [new Date(now.getTime() + 60_000)],
        ),
      ]);
      if (missed >= USERS * HABITS && next >= USERS) break;
      if (performance.now() - started > TIMEOUT_MS) {
        throw new Error(`timed out: ${missed} missed days, ${next} next day ends`);
      }
      await delay(500);
    }
  } finally {
    clearInterval(sampler);
  }
  return { seconds: (performance.now() - started) / 1000, peakRss };
}

/**
 * Committed transactions of the bench's database so far (each statement outside a transaction
 * is one): everything the worker did, Agenda's bookkeeping included, not only TypeORM's.
 */
async function transactions(app: App): Promise<number> {
  return count(
    app,
    `SELECT xact_commit::int AS n FROM pg_stat_database WHERE datname = current_database()`,
  );
}

async function renders(label: string, render: () => Promise<Buffer>): Promise<void> {
  for (let i = 0; i < 5; i += 1) await render(); // warm-up: fonts, ECharts
  const latencies: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RENDERS; i += 1) {
    const started = performance.now();
    bytes = (await render()).length;
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  console.log(
    `${label}, ${RENDERS} renders: p50 ${ms(percentile(latencies, 0.5))}, p95 ${ms(percentile(latencies, 0.95))} (${bytes} bytes)`,
  );
}

async function main(): Promise<void> {
  const dbName = `maxon_bench_habits_${Date.now()}`;
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${dbName}`;
  await admin(`CREATE DATABASE "${dbName}"`);
  let app: App | undefined;
  try {
    const config = loadConfig({
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: dbUrl.toString(),
      SERVICE_API_KEY: randomBytes(24).toString('hex'),
      SECRETS_KEY: `k1:${randomBytes(32).toString('base64')}`,
      PLAYGROUND_ENABLED: 'false',
      WORKER_ENABLED: 'true',
    });
    app = await startApi(config, createLogger(config.LOG_LEVEL));
    const today = habitDayOf(new Date(), TIMEZONE, '00:00');
    const seeding = performance.now();
    await seed(dbUrl.toString(), today);
    console.log(
      `seeded ${USERS} users × ${HABITS} habits in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
    );
    const sql = app.db.logger as SqlLogger;
    const queriesBefore = sql.queryCount;
    const xactsBefore = await transactions(app);
    const rssBefore = process.memoryUsage().rss;
    const { seconds, peakRss } = await dayEnd(app, config.JOBS_TABLE);
    const queries = sql.queryCount - queriesBefore;
    await delay(1500); // the statistics collector reports committed transactions within a second
    const xacts = (await transactions(app)) - xactsBefore;
    const missed = await count(
      app,
      `SELECT count(*)::int AS n FROM habit_check_ins WHERE status = 'missed'`,
    );
    console.log(
      `day end by the worker, ${USERS} users × ${HABITS} habits: ${seconds.toFixed(1)} s, ` +
        `${(USERS / seconds).toFixed(0)} users/s; ${queries} SQL statements through TypeORM ` +
        `(${(queries / USERS).toFixed(1)} per user, the worker's own polling included); ` +
        `${xacts} transactions in the database, Agenda's included (${(xacts / USERS).toFixed(1)} per user); ` +
        `${missed} missed days written; RSS ${mb(rssBefore)} before, peak ${mb(peakRss)} during`,
    );
    if (missed !== USERS * HABITS) throw new Error(`expected ${USERS * HABITS} missed days`);

    const user = (await app.db.getRepository(User).findOne({ where: {}, order: { id: 'ASC' } }))!;
    const [habit] = await app.db.query(`SELECT id FROM habits WHERE user_id = $1 LIMIT 1`, [
      user.id,
    ]);
    const [goal] = await app.db.query(
      `INSERT INTO goals (user_id, title) VALUES ($1, 'Выучить испанский') RETURNING id`,
      [user.id],
    );
    await app.db.query(
      `INSERT INTO steps (goal_id, title, position, planned_start, status, completed_at)
       SELECT $1, 'Шаг ' || i, i, now() + (i - 10) * interval '1 day',
              CASE WHEN i < 8 THEN 'done' ELSE 'pending' END,
              CASE WHEN i < 8 THEN now() + (i - 10) * interval '1 day' END
         FROM generate_series(0, 19) AS i`,
      [goal.id],
    );
    const { pictures } = app.deps.services;
    await renders('habit heatmap PNG', () => pictures.habitHeatmap(user, habit.id));
    await renders('goal progress chart PNG', () => pictures.goalProgress(user, goal.id));
  } finally {
    await app?.stop();
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  }
}

await main();
