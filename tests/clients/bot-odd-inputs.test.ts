import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { AddStepDocument, SetDialogStateDocument } from '../../src/clients/shared/gql/graphql.js';
import {
  BotCheckCreateEventDocument,
  BotCheckCreateGoalDocument,
  BotCheckCreateHabitDocument,
  BotCheckTimeSettingsDocument,
} from '../gql/graphql.js';
import { journeyBot } from '../support/bot-journey.js';
import { labels, type BotUser, type Update } from '../support/bot-user.js';
import type { ShownMessage } from '../support/memory-bot.js';
import { useOwnDatabase } from '../support/own-database.js';

// Issue 18, "Done when": no user-controlled input anywhere leads to the generic apology. A
// battery of odd inputs goes to the main screen and to every kind of dialog; each gets a
// specific answer, and a dialog survives what cannot be an answer to it.

await useOwnDatabase();

const context = journeyBot({});

const INJECTION = '<b>жирно</b> <script>alert(1)</script> & <a href="javascript:x">ссылка</a>';

/** The assistant's "not understood" question (with its buttons: never a dead end). */
const EVENT_GOAL_OR_HABIT = /событие, цель или привычк|an event, a goal or a habit/;

/**
 * Odd things people send; `keeps` = a dialog in progress must survive it; `says` = what the
 * answer must say whatever screen or dialog it comes to; `saysOnScreen` = what it must say
 * outside a dialog (inside one, a dialog may rightly read it as its answer).
 */
const BATTERY: {
  name: string;
  update: Update;
  keeps: boolean;
  says?: RegExp;
  saysOnScreen?: RegExp;
}[] = [
  {
    name: 'only emoji',
    update: { kind: 'text', text: '🎉🔥👍' },
    keeps: true,
    saysOnScreen: /Я здесь\. Напишите, что запланировать/,
  },
  { name: 'a sticker', update: { kind: 'unsupported' }, keeps: true, says: /текст и кнопки/ },
  {
    name: 'blank text',
    update: { kind: 'text', text: '   ' },
    keeps: true,
    saysOnScreen: /текст и кнопки/,
  },
  {
    name: '5,000 characters',
    update: { kind: 'text', text: 'а'.repeat(5000) },
    keeps: true,
    says: /2000/,
  },
  {
    name: 'an edit of an old message',
    update: { kind: 'edited', text: 'завтра в 10, а не в 9', messageId: 'old-1' },
    keeps: true,
    says: /«завтра в 10, а не в 9»\. Исправления я сам не перечитываю/,
  },
  {
    name: 'an edit that removed the text (a caption)',
    update: { kind: 'edited', text: '', messageId: 'old-2' },
    keeps: true,
    says: /не перечитываю/,
  },
  {
    name: 'an edit into a command',
    update: { kind: 'edited', text: '/goals', messageId: 'old-3' },
    keeps: true,
    says: /не перечитываю/,
  },
  {
    name: 'HTML injection',
    update: { kind: 'text', text: INJECTION },
    keeps: false,
    saysOnScreen: EVENT_GOAL_OR_HABIT,
  },
  {
    name: 'markdown',
    update: { kind: 'text', text: '*жирный* _курсив_ `код` [ссылка](http://e.com)' },
    keeps: false,
    saysOnScreen: EVENT_GOAL_OR_HABIT,
  },
  {
    name: 'a forwarded message',
    update: { kind: 'text', text: 'Привет!', forwarded: true },
    keeps: false,
    saysOnScreen: /Я maxOn — помогу с целями/,
  },
  {
    name: 'a voice note without audio',
    update: { kind: 'voice', download: null },
    keeps: true,
    says: /Голосовые сообщения пока не поддерживаются/,
  },
  {
    name: 'a command with junk arguments',
    update: { kind: 'command', command: 'goals', args: 'мусор %$# 123' },
    keeps: false,
    says: /Целей пока нет|Ваши цели/,
  },
  {
    name: 'a command with a deep-link payload',
    update: { kind: 'command', command: 'settings', args: 'zone=UTC' },
    keeps: false,
    says: /Настройки/,
  },
  {
    name: 'an unknown command',
    update: { kind: 'command', command: 'frobnicate', args: 'x' },
    keeps: false,
    says: /Что я умею/,
  },
];

/**
 * Sends one odd input and checks the answer is specific: never the apology, never silence;
 * what it says is checked always (`says`) and, `onScreen` (no dialog open), `saysOnScreen`.
 */
async function oddInput(user: BotUser, entry: (typeof BATTERY)[number], onScreen = false) {
  const before = user.messages().length;
  await user.update(entry.update);
  const answers = user.messages().slice(before);
  expect({ input: entry.name, answered: answers.length > 0 }).toEqual({
    input: entry.name,
    answered: true,
  });
  const says = entry.says ?? (onScreen ? entry.saysOnScreen : undefined);
  if (says) {
    expect({ input: entry.name, said: answers.at(-1)!.text }).toEqual({
      input: entry.name,
      said: expect.stringMatching(says),
    });
  }
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
      const answer = await oddInput(user, entry, true);
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
      const step = await context.steps.withStepCard(user, 'Ремонт', 'Купить краску');
      await user.press(step, /Оценка/);
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

  /** Inputs no dialog may take as its answer: it must wait on after each. */
  const NEVER_AN_ANSWER = new Set([
    'a sticker',
    '5,000 characters',
    'an edit of an old message',
    'an edit that removed the text (a caption)',
    'an edit into a command',
    'a voice note without audio',
  ]);

  it('every kind of dialog, as the bot saves it, answers each specifically', async () => {
    const { user } = await context.steps.started();
    const start = DateTime.now().setZone('Europe/Moscow').plus({ days: 2 }).set({ hour: 11 });
    const { createEvent } = await user.op(BotCheckCreateEventDocument, {
      input: { title: 'Врач', start: start.startOf('hour').toISO()! },
    });
    const { createGoal } = await user.op(BotCheckCreateGoalDocument, {
      input: { title: 'Ремонт' },
    });
    const { addStep } = await user.op(AddStepDocument, {
      goalId: createGoal.id,
      input: { title: 'Купить краску' },
    });
    const { createHabit } = await user.op(BotCheckCreateHabitDocument, {
      input: { title: 'Чтение', schedule: { kind: 'DAILY' } },
    });
    const [eventId, goalId, stepId, habitId] = [
      createEvent.id,
      createGoal.id,
      addStep.id,
      createHabit.id,
    ];
    // Every dialog a user can be in (the operators' admin dialogs apart), with real objects.
    const dialogs: Record<string, unknown>[] = [
      { kind: 'newGoal' },
      { kind: 'newEvent' },
      { kind: 'habitTitle' },
      { kind: 'timezone' },
      { kind: 'quietHours' },
      { kind: 'dailyTime', field: 'dg' },
      { kind: 'icsUrl' },
      { kind: 'caldavUrl' },
      { kind: 'caldavUser', url: 'https://dav.example.com/cal/' },
      { kind: 'addStep', goalId },
      { kind: 'goalTitle', goalId },
      { kind: 'goalDeadline', goalId },
      { kind: 'goalDescription', goalId },
      { kind: 'coachDeadline', goalId },
      { kind: 'coachMeasure', goalId },
      { kind: 'stepTitle', stepId },
      { kind: 'stepEstimate', stepId },
      { kind: 'stepTime', stepId },
      { kind: 'habitTime', habitId },
      ...[
        'eventDate',
        'eventTime',
        'eventTitle',
        'eventDuration',
        'eventNotes',
        'eventReminderOffsets',
        'eventRepeatWords',
      ].map((kind) => ({ kind, eventId })),
    ];
    for (const dialog of dialogs) {
      await user.op(SetDialogStateDocument, { state: { dialog } });
      expect({ dialog: dialog.kind, open: await dialogKind(user) }).toEqual({
        dialog: dialog.kind,
        open: dialog.kind,
      });
      for (const entry of BATTERY.filter((e) => NEVER_AN_ANSWER.has(e.name))) {
        await oddInput(user, entry);
        expect({ dialog: dialog.kind, after: entry.name, open: await dialogKind(user) }).toEqual({
          dialog: dialog.kind,
          after: entry.name,
          open: dialog.kind,
        });
      }
      // The rest: a specific answer each (a dialog may rightly take or yield to some).
      for (const entry of BATTERY.filter((e) => !NEVER_AN_ANSWER.has(e.name))) {
        if ((await dialogKind(user)) !== dialog.kind) {
          await user.op(SetDialogStateDocument, { state: { dialog } });
        }
        await oddInput(user, entry);
      }
    }
    context.steps.expectNoApology(user);
  }, 180_000);

  it('on every screen each gets a useful answer', async () => {
    const { user } = await context.steps.started();
    await user.op(BotCheckCreateEventDocument, {
      input: {
        title: 'Врач',
        start: DateTime.now().plus({ days: 1 }).startOf('hour').toISO()!,
      },
    });
    const card = await context.steps.withGoal(user, 'Ремонт');
    const screens: [string, (menu: ShownMessage) => Promise<unknown>][] = [
      ['goal card', async () => user.press(card, /Изменить/)],
      ['goals', async (menu) => user.press(menu, /Мои цели/)],
      ['calendar', async (menu) => user.press(menu, /Календарь/)],
      [
        'event card',
        async (menu) => {
          await user.press(menu, /Календарь/);
          await user.press(menu, /Врач/);
        },
      ],
      ['settings', async (menu) => user.press(menu, /Настройки/)],
      ['help', async (menu) => user.press(menu, /Помощь/)],
    ];
    for (const [name, open] of screens) {
      const menu = await user.say('/menu');
      await open(menu);
      for (const entry of BATTERY) {
        const answer = await oddInput(user, entry, true);
        expect({ screen: name, input: entry.name, text: answer.text.length > 0 }).toEqual({
          screen: name,
          input: entry.name,
          text: true,
        });
      }
    }
    context.steps.expectNoApology(user);
  }, 120_000);

  it('buttons of deleted events and steps say what is gone', async () => {
    const { user } = await context.steps.started();
    const start = DateTime.now().setZone('Europe/Moscow').plus({ days: 2 }).set({ hour: 11 });
    await user.op(BotCheckCreateEventDocument, {
      input: { title: 'Врач', start: start.startOf('hour').toISO()! },
    });
    const week = await user.say('/events');
    await user.press(week, /Врач/);
    const time = user.dataOf(week, /Время/);
    const reminders = user.dataOf(week, /Напоминания/);
    await user.press(week, /Напоминания/);
    const custom = user.dataOf(week, /Своё время/);
    await user.press(week, /Назад/);
    await user.press(week, /Удалить/);
    await user.press(week, /Да, удалить/);
    for (const data of [time, reminders, custom]) {
      expect(await user.pressData(week, data)).toBe('Событие удалено');
    }
    expect(labels(user.now(week))).toContain('🏠 Меню');
    context.steps.expectNoApology(user);
  }, 60_000);

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
