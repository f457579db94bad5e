/**
 * Web client benchmark: what the first visit to /app costs and how fast a reminder shows up
 * in an open page, in Debian's Chromium (headless, driven by playwright-core) against the
 * real server with its worker.
 *
 *   npm run bench:web
 *
 * Prints: the JS and CSS of the page gzipped (the bundle budget is 150 kB), bytes transferred
 * on a first (cold) load, time from navigation to the signed-in page and to an enabled chat box
 * (enabled once its graphql-ws subscription is live), and the time from a
 * reminder's notification being written to it showing in the page.
 *
 * Settings (read here only; the bench is not app code):
 *   DATABASE_URL  admin connection; a fresh database maxon_bench_web_<timestamp> is made next
 *                 to it and dropped at the end (default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_RUNS    cold loads and reminders measured (default 5)
 *   SCREENSHOTS   a folder: the first run also chats once and saves web-chat.png and
 *                 web-calendar.png there (how the README's screenshot is made)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig } from '../src/config.js';
import { User } from '../src/entities/index.js';
import { webAppDir } from '../src/http/web-app-assets.js';
import { createLogger } from '../src/logger.js';
import { startApi, type App } from '../src/roles/start-api.js';
import { botGraphql } from './bot-graphql.js';

const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const RUNS = Number(process.env.BENCH_RUNS || 5);
const SERVICE_KEY = randomBytes(24).toString('hex');
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = process.env.SCREENSHOTS;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

/** The built page's scripts and styles, each gzipped as a server would send them. */
function bundleSizes(): { files: number; raw: number; gzip: number } {
  const dir = webAppDir();
  if (!dir) throw new Error('The web client is not built: npm run build');
  const assets = readdirSync(join(dir, 'assets')).filter((name) => /\.(js|css)$/.test(name));
  let raw = 0;
  let gzip = 0;
  for (const name of assets) {
    const bytes = readFileSync(join(dir, 'assets', name));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: assets.length, raw, gzip };
}

interface BenchUser {
  entity: User;
  /** A GraphQL call as this user, the way a bot makes it. */
  call: <T>(query: string, variables: object) => Promise<T>;
}

async function newUser(app: App): Promise<BenchUser> {
  const platformUserId = randomUUID().replace(/-/g, '').slice(0, 16);
  const call = <T>(query: string, variables: object) =>
    botGraphql<T>(`${app.url}/graphql`, SERVICE_KEY, platformUserId, query, variables);
  const register = `mutation ($input: RegisterChannelAccountInput!) {
    registerChannelAccount(input: $input) { id } }`;
  const input = { platform: 'TELEGRAM', platformUserId, chatId: platformUserId };
  const data = await call<{ registerChannelAccount: { id: string } }>(register, { input });
  const id = data.registerChannelAccount.id;
  return { entity: await app.db.getRepository(User).findOneByOrFail({ id }), call };
}

/**
 * A cold first load in a fresh context: bytes over the wire, ms to the signed-in page shown,
 * and ms to an enabled chat box (its `webChat` subscription live over graphql-ws).
 */
async function coldLoad(browser: Browser, app: App, user: BenchUser) {
  const { token } = await app.deps.services.webAuth.createLink(user.entity);
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests: Promise<number>[] = [];
  page.on('requestfinished', (request) =>
    requests.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize)),
  );
  const started = performance.now();
  await page.goto(`${app.url}/app#signin=${token}`);
  await page.locator('button[data-tab="chat"]').waitFor();
  const shownMs = performance.now() - started;
  await page.locator('input[name="text"]:enabled').waitFor();
  const interactiveMs = performance.now() - started;
  const bytes = (await Promise.all(requests)).reduce((sum, size) => sum + size, 0);
  return { page, shownMs, interactiveMs, bytes, close: () => context.close() };
}

/** From the notification row being written to the reminder showing in the page. */
async function reminderLatency(app: App, page: Page, user: BenchUser, run: number) {
  const text = `Bench reminder ${run} ${randomUUID().slice(0, 8)}`;
  const create = `mutation ($input: CreateReminderInput!) { createReminder(input: $input) { id } }`;
  const triggerAt = new Date(Date.now() + 1_500).toISOString();
  await user.call(create, { input: { type: 'ONE_TIME', text, triggerAt } });
  await page.locator('.message', { hasText: text }).waitFor({ timeout: 30_000 });
  const shownAt = Date.now();
  const [row] = (await app.db.query(
    `SELECT created_at FROM notifications WHERE user_id = $1 AND text LIKE $2`,
    [user.entity.id, `%${text}%`],
  )) as { created_at: Date }[];
  if (!row) throw new Error('the reminder showed without a notification row');
  return shownAt - row.created_at.getTime();
}

/** The README's pictures: one message to the coach, then the week it landed in. */
async function screenshots(page: Page, dir: string): Promise<void> {
  await page.setViewportSize({ width: 1100, height: 720 });
  await page.locator('input[name="text"]').fill('встреча с Олей завтра в 15:00');
  await page.locator('form.composer button[type="submit"]').click();
  await page
    .locator('.message:not(.mine)', { hasText: 'Встреча с Олей' })
    .waitFor({ timeout: 15_000 });
  await page.screenshot({ path: join(dir, 'web-chat.png') });
  await page.locator('button[data-tab="calendar"]').click();
  await page.locator('[data-testid="calendar"][aria-busy="false"]').waitFor();
  await page.screenshot({ path: join(dir, 'web-calendar.png') });
  await page.locator('button[data-tab="chat"]').click();
}

const at = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
};
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function main(): Promise<void> {
  const bundle = bundleSizes();
  console.log(
    `bundle: ${bundle.files} JS/CSS files, ${kB(bundle.raw)} raw, ${kB(bundle.gzip)} gzip (budget 150 kB)`,
  );
  const dbName = `maxon_bench_web_${Date.now()}`;
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${dbName}`;
  await admin(`CREATE DATABASE "${dbName}"`);
  let app: App | undefined;
  let browser: Browser | undefined;
  try {
    const config = loadConfig({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_URL: dbUrl.toString(),
      SERVICE_API_KEY: SERVICE_KEY,
    });
    app = await startApi(config, createLogger(config.LOG_LEVEL));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const loads: number[] = [];
    const shown: number[] = [];
    const bytes: number[] = [];
    const latencies: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const user = await newUser(app);
      const load = await coldLoad(browser, app, user);
      loads.push(load.interactiveMs);
      shown.push(load.shownMs);
      if (run === 0 && SCREENSHOTS) await screenshots(load.page, SCREENSHOTS);
      bytes.push(load.bytes);
      latencies.push(await reminderLatency(app, load.page, user, run));
      await load.close();
    }
    console.log(
      `first load of /app, ${RUNS} cold loads: ${kB(at(bytes, 0.5))} transferred; ` +
        `page shown after p50 ${ms(at(shown, 0.5))}; ` +
        `chat usable (live) after p50 ${ms(at(loads, 0.5))}, max ${ms(at(loads, 1))}`,
    );
    console.log(
      `reminder fired → shown in the page, ${RUNS} reminders: ` +
        `p50 ${ms(at(latencies, 0.5))}, max ${ms(at(latencies, 1))}`,
    );
  } finally {
    await browser?.close();
    await app?.stop();
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  }
}

await main();
