/**
 * The Telegram bot end to end: the real API (own fresh database), worker, bot (telegraf +
 * shared core + SendQueue) against the fake Bot API enforcing Telegram's flood limits.
 *  1. Chat turn latency on the offline path: update in → reply sent to the fake server, one
 *     turn at a time (/start with registration, free text to the assistant, /goals, a button).
 *  2. Delivery: 2,000 notifications in the outbox for 2,000 chats → sent and acknowledged;
 *     rate against Telegram's 30 msg/s, and 429s seen.
 *
 *   npm run bench:telegram-bot        (DATABASE_URL: a server where it may create a database)
 *   BENCH_USERS=100 BENCH_NOTIFICATIONS=500 node dist/bench/telegram-bot.bench.js
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { startApi } from '../src/roles/start-api.js';
import { queryEntities } from '../src/db/entity-rows.js';
import { Notification } from '../src/entities/index.js';
import { startTelegramBot } from '../src/clients/telegram/start.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import {
  startFakeTelegramServer,
  type BotMessage,
  type FakeUser,
} from '../tests/support/fake-telegram-server.js';

const USERS = Number(process.env.BENCH_USERS) || 200;
const NOTIFICATIONS = Number(process.env.BENCH_NOTIFICATIONS) || 2000;
const SERVICE_KEY = 'bench-service-key-0123456789abcdef0123456789';
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const database = `maxon_bench_bot_${Date.now()}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${database}"`);
const url = new URL(adminUrl);
url.pathname = `/${database}`;

const fake = await startFakeTelegramServer();
const config = loadConfig({
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  PORT: '0',
  // One user driven faster than a person could: no per-user budgets in a benchmark.
  RATE_LIMIT_MUTATIONS_PER_MINUTE: '1000000',
  RATE_LIMIT_ASSISTANT_PER_MINUTE: '1000000',
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error',
  DATABASE_URL: url.toString(),
  SERVICE_API_KEY: SERVICE_KEY,
  WORKER_ENABLED: 'true',
  NOTIFICATION_SWEEP_SECONDS: '1',
  TELEGRAM_BOT_TOKEN: fake.token,
  TELEGRAM_API_ROOT: fake.apiRoot,
});
const logger = createLogger(config.LOG_LEVEL);
const app = await startApi(config, logger);
const bot = await startTelegramBot(config, logger, { apiUrl: `${app.url}/graphql` });

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

/**
 * One turn: do `act`, wait until the chat shows `done`; the latency ends when the fake server
 * received the bot's reply (its own clock), not when this loop noticed it.
 */
async function turn(
  user: FakeUser,
  act: () => void,
  done: () => BotMessage | undefined,
): Promise<number> {
  const started = Date.now();
  act();
  await fake.waitFor(done, 10_000);
  const reply = fake.calls.findLast(
    (call) =>
      (call.method === 'sendMessage' || call.method === 'editMessageText') &&
      String(call.payload.chat_id) === String(user.id) &&
      call.status === 200,
  );
  return (reply?.at ?? Date.now()) - started;
}

const users: FakeUser[] = Array.from({ length: USERS }, (_, n) => ({
  id: 900_000 + n,
  first_name: `Bench${n}`,
  language_code: n % 2 ? 'en' : 'ru',
}));
const latencies: Record<string, number[]> = { start: [], text: [], goals: [], button: [] };
const countIn = (user: FakeUser) => fake.messages(user.id).length;

for (const user of users) {
  latencies.start!.push(
    await turn(
      user,
      () => fake.sendText(user, '/start'),
      () => fake.messages(user.id)[0],
    ),
  );
}
for (const user of users) {
  const before = countIn(user);
  const text =
    user.language_code === 'en'
      ? 'meeting with Olga tomorrow at 3pm'
      : 'встреча с Олей завтра в 15:00';
  latencies.text!.push(
    await turn(
      user,
      () => fake.sendText(user, text),
      () => fake.messages(user.id)[before],
    ),
  );
}
for (const user of users) {
  const before = countIn(user);
  latencies.goals!.push(
    await turn(
      user,
      () => fake.sendText(user, '/goals'),
      () => fake.messages(user.id)[before],
    ),
  );
}
for (const user of users) {
  const list = fake.messages(user.id).at(-1)!;
  const menu = (list.reply_markup?.inline_keyboard as { callback_data: string }[][]).flat().at(-1)!;
  latencies.button!.push(
    await turn(
      user,
      () => fake.pressButton(user, list.message_id, menu.callback_data),
      () => fake.messages(user.id).find((m) => m.message_id === list.message_id && m.edits > 0),
    ),
  );
}
const all = Object.values(latencies).flat();
console.log(`Chat turns (offline engine), ${all.length} turns by ${USERS} users, one at a time:`);
for (const [kind, values] of Object.entries(latencies)) {
  console.log(
    `  ${kind.padEnd(7)} p50 ${ms(percentile(values, 50))}  p95 ${ms(percentile(values, 95))}`,
  );
}
console.log(`  all     p50 ${ms(percentile(all, 50))}  p95 ${ms(percentile(all, 95))}`);

// Delivery: 2,000 chats, each with one notification in the outbox (as a fired job writes it).
const headers = { 'content-type': 'application/json', authorization: `Bearer ${SERVICE_KEY}` };
const recipients: string[] = [];
for (let n = 0; n < NOTIFICATIONS; n += 1) {
  const chatId = String(2_000_000 + n);
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      query:
        'mutation ($input: RegisterChannelAccountInput!) { registerChannelAccount(input: $input) { id } }',
      variables: { input: { platform: 'TELEGRAM', platformUserId: chatId, chatId } },
    }),
  });
  const body = (await response.json()) as { data: { registerChannelAccount: { id: string } } };
  recipients.push(body.data.registerChannelAccount.id);
}
const before429 = fake.tooManyRequests;
const sentBefore = fake.calls.filter((c) => c.method === 'sendMessage' && c.status === 200).length;
const started = performance.now();
// Written as a firing writes them (offered once, attempts 1), then published as it publishes them.
const rows = await queryEntities(
  app.db,
  Notification,
  `INSERT INTO notifications (user_id, channel, target, kind, text, payload, status, attempts,
                              idempotency_key, occurrence_at, available_at)
   SELECT u.id, 'telegram', a.chat_id, 'reminder', 'Bench reminder ' || a.chat_id,
          '{"actions":[{"kind":"done","label":"Готово"}],"refs":{}}'::jsonb, 'pending', 1,
          'bench:' || a.chat_id, now(), now() + interval '10 minutes'
     FROM unnest($1::uuid[]) AS u(id) JOIN channel_accounts a ON a.user_id = u.id
   RETURNING *`,
  [recipients],
);
await app.deps.services.outbox.dispatch(rows);
const delivered = async () =>
  Number(
    (
      await app.db.query(
        `SELECT count(*) AS n FROM notifications WHERE idempotency_key LIKE 'bench:%' AND status = 'delivered'`,
      )
    )[0].n,
  );
while ((await delivered()) < NOTIFICATIONS && performance.now() - started < 600_000) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  if (process.env.BENCH_VERBOSE) console.log(`  … ${await delivered()} acknowledged`);
}
const elapsedS = (performance.now() - started) / 1000;
const sends = fake.calls
  .filter((c) => c.method === 'sendMessage' && c.status === 200)
  .slice(sentBefore);
const spanS = sends.length > 1 ? (sends.at(-1)!.at - sends[0]!.at) / 1000 : NaN;
const rate = (sends.length - 1) / spanS;
console.log(`Delivery of ${NOTIFICATIONS} notifications to ${NOTIFICATIONS} chats:`);
console.log(
  `  acknowledged ${await delivered()}, messages sent ${sends.length}, outbox → all acknowledged ${elapsedS.toFixed(1)} s`,
);
console.log(
  `  send rate ${rate.toFixed(2)} msg/s = ${((rate / 30) * 100).toFixed(1)} % of 30 msg/s; 429s: ${fake.tooManyRequests - before429}`,
);

await bot.stop();
await app.stop();
await fake.close();
await admin.query(`DROP DATABASE "${database}" WITH (FORCE)`);
await admin.end();
