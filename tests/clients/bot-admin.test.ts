import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OpsAuditEventsDocument, OpsBroadcastAudienceDocument } from '../gql/graphql.js';
import { packCallback } from '../../src/clients/shared/features/registry.js';
import { textsFor } from '../../src/clients/shared/texts.js';
import { labels, newBotUser, type BotUser } from '../support/bot-user.js';
import { seedUser } from '../support/factories.js';
import { MemoryBot } from '../support/memory-bot.js';
import { useOwnDatabase } from '../support/own-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 13, "Operator tools": the /admin screens in the shared bot (in-memory messenger, real
// API and worker). Broadcasts go to every user of the database: this file has its own.
await useOwnDatabase();

const ADMIN_ID = '6100001';
const RU = textsFor('ru');
const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

let app: TestApp;
let bot: MemoryBot;
let admin: BotUser;

beforeAll(async () => {
  app = await startTestApp({
    ADMIN_IDS: `telegram:${ADMIN_ID}`,
    WORKER_ENABLED: 'true',
    JOBS_PROCESS_EVERY_MS: '100',
    // One recipient a second: a broadcast to a few users runs long enough to be cancelled.
    BROADCAST_PER_SECOND: '1',
  });
  bot = new MemoryBot(app);
  await bot.start();
  admin = newBotUser(app, bot, 'ru', ADMIN_ID);
  await admin.say('/start');
});

afterAll(async () => {
  await bot?.stop();
  await app?.stop();
});

async function started(languageCode: string) {
  const user = newBotUser(app, bot, languageCode);
  await user.say('/start');
  return user;
}

/** How many times the broadcast text reached the user (as a notification: "🔔 text"). */
const received = (user: BotUser, text: string) =>
  user.messages().filter((message) => message.text.endsWith(text)).length;

/** Writes a broadcast and picks its audience; returns the preview. */
async function preview(text: string, audience: RegExp) {
  const screen = await admin.say('/admin');
  await admin.press(screen, /Рассылка/);
  expect(admin.last().text).toBe(RU.adminAskBroadcast);
  const choice = await admin.say(text);
  expect(labels(choice)).toEqual(['Всем', 'Русскоязычным', 'Англоязычным', '✖️ Отмена']);
  await admin.press(choice, audience);
  return admin.now(choice);
}

describe('/admin', () => {
  it('shows the stats with the tools; the stats button refreshes them', async () => {
    const screen = await admin.say('/admin');
    expect(screen.text).toMatch(/Администрирование\nПользователи: \d+/);
    expect(labels(screen)).toEqual(['🔄 Статистика', '🔍 Найти пользователя', '📣 Рассылка']);
    expect(await admin.press(screen, /Статистика/)).toBe('Обновлено');
    expect(admin.now(screen).text).toMatch(/Администрирование/);
  });

  it('finds a user, blocks them after asking (twice is harmless), and unblocks them', async () => {
    const user = await started('en');
    const screen = await admin.say('/admin');
    await admin.press(screen, /Найти/);
    expect(admin.last().text).toBe(RU.adminAskUser);

    const nobody = await admin.say('telegram:nobody-here');
    expect(nobody.text).toBe(`${RU.adminNobody('telegram:nobody-here')} ${RU.adminAskUser}`);
    // The prompt stands: a bare messenger id finds them.
    const card = await admin.say(user.id);
    expect(card.text).toContain(`👤 ${user.name}`);
    expect(card.text).toContain(`Аккаунты: telegram:${user.id}`);
    expect(card.text).toContain('Язык: en');
    expect(card.text).toContain('Цели: 0, события: 0');
    expect(card.text).toContain('✅ Не заблокирован');
    // By display name too, with or without "@".
    await admin.press(await admin.say('/admin'), /Найти/);
    expect((await admin.say(`@${user.name.toLowerCase()}`)).text).toContain(`👤 ${user.name}`);

    await admin.press(card, /Заблокировать/);
    expect(admin.now(card).text).toBe(RU.adminConfirmBlock(user.name));
    const yes = admin.dataOf(card, /Да, заблокировать/);
    expect(await admin.pressData(card, yes)).toBe('Заблокирован');
    expect(admin.now(card).text).toContain('⛔️ Заблокирован');
    expect(labels(admin.now(card))).toContain('✅ Разблокировать');
    expect(await admin.pressData(card, yes)).toBe('Заблокирован');

    const { auditEvents } = await admin.op(OpsAuditEventsDocument, {
      userId: await userIdOf(card),
    });
    expect(auditEvents.map((event) => event.action)).toEqual(['user_blocked']);

    // The blocked user gets one polite line, whatever they send.
    const before = user.messages().length;
    const line = await user.say('remind me to call mom tomorrow at 5pm');
    expect(line.text).toBe(textsFor('en').blocked);
    await user.say('/goals');
    expect(
      user
        .messages()
        .slice(before)
        .map((message) => message.text),
    ).toEqual([textsFor('en').blocked, textsFor('en').blocked]);

    expect(await admin.press(card, /Разблокировать/)).toBe('Разблокирован');
    expect(admin.now(card).text).toContain('✅ Не заблокирован');
    expect((await user.say('/goals')).text).not.toBe(textsFor('en').blocked);
  });

  it('offers a choice when several users match a name', async () => {
    const name = `Twin ${Date.now()}`;
    const twins = [
      await seedUser(app, { displayName: name }),
      await seedUser(app, { displayName: name }),
    ];
    await admin.press(await admin.say('/admin'), /Найти/);
    const choice = await admin.say(name.toLowerCase());
    expect(choice.text).toBe(RU.adminSeveral(name.toLowerCase()));
    expect(labels(choice)).toEqual([
      `${name} · telegram:${twins[0]!.platformUserId}`,
      `${name} · telegram:${twins[1]!.platformUserId}`,
      RU.adminBack,
    ]);
    await admin.press(choice, new RegExp(twins[1]!.platformUserId));
    expect(admin.now(choice).text).toContain(`Аккаунты: telegram:${twins[1]!.platformUserId}`);
  });

  it('broadcasts to Russian speakers: preview with the count, a live bar, delivered once', async () => {
    const [ru1, ru2, en] = [await started('ru'), await started('ru'), await started('en')];
    const text = 'Плановые работы в 23:00 <ненадолго>';
    const { broadcastAudience } = await admin.op(OpsBroadcastAudienceDocument, {
      language: 'RU',
    });
    const shown = await preview(text, /Русскоязычным/);
    expect(shown.text).toBe(RU.adminPreview(text, 'русскоязычным', broadcastAudience));

    const send = admin.dataOf(shown, /Отправить/);
    await admin.pressData(shown, send);
    const progress = admin.now(shown);
    expect(progress.text).toMatch(/Рассылка идёт\n[▓░]{10} \d+\/\d+/);
    const done = await bot.waitFor(() => {
      const now = admin.now(shown);
      return now.text.startsWith('✅ Рассылка завершена') && now;
    }, 20_000);
    const all = broadcastAudience;
    expect(done.text).toBe(RU.adminDone({ bar: '▓'.repeat(10), sent: all, failed: 0, total: all }));
    expect(done.edits).toBeGreaterThan(progress.edits); // edited live by the bot
    for (const user of [ru1, ru2, admin]) expect(received(user, text)).toBe(1);
    expect(received(en, text)).toBe(0);

    // The old preview's button again: nothing is sent twice.
    expect(await admin.pressData(shown, send)).toBe(RU.adminDraftGone);
    expect(received(ru1, text)).toBe(1);
  });

  it('cancels a running broadcast: the rest is never sent, the message says cancelled', async () => {
    const users = await Promise.all([1, 2, 3, 4].map(() => started('ru')));
    const text = 'Эту рассылку отменят';
    const shown = await preview(text, /Всем/);
    await admin.press(shown, /Отправить/);
    await admin.press(shown, /Остановить/);
    expect(admin.now(shown).text).toMatch(/^✖️ Рассылка отменена\nДоставлено: \d+ из \d+/);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    // One batch (one user a second) at most was written before the cancel.
    const got = users.filter((user) => received(user, text) > 0).length;
    expect(got).toBeLessThan(users.length);
    expect(admin.now(shown).text).toMatch(/^✖️ Рассылка отменена/);
  });

  it('answers a non-operator as if there were no admin screens', async () => {
    const stranger = await started('ru');
    const victim = await started('ru');
    const unknown = await stranger.say('/nosuchcommand');
    const help = await stranger.say('/admin');
    expect([help.text, labels(help)]).toEqual([unknown.text, labels(unknown)]);

    const menu = await stranger.say('/help');
    for (const callback of [
      { a: 'admin' },
      { a: 'adminFind' },
      { a: 'adminCompose' },
      { a: 'adminProgress', broadcastId: ID },
    ] as const) {
      expect(await stranger.pressData(menu, packCallback(callback))).toBe(RU.outdatedButton);
    }
    const victimId = await userIdOf(await lookUp(victim.id));
    await stranger.pressData(menu, packCallback({ a: 'adminBlockYes', userId: victimId }));
    expect((await victim.say('/goals')).text).not.toBe(RU.blocked);
    // No find dialog started: plain text goes to the assistant as always.
    expect((await stranger.say('telegram:1')).text).not.toContain('Никого не нашёл');

    const adminWords = /Администрирование|Кого найти|Текст рассылки|Получателей|Заблокир/;
    for (const message of stranger.messages()) expect(message.text).not.toMatch(adminWords);
  });
});

/** The admin's card of a messenger user (through the find dialog). */
async function lookUp(messengerId: string) {
  await admin.press(await admin.say('/admin'), /Найти/);
  return admin.say(messengerId);
}

/** The user id a card's block/unblock button carries. */
async function userIdOf(card: { buttons: { data?: string }[][] }): Promise<string> {
  const data = card.buttons.flat().find((b) => /^(ab|aub):/.test(b.data ?? ''))?.data;
  if (!data) throw new Error('not a user card');
  return data.split(':')[1]!;
}
