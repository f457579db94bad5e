import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { Like } from 'typeorm';
import { CalendarConnection } from '../../src/entities/index.js';
import { labels, newBotUser } from '../support/bot-user.js';
import { googleEnv, startFakeGoogle, type FakeGoogle } from '../support/fake-google-calendar.js';
import { MemoryBot } from '../support/memory-bot.js';
import { startRadicale, type Radicale } from '../support/radicale.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// "Connected calendars" in the bot (in-memory messenger, real API, real Radicale, a local
// ICS server and the fake Google for the link).
let app: TestApp;
let bot: MemoryBot;
let radicale: Radicale;
let google: FakeGoogle;
let feedServer: Server;
let feedUrl: string;

const busyDay = DateTime.utc().plus({ days: 2 }).toISODate()!;
const compact = busyDay.replace(/-/g, '');
const WORK_ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Work//EN',
  'BEGIN:VEVENT',
  'UID:standup@work',
  'DTSTAMP:20260101T000000Z',
  `DTSTART:${compact}T100000Z`,
  `DTEND:${compact}T110000Z`,
  'SUMMARY:Планёрка',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

beforeAll(async () => {
  radicale = await startRadicale();
  await radicale.makeCalendar('home', 'Дом');
  google = await startFakeGoogle();
  feedServer = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/calendar' }).end(WORK_ICS);
  });
  await new Promise<void>((resolve) => feedServer.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(feedServer.address() as AddressInfo).port}/work.ics`;
  app = await startTestApp({
    WEBHOOK_ALLOW_LOCALHOST: 'true',
    ...googleEnv(google),
  });
  bot = new MemoryBot(app);
  await bot.start();
});

afterAll(async () => {
  await bot?.stop();
  await app?.stop();
  await radicale?.stop();
  await google?.stop();
  await new Promise((resolve) => feedServer?.close(resolve));
});

async function calendarsScreen() {
  const user = newBotUser(app, bot);
  await user.say('/start');
  const settings = await user.say('/settings');
  await user.press(settings, /Календари/);
  return { user, screen: user.now(settings) };
}

describe('Connected calendars in the bot', () => {
  it('shows the list, the Google link as a URL button, and makes and rotates the ICS feed', async () => {
    const { user, screen } = await calendarsScreen();
    expect(screen.text).toContain('Подключённые календари');
    expect(screen.text).toContain('Пока ни одного');
    const googleButton = screen.buttons.flat().find((b) => /Google/.test(b.label));
    expect(googleButton?.url).toMatch(/\/oauth\/google\/start\?ticket=/);

    await user.press(screen, /Подписка на календарь/);
    const first = user.now(screen).text;
    expect(first).toMatch(/показывается один раз/);
    const firstUrl = /https?:\/\/\S+\.ics/.exec(first)![0];

    const again = await user.say('/settings');
    await user.press(again, /Календари/);
    expect(user.now(again).text).toMatch(/Ссылка на календарь maxOn создана/);
    await user.press(again, /Подписка на календарь/);
    expect(user.now(again).text).toMatch(/отключит старую/);
    await user.press(again, /Новая ссылка/);
    const secondUrl = /https?:\/\/\S+\.ics/.exec(user.now(again).text)![0];
    expect(secondUrl).not.toBe(firstUrl);
    const old = await fetch(new URL(new URL(firstUrl).pathname, app.url));
    expect(old.status).toBe(404);
    expect((await fetch(new URL(new URL(secondUrl).pathname, app.url))).status).toBe(200);
  });

  it('subscribes to an ICS address; its busy time shows in the week view', async () => {
    const { user, screen } = await calendarsScreen();
    await user.press(screen, /ICS-адрес/);
    expect(user.last().text).toMatch(/секретный адрес/);
    expect((await user.say('какой-то текст')).text).toMatch(/https:\/\//);
    const connected = await user.say(feedUrl);
    expect(connected.text).toMatch(/подключён/);

    await user.press(connected, /ICS/);
    await user.press(connected, /Синхронизировать/);
    expect(user.now(connected).text).toMatch(/синхронизировано/);

    const week = await user.say('/week');
    await user.pressData(week, `c:w:${busyDay}`);
    expect(user.now(week).text).toMatch(/⛔ \d\d:\d\d–\d\d:\d\d Планёрка/);
  });

  it('connects CalDAV through a dialog, deletes the password message, picks the write calendar, disconnects', async () => {
    const { user, screen } = await calendarsScreen();
    await user.press(screen, /CalDAV/);
    expect((await user.say('не адрес')).text).toMatch(/https:\/\//);
    expect((await user.say(radicale.url)).text).toMatch(/Логин/);
    expect((await user.say(radicale.user)).text).toMatch(/Пароль приложения/);

    await user.update({ kind: 'text', text: 'wrong-password', messageId: 'secret-1' });
    expect(user.last().text).toMatch(/не принял/);
    await user.update({ kind: 'text', text: radicale.password, messageId: 'secret-2' });
    const connected = user.last();
    expect(connected.text).toMatch(/подключён/);
    expect(bot.chats.deleted).toEqual(expect.arrayContaining(['secret-1', 'secret-2']));
    expect(user.messages().some((m) => m.text.includes(radicale.password))).toBe(false);

    await user.press(connected, /CalDAV/);
    expect(labels(user.now(connected))).toEqual(
      expect.arrayContaining(['✅ Дом', '✍️ сюда', '🔄 Синхронизировать']),
    );
    await user.press(connected, /✍️ сюда/);
    expect(labels(user.now(connected))).toContain('✍️ сюда ✔️');
    const [connection] = await app.db.getRepository(CalendarConnection).find({
      where: { writeCalendarId: Like(`${radicale.url}%/home/`) },
    });
    expect(connection).toBeDefined();

    await user.press(connected, /Отключить/);
    expect(user.now(connected).text).toMatch(/Отключить «127\.0\.0\.1»/);
    await user.press(connected, /Да, отключить/);
    expect(user.now(connected).text).not.toMatch(/CalDAV/);
    expect(
      await app.db.getRepository(CalendarConnection).findOneBy({ id: connection!.id }),
    ).toBeNull();
  });
});
