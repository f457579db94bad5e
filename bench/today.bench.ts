/**
 * `today` benchmark: latency of the one-call view of a user's day for a busy user — 30
 * habits (every schedule kind, 60 days of check-ins each), 20 steps planned today and 50
 * events today (10 of them recurring) — through the real server over HTTP.
 *
 *   npm run bench:today
 *   BENCH_REQUESTS=1000 npm run bench:today
 *
 * Settings (read here only; the bench is not app code):
 *   DATABASE_URL    admin connection; a fresh database maxon_bench_today_<timestamp> is made
 *                   next to it and dropped at the end (default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_REQUESTS  measured requests, one at a time after 30 warm-up ones (default 300)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { startApi, type App } from '../src/roles/start-api.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { addDays, habitDayOf } from '../src/services/habits/local-date.js';

const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const REQUESTS = Number(process.env.BENCH_REQUESTS || 300);
const WARMUP = 30;
const HABITS = 30;
const STEPS = 20;
const EVENTS = 50;
const RECURRING_EVENTS = 10;
const HISTORY_DAYS = 60;
const TIMEZONE = 'Europe/Moscow';
const SERVICE_KEY = randomBytes(24).toString('hex');
const SCHEDULES = [
  { kind: 'DAILY' },
  { kind: 'WEEKDAYS', weekdays: [1, 3, 5] },
  { kind: 'TIMES_PER_WEEK', count: 3 },
  { kind: 'TIMES_PER_MONTH', count: 10 },
  { kind: 'EVERY_N_DAYS', count: 2 },
];
const TODAY_QUERY = `{ today { date habits { habit { id title currentStreak strength } checkIn }
  steps { id title plannedStart } events { event { id title } start end startLocal } } }`;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

async function graphql<T>(app: App, query: string, variables: object, headers: object): Promise<T> {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(JSON.stringify(body));
  return body.data;
}

/** One user with the habits, steps and events of a busy day. */
async function seed(app: App): Promise<Record<string, string>> {
  const bot = { authorization: `Bearer ${SERVICE_KEY}` };
  const platformUserId = randomUUID().replace(/-/g, '').slice(0, 16);
  const register = `mutation ($input: RegisterChannelAccountInput!) { registerChannelAccount(input: $input) { id } }`;
  const input = { platform: 'TELEGRAM', platformUserId, chatId: platformUserId };
  const user = await graphql<{ registerChannelAccount: { id: string } }>(
    app,
    register,
    { input },
    bot,
  );
  const userId = user.registerChannelAccount.id;
  const asUser = {
    ...bot,
    'x-maxon-platform': 'telegram',
    'x-maxon-platform-user-id': platformUserId,
  };
  const today = habitDayOf(new Date(), TIMEZONE, '00:00');
  const create = `mutation ($input: CreateHabitInput!) { createHabit(input: $input) { id } }`;
  for (let i = 0; i < HABITS; i += 1) {
    const schedule = SCHEDULES[i % SCHEDULES.length];
    const { createHabit } = await graphql<{ createHabit: { id: string } }>(
      app,
      create,
      { input: { title: `Habit ${i + 1}`, schedule, target: 365 } },
      asUser,
    );
    await app.db.query(`UPDATE habits SET started_on = $1 WHERE id = $2`, [
      addDays(today, -HISTORY_DAYS),
      createHabit.id,
    ]);
    await app.db.query(
      `INSERT INTO habit_check_ins (user_id, habit_id, local_date, status, source)
       SELECT $1, $2, d::date, CASE WHEN random() < 0.8 THEN 'done' ELSE 'missed' END, 'api'
         FROM generate_series($3::date, $4::date, interval '1 day') AS d`,
      [userId, createHabit.id, addDays(today, -HISTORY_DAYS), addDays(today, -1)],
    );
  }
  const [goal] = await app.db.query(
    `INSERT INTO goals (user_id, title) VALUES ($1, 'Busy goal') RETURNING id`,
    [userId],
  );
  for (let i = 0; i < STEPS; i += 1) {
    const start = `${today}T${String(7 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}:00+03:00`;
    await app.db.query(
      `INSERT INTO steps (goal_id, title, position, planned_start) VALUES ($1, $2, $3, $4)`,
      [goal.id, `Step ${i + 1}`, i, start],
    );
  }
  for (let i = 0; i < EVENTS; i += 1) {
    const recurring = i < RECURRING_EVENTS;
    const day = recurring ? addDays(today, -30) : today;
    const start = `${day}T${String(6 + (i % 16)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}:00+03:00`;
    await app.db.query(
      `INSERT INTO events (user_id, title, starts_at, timezone, duration_minutes, recurrence)
       VALUES ($1, $2, $3, $4, 30, $5)`,
      [userId, `Event ${i + 1}`, start, TIMEZONE, recurring ? 'FREQ=DAILY' : null],
    );
  }
  return asUser;
}

async function main(): Promise<void> {
  const dbName = `maxon_bench_today_${Date.now()}`;
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${dbName}`;
  await admin(`CREATE DATABASE "${dbName}"`);
  let app: App | undefined;
  try {
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
      SERVICE_API_KEY: SERVICE_KEY,
      PLAYGROUND_ENABLED: 'false',
      WORKER_ENABLED: 'false',
    });
    app = await startApi(config, createLogger(config.LOG_LEVEL));
    const asUser = await seed(app);
    type View = { today: { habits: unknown[]; steps: unknown[]; events: unknown[] } };
    const first = await graphql<View>(app, TODAY_QUERY, {}, asUser);
    const { habits, steps, events } = first.today;
    console.log(
      `today: ${habits.length} habits due, ${steps.length} steps, ${events.length} events`,
    );
    if (steps.length !== STEPS || events.length !== EVENTS) throw new Error('unexpected seed');
    const latencies: number[] = [];
    for (let i = 0; i < WARMUP + REQUESTS; i += 1) {
      const started = performance.now();
      await graphql(app, TODAY_QUERY, {}, asUser);
      if (i >= WARMUP) latencies.push(performance.now() - started);
    }
    latencies.sort((a, b) => a - b);
    const at = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)]!;
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    console.log(
      `today, ${REQUESTS} sequential requests: p50 ${ms(at(0.5))}, p95 ${ms(at(0.95))}, max ${ms(at(1))}`,
    );
  } finally {
    await app?.stop();
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  }
}

await main();
