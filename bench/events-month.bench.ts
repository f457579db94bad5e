/**
 * Events benchmark: the `events` query for one month over 1,000 recurring events of one user
 * (daily, weekly, monthly and yearly rules, started between 2019 and 2026), sequential
 * requests, and the longest the event loop was blocked meanwhile.
 *
 *   npm run bench:events
 *   BENCH_RUNS=100 npm run bench:events
 *
 * Settings (read here only; the bench is not app code):
 *   DATABASE_URL  admin connection; a fresh database maxon_bench_events_<timestamp> is created
 *                 next to it and dropped at the end (default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_RUNS    measured requests (default 50), after 5 warm-up ones
 */
import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { ADMIN_URL, adminQuery } from './admin-query.js';
import { botGraphql } from './bot-graphql.js';
import { startApi } from '../src/roles/start-api.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';

const RUNS = Number(process.env.BENCH_RUNS) || 50;
const WARMUP = 5;
const EVENTS = 1000;
const SERVICE_KEY = randomBytes(24).toString('hex');
const RULES = [
  'FREQ=DAILY',
  'FREQ=DAILY;INTERVAL=2',
  'FREQ=DAILY;BYHOUR=9,13,18',
  'FREQ=WEEKLY;BYDAY=MO,WE,FR',
  'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
  'FREQ=MONTHLY;BYMONTHDAY=1,15',
  'FREQ=MONTHLY;BYDAY=-1FR',
  'FREQ=YEARLY',
  'FREQ=DAILY;COUNT=500',
  'FREQ=WEEKLY;UNTIL=20300101T000000Z',
];
const ZONES = ['Europe/Moscow', 'America/New_York', 'Asia/Tokyo', 'UTC'];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

const graphql = (url: string, query: string, variables: object, user: string) =>
  botGraphql(url, SERVICE_KEY, user, query, variables);

async function main(): Promise<void> {
  const dbName = `maxon_bench_events_${Date.now()}`;
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${dbName}`;
  await adminQuery(`CREATE DATABASE "${dbName}"`);
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
    });
    const app = await startApi(config, createLogger(config.LOG_LEVEL));
    try {
      const url = `${app.url}/graphql`;
      const register = `mutation ($input: RegisterChannelAccountInput!) {
        registerChannelAccount(input: $input) { id } }`;
      const input = { platform: 'TELEGRAM', platformUserId: 'bench', chatId: 'bench' };
      const { registerChannelAccount } = await graphql(url, register, { input }, 'bench');
      await app.db.query(
        `INSERT INTO events (user_id, title, starts_at, timezone, recurrence)
         SELECT $1, 'Event ' || n, timestamptz '2019-01-07 08:00Z' + n * interval '61 hours',
                ($2::text[])[1 + n % 4], ($3::text[])[1 + n % 10]
           FROM generate_series(0, $4 - 1) AS n`,
        [registerChannelAccount.id, ZONES, RULES, EVENTS],
      );
      const month = { from: '2026-06-01T00:00:00Z', to: '2026-07-01T00:00:00Z' };
      const query = `query ($from: DateTimeISO!, $to: DateTimeISO!) { events(from: $from, to: $to) { start } }`;
      let occurrences = 0;
      for (let n = 0; n < WARMUP; n++)
        occurrences = (await graphql(url, query, month, 'bench')).events.length;
      const loop = monitorEventLoopDelay({ resolution: 1 });
      loop.enable();
      const times: number[] = [];
      for (let n = 0; n < RUNS; n++) {
        const started = performance.now();
        await graphql(url, query, month, 'bench');
        times.push(performance.now() - started);
      }
      loop.disable();
      times.sort((a, b) => a - b);
      const ms = (value: number) => `${value.toFixed(1)} ms`;
      console.log(`events for a month over ${EVENTS} recurring events: ${occurrences} occurrences`);
      console.log(
        `  ${RUNS} requests: p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, ` +
          `max ${ms(times.at(-1)!)}; event loop blocked at most ${ms(loop.max / 1e6)}`,
      );
    } finally {
      await app.stop();
    }
  } finally {
    await adminQuery(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  }
}

await main();
