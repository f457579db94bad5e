import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { User } from '../../src/entities/index.js';
import { signInitData } from '../../src/services/web-auth/init-data.js';
import { CreateReminderDocument } from '../gql/graphql.js';
import { eventually, startWorkerApp } from '../jobs/job-helpers.js';
import { seedUser, type TestUser } from '../support/factories.js';
import { executeOperationOk } from '../support/graphql-client.js';
import type { TestApp } from '../support/test-app.js';
import { launchBrowser, screenshotStats } from './browser.js';
import { openPageSocket } from './page-socket.js';
import { startTcpProxy } from '../support/tcp-proxy.js';

// The web client end to end in Debian's Chromium: the page built by `npm run build:web`,
// served by the real API with its worker, the shared core answering. One page per scenario.

const BOT_TOKEN = '123456:web-app-test-token-abcdefghijklmnop';
const shots = mkdtempSync(join(tmpdir(), 'maxon-web-'));
let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([
    startWorkerApp({ TELEGRAM_BOT_TOKEN: BOT_TOKEN }),
    launchBrowser(),
  ]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function linkFor(user: TestUser): Promise<string> {
  const entity = await app.db.getRepository(User).findOneByOrFail({ id: user.id });
  const { token } = await app.deps.services.webAuth.createLink(entity);
  return `${app.url}/app#signin=${token}`;
}

/** How many times the page has asked the API for the named operation since now. */
function countOperations(page: Page, operationName: string): () => number {
  let count = 0;
  page.on('request', (request) => {
    if (
      request.url().endsWith('/graphql') &&
      request.postData()?.includes(`query ${operationName}`)
    ) {
      count += 1;
    }
  });
  return () => count;
}

/** What a person reads in a screenshot: it is not blank, it has text and colours. */
async function expectNotBlank(page: Page, name: string) {
  const png = await page.screenshot({ path: join(shots, `${name}.png`) });
  const stats = await screenshotStats(page, png);
  expect(stats.colours).toBeGreaterThan(20);
  expect(stats.commonest).toBeLessThan(0.99);
}

describe('web client in a browser', () => {
  it('signs in with a one-time link, plans from the chat, shows it in the calendar, delivers a reminder live and takes Done', async () => {
    const user = await seedUser(app, { timezone: 'Europe/Moscow', language: 'RU' });
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    const url = await linkFor(user);
    await page.goto(url);
    await page.locator('button[data-tab="chat"]').waitFor();
    // The fragment with the token is gone from the address bar, and the link is used up.
    expect(page.url()).toBe(`${app.url}/app`);

    // Busy time synced from another calendar, tomorrow 10:00–11:00 Moscow.
    const [connection] = (await app.db.query(
      `INSERT INTO calendar_connections (user_id, kind, name) VALUES ($1, 'ics', 'Work') RETURNING id`,
      [user.id],
    )) as { id: string }[];
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(
      new Date(Date.now() + 86_400_000),
    );
    await app.db.query(
      `INSERT INTO external_busy_intervals (user_id, connection_id, calendar_id, remote_id, starts_at, ends_at, title)
       VALUES ($1, $2, 'work', 'standup', $3, $4, 'Планёрка')`,
      [user.id, connection!.id, `${tomorrow}T10:00:00+03:00`, `${tomorrow}T11:00:00+03:00`],
    );
    // The calendar is opened (on tomorrow's week) before anything is planned, then left.
    await page.locator('button[data-tab="calendar"]').click();
    await page.locator('[data-testid="calendar"][aria-busy="false"]').waitFor();
    if ((await page.locator(`[data-day="${tomorrow}"]`).count()) === 0) {
      await page.locator('.calendar-bar button', { hasText: '▶' }).click();
      await page.locator(`[data-day="${tomorrow}"]`).waitFor();
    }
    const event = page.locator(`[data-day="${tomorrow}"] [data-testid="calendar-event"]`);
    expect(await event.count()).toBe(0);
    const calendarLoads = countOperations(page, 'WebCalendar');
    await page.locator('button[data-tab="chat"]').click();

    await page.locator('input[name="text"]').fill('встреча с Олей завтра в 15:00');
    await page.locator('form.composer button[type="submit"]').click();
    await page
      .locator('.message:not(.mine)', { hasText: 'Встреча с Олей' })
      .waitFor({ timeout: 15_000 });
    await expectNotBlank(page, 'chat');

    // The grid got it live (userChanged → reload in place) while the chat was on screen.
    await event.waitFor({ state: 'attached', timeout: 10_000 });
    expect(calendarLoads()).toBeGreaterThan(0);
    await page.locator('button[data-tab="calendar"]').click();
    await expect(event.textContent()).resolves.toContain('Встреча с Олей');
    await expect(event.textContent()).resolves.toContain('15:00');
    expect(await event.isVisible()).toBe(true);
    const busy = page.locator(`[data-day="${tomorrow}"] [data-testid="calendar-busy"]`);
    await expect(busy.textContent()).resolves.toMatch(/10:00.11:00Планёрка/);
    await expectNotBlank(page, 'calendar');

    await page.locator('button[data-tab="chat"]').click();
    await executeOperationOk(
      app,
      CreateReminderDocument,
      {
        input: {
          type: 'ONE_TIME',
          text: 'Позвонить маме',
          triggerAt: new Date(Date.now() + 2_000).toISOString(),
        },
      },
      user,
    );
    const reminder = page.locator('.message', { hasText: 'Позвонить маме' });
    await reminder.waitFor({ timeout: 20_000 });
    await reminder.locator('button', { hasText: 'Готово' }).click();
    await reminder.locator('.html', { hasText: '✅ Готово' }).waitFor();
    expect(await reminder.locator('button').count()).toBe(0);
    const rows = await eventually(async () => {
      const found = (await app.db.query(
        `SELECT status FROM notifications WHERE user_id = $1 AND channel = 'web' AND text LIKE $2`,
        [user.id, '%Позвонить маме%'],
      )) as { status: string }[];
      return found[0]?.status === 'delivered' ? found : null;
    });
    expect(rows).toEqual([{ status: 'delivered' }]);

    // The link worked once: opening it again signs nobody in.
    const second = await browser.newContext();
    const again = await second.newPage();
    await again.goto(url);
    await again.locator('.sign-in .error').waitFor();
    await second.close();
    await page.close();
  }, 90_000);

  it('signs in a Telegram Mini App with valid init data and refuses a forged one', async () => {
    const user = await seedUser(app, { language: 'EN' });
    const fields = {
      auth_date: String(Math.floor(Date.now() / 1000)),
      query_id: 'AAH-test',
      user: JSON.stringify({ id: user.platformUserId, first_name: 'Olga', language_code: 'en' }),
    };
    const theme = JSON.stringify({ bg_color: '#102030', text_color: '#f0f0f0' });
    const context = await browser.newContext();
    const page = await context.newPage();
    const initData = signInitData(fields, BOT_TOKEN);
    await page.goto(
      `${app.url}/app#tgWebAppData=${encodeURIComponent(initData)}&tgWebAppThemeParams=${encodeURIComponent(theme)}`,
    );
    await page.locator('button[data-tab="calendar"]', { hasText: 'Calendar' }).waitFor();
    const background = await page.evaluate<string>(
      "getComputedStyle(document.documentElement).getPropertyValue('--bg')",
    );
    expect(background.trim()).toBe('#102030');
    await context.close();

    // Someone else's id under the same signature: refused, no session.
    const forged = new URLSearchParams(initData);
    forged.set('user', JSON.stringify({ id: 'someone-else', first_name: 'Mallory' }));
    const intruder = await browser.newContext();
    const page2 = await intruder.newPage();
    await page2.goto(`${app.url}/app#tgWebAppData=${encodeURIComponent(forged.toString())}`);
    await expect(page2.locator('.sign-in .error').textContent()).resolves.toContain(
      'bad-signature',
    );
    expect(await intruder.cookies()).toEqual([]);
    await intruder.close();
  }, 60_000);

  it('refuses a signed-in socket from another origin, and one without a live session', async () => {
    const user = await seedUser(app, { language: 'EN' });
    const entity = await app.db.getRepository(User).findOneByOrFail({ id: user.id });
    const { webAuth } = app.deps.services;
    const session = await webAuth.redeemLink((await webAuth.createLink(entity)).token, null);
    const cookie = `maxon_session=${session.token}`;
    const page = { cookie, csrfToken: session.csrfToken };

    // The page's own socket: accepted, and its chat starts with the history.
    const own = await openPageSocket(app.wsUrl, { ...page, origin: app.url });
    if (!own.accepted) throw new Error(`refused: ${own.code} ${own.reason}`);
    own.socket.send(
      JSON.stringify({
        id: '1',
        type: 'subscribe',
        payload: { query: 'subscription { webChat { kind messages { id } } }' },
      }),
    );
    await expect(own.next()).resolves.toMatchObject({
      type: 'next',
      payload: { data: { webChat: { kind: 'HISTORY', messages: [] } } },
    });
    own.socket.close();

    // Another site's page holding the browser's cookie (and even the token): refused.
    await expect(
      openPageSocket(app.wsUrl, { ...page, origin: 'https://evil.example' }),
    ).resolves.toEqual({
      accepted: false,
      code: 4403,
      reason: 'Forbidden: cross-site socket (Origin)',
    });
    await expect(openPageSocket(app.wsUrl, page)).resolves.toMatchObject({ code: 4403 });
    // The right token without the cookie, a wrong token, a session that ended.
    await expect(
      openPageSocket(app.wsUrl, { origin: app.url, csrfToken: session.csrfToken }),
    ).resolves.toEqual({ accepted: false, code: 4401, reason: 'Unauthorized: sign in' });
    await expect(
      openPageSocket(app.wsUrl, { origin: app.url, cookie, csrfToken: 'forged' }),
    ).resolves.toEqual({
      accepted: false,
      code: 4403,
      reason: 'Forbidden: Missing or wrong X-CSRF-Token header',
    });
    await webAuth.signOut(session.token);
    await expect(openPageSocket(app.wsUrl, { ...page, origin: app.url })).resolves.toEqual({
      accepted: false,
      code: 4401,
      reason: 'Unauthorized: the session has ended',
    });
  });

  it('shows the offline banner while the server is unreachable and is live again after', async () => {
    const user = await seedUser(app, { language: 'EN' });
    const { port } = new URL(app.url);
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(port) });
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const link = new URL(await linkFor(user));
      await page.goto(`http://${proxy.address}/app${link.hash}`);
      const box = page.locator('input[name="text"]');
      await page.locator('input[name="text"]:enabled').waitFor();

      // The line is cut (as when the server restarts): the banner, and no typing meanwhile.
      proxy.reset();
      await page.locator('.banner', { hasText: 'Offline' }).waitFor({ timeout: 10_000 });
      expect(await box.isDisabled()).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      proxy.heal();

      // graphql-ws reconnects by itself and the chat's subscription resumes on the new socket.
      await page.locator('input[name="text"]:enabled').waitFor({ timeout: 15_000 });
      expect(await page.locator('.banner').count()).toBe(0);
      await box.fill('/help');
      await page.locator('form.composer button[type="submit"]').click();
      await page.locator('.message:not(.mine)', { hasText: 'What I can do' }).waitFor();
    } finally {
      await context.close();
      await proxy.close();
    }
  }, 60_000);
});
