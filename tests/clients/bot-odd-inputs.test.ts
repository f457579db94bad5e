import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { BotCheckCreateEventDocument, BotCheckTimeSettingsDocument } from '../gql/graphql.js';
import { journeyBot } from '../support/bot-journey.js';
import { labels, type BotUser, type Update } from '../support/bot-user.js';
import { useOwnDatabase } from '../support/own-database.js';

// Issue 18, "Done when": no user-controlled input anywhere leads to the generic apology. A
// battery of odd inputs goes to the main screen and to every kind of dialog; each gets a
// specific answer, and a dialog survives what cannot be an answer to it.

await useOwnDatabase();

const context = journeyBot({});

const INJECTION = '<b>жирно</b> <script>alert(1)</script> & <a href="javascript:x">ссылка</a>';

/** Odd things people send; `keeps` = a dialog in progress must survive it. */
const BATTERY: { name: string; update: Update; keeps: boolean }[] = [
  { name: 'only emoji', update: { kind: 'text', text: '🎉🔥👍' }, keeps: true },
  { name: 'a sticker', update: { kind: 'unsupported' }, keeps: true },
  { name: 'blank text', update: { kind: 'text', text: '   ' }, keeps: true },
  { name: '5,000 characters', update: { kind: 'text', text: 'а'.repeat(5000) }, keeps: true },
  { name: 'HTML injection', update: { kind: 'text', text: INJECTION }, keeps: false },
  {
    name: 'markdown',
    update: { kind: 'text', text: '*жирный* _курсив_ `код` [ссылка](http://e.com)' },
    keeps: false,
  },
  {
    name: 'a forwarded message',
    update: { kind: 'text', text: 'Привет!', forwarded: true },
    keeps: false,
  },
  { name: 'a voice note without audio', update: { kind: 'voice', download: null }, keeps: true },
  {
    name: 'a command with junk arguments',
    update: { kind: 'command', command: 'goals', args: 'мусор %$# 123' },
    keeps: false,
  },
  {
    name: 'an unknown command',
    update: { kind: 'command', command: 'frobnicate', args: 'x' },
    keeps: false,
  },
];

/** Sends one odd input and checks the answer is specific: never the apology, never silence. */
async function oddInput(user: BotUser, entry: (typeof BATTERY)[number]) {
  const before = user.messages().length;
  await user.update(entry.update);
  const answers = user.messages().slice(before);
  expect({ input: entry.name, answered: answers.length > 0 }).toEqual({
    input: entry.name,
    answered: true,
  });
  for (const answer of answers) {
    expect(answer.text).not.toMatch(/что-то пошло не так|something went wrong/);
    expect(answer.text.trim().length).toBeGreaterThan(0);
    // What the user wrote is shown as text, never as markup.
    expect(answer.html).not.toMatch(/<script|<a href="javascript/);
  }
  return answers.at(-1)!;
}

const dialogKind = async (user: BotUser) =>
  (
    (await user.op(BotCheckTimeSettingsDocument, {})).dialogState?.dialog as
      { kind?: string } | undefined
  )?.kind;

describe('odd inputs', () => {
  it('outside any dialog each gets a useful answer', async () => {
    const { user } = await context.steps.started();
    for (const entry of BATTERY) {
      const answer = await oddInput(user, entry);
      if (entry.name === '5,000 characters') expect(answer.text).toMatch(/2000/);
      if (entry.name === 'a sticker') expect(answer.text).toMatch(/текст и кнопки/);
      if (entry.name === 'only emoji') expect(labels(answer)).toContain('🏠 Меню');
    }
    context.steps.expectNoApology(user);
  }, 60_000);

  /** Opens a dialog of each kind; returns what the user then faces. */
  const DIALOGS: Record<string, (user: BotUser) => Promise<void>> = {
    'new goal': async (user) => void (await user.say('/newgoal')),
    'event time': async (user) => {
      const start = DateTime.now().setZone('Europe/Moscow').plus({ days: 2 }).set({ hour: 11 });
      await user.op(BotCheckCreateEventDocument, {
        input: { title: 'Врач', start: start.startOf('hour').toISO()! },
      });
      const week = await user.say('/events');
      await user.press(week, /Врач/);
      await user.press(week, /Длительность/);
    },
    'step estimate': async (user) => {
      const card = await context.steps.withGoal(user, 'Ремонт');
      await user.press(card, /Изменить/);
      await user.press(card, /Шаг/);
      const withStep = await user.say('Купить краску');
      await user.press(withStep, /Изменить/);
      await user.press(withStep, /1\. Купить краску/);
      await user.press(withStep, /Оценка/);
    },
    timezone: async (user) => {
      const settings = await user.say('/settings');
      await user.press(settings, /Часовой пояс/);
    },
  };

  for (const [name, open] of Object.entries(DIALOGS)) {
    it(`inside the ${name} dialog each gets a useful answer and the dialog waits on`, async () => {
      const { user } = await context.steps.started();
      await open(user);
      const kind = await dialogKind(user);
      expect(kind).toBeDefined();
      for (const entry of BATTERY) {
        await oddInput(user, entry);
        if (entry.keeps)
          expect({ after: entry.name, kind: await dialogKind(user) }).toEqual({
            after: entry.name,
            kind,
          });
        // Reopen what an input rightly ended (a command, a clear new request).
        if ((await dialogKind(user)) !== kind) await open(user);
      }
      context.steps.expectNoApology(user);
    }, 90_000);
  }

  it('buttons of deleted objects, an old format and double presses', async () => {
    const { user } = await context.steps.started();
    const card = await context.steps.withGoal(user, 'Исчезнет');
    const plan = user.dataOf(card, /План/);
    const del = user.dataOf(card, /Удалить/);
    await user.pressData(card, del);
    const yes = user.dataOf(card, /Да, удалить/);
    await user.pressData(card, yes);
    // A second tap on the same confirmation, and a button of the goal now gone.
    expect(await user.pressData(card, yes)).toBe('Цель удалена');
    expect(await user.pressData(card, plan)).toBe('Цель удалена');
    expect(labels(user.now(card))).toContain('🏠 Меню');
    // Data of an older version, or forged.
    for (const data of ['g', 'g:not-a-uuid', 'zz:1', '', 'e:' + 'f'.repeat(60)]) {
      expect(await user.pressData(card, data)).toMatch(/устарела/);
    }
    // A double press on a menu button answers both.
    const menu = await user.say('/menu');
    const goals = user.dataOf(menu, /Мои цели/);
    await Promise.all([user.pressData(menu, goals), user.pressData(menu, goals)]);
    expect(user.now(menu).text).toContain('Целей пока нет');
    context.steps.expectNoApology(user);
  }, 60_000);
});
