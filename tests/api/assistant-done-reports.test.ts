import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { seedGoal, seedHabit, seedUser, type TestUser } from '../support/factories.js';
import { assistantChat } from '../support/assistant-chat.js';

const MOSCOW = 'Europe/Moscow';
const TODAY = DateTime.now().setZone(MOSCOW).startOf('day');
const day = (offset: number) => TODAY.plus({ days: offset }).toISODate()!;
const STARTED = day(-30);

const chat = assistantChat();
const { send } = chat;

async function checkInsOf(user: TestUser) {
  return chat.app().db.query<{ title: string; day: string }[]>(
    `SELECT h.title, c.local_date::text AS day FROM habit_check_ins c JOIN habits h ON h.id = c.habit_id
      WHERE h.user_id = $1 ORDER BY c.local_date`,
    [user.id],
  );
}

async function stepStatus(stepId: string): Promise<string> {
  const [row] = await chat
    .app()
    .db.query<{ status: string }[]>('SELECT status FROM steps WHERE id = $1', [stepId]);
  return row!.status;
}

describe('a report that something of the user is done, in words the rules do not read', () => {
  it('checks in the habit it names, on the day said', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    for (const title of ['Витамины', 'Планка', 'Guitar practice']) {
      await seedHabit(chat.app(), user, { title, startedOn: STARTED });
    }
    expect((await send(user, 'витамины выпила')).intent).toBe('habit_check_in');
    expect((await send(user, 'practiced guitar yesterday')).intent).toBe('habit_check_in');
    expect(await checkInsOf(user)).toEqual([
      { title: 'Guitar practice', day: day(-1) },
      { title: 'Витамины', day: day(0) },
    ]);
  });

  it('marks the open step it names done', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'EN' });
    const loan = await seedGoal(chat.app(), user, {
      title: 'Pay off student loan',
      steps: ['Make a budget', 'Sell the old camera'],
    });
    await seedGoal(chat.app(), user, { title: 'Run a 10k', steps: ['Join a running club'] });
    expect((await send(user, 'sold the camera!')).intent).toBe('step_status');
    expect(await stepStatus(loan.steps[1]!.id)).toBe('done');
    expect(await stepStatus(loan.steps[0]!.id)).toBe('pending');
  });

  it('asks instead when nothing of the user fits, and changes nothing', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    await seedHabit(chat.app(), user, { title: 'Планка', startedOn: STARTED });
    await seedGoal(chat.app(), user, { title: 'Похудеть', steps: ['Сходить к диетологу'] });
    const reply = await send(user, 'сходила к юристу');
    expect(reply).toMatchObject({ intent: 'unknown', actions: [] });
    expect(reply.question).toBeTruthy();
    expect(await checkInsOf(user)).toEqual([]);
  });
});

describe('a step named where an event was looked for', () => {
  it('"на курсы записался" marks the step done rather than adding one', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    const german = await seedGoal(chat.app(), user, {
      title: 'Выучить немецкий до B1',
      steps: ['Записаться на курсы', 'Скачать Anki'],
    });
    await seedGoal(chat.app(), user, { title: 'Написать книгу', steps: ['Составить план глав'] });
    expect((await send(user, 'на курсы записался')).intent).toBe('step_status');
    expect(await stepStatus(german.steps[0]!.id)).toBe('done');
  });

  it('"scrap \'outline the plot\'" deletes the step when no event has that name', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'EN' });
    const novel = await seedGoal(chat.app(), user, {
      title: 'Write a novel',
      steps: ['Outline the plot', 'Write the first chapter'],
    });
    const reply = await send(user, "scrap 'outline the plot', i'm a pantser");
    expect(reply.actions).toEqual([expect.objectContaining({ kind: 'step_deleted' })]);
    const left = await chat
      .app()
      .db.query<{ id: string }[]>('SELECT id FROM steps WHERE goal_id = $1', [novel.id]);
    expect(left.map((row) => row.id)).toEqual([novel.steps[1]!.id]);
  });
});

describe('a step marked done by mistake', () => {
  it('"сними галочку" and "uncheck …" put the step back to not done', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    const goal = await seedGoal(chat.app(), user, {
      title: 'Похудеть на 8 кг',
      steps: ['Купить весы', 'Buy running shoes'],
    });
    for (const step of goal.steps) {
      await chat.app().db.query(`UPDATE steps SET status = 'done' WHERE id = $1`, [step.id]);
    }
    await send(user, 'с весами я поторопилась, сними галочку');
    expect(await stepStatus(goal.steps[0]!.id)).toBe('pending');
    await send(user, 'uncheck buy running shoes, returned them');
    expect(await stepStatus(goal.steps[1]!.id)).toBe('pending');
  });
});

describe('a step named by its place in the goal', () => {
  it('"второй шаг в …", "the last step of the … goal": that place in that goal', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    const run = await seedGoal(chat.app(), user, {
      title: 'Пробежать полумарафон',
      steps: ['Купить кроссовки', 'Найти план', 'Записаться на забег'],
    });
    const cook = await seedGoal(chat.app(), user, {
      title: 'Learn to cook',
      steps: ["Buy a chef's knife", 'Cook 10 dinners'],
    });
    expect((await send(user, 'отметь второй шаг в полумарафоне выполненным')).intent).toBe(
      'step_status',
    );
    expect(await stepStatus(run.steps[1]!.id)).toBe('done');
    expect(await stepStatus(run.steps[0]!.id)).toBe('pending');
    const removed = await send(user, 'remove the last step of the cooking goal');
    expect(removed.actions).toEqual([expect.objectContaining({ kind: 'step_deleted' })]);
    const left = await chat
      .app()
      .db.query<{ id: string }[]>('SELECT id FROM steps WHERE goal_id = $1', [cook.id]);
    expect(left.map((row) => row.id)).toEqual([cook.steps[0]!.id]);
  });

  it('asks which goal when the place is said without one, then marks that goal’s step', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    const run = await seedGoal(chat.app(), user, { title: 'Марафон', steps: ['Кроссовки'] });
    const book = await seedGoal(chat.app(), user, { title: 'Книга', steps: ['План глав'] });
    const asked = await send(user, 'первый шаг сделан');
    expect(asked.question).toBeTruthy();
    expect(asked.quickReplies).toEqual(expect.arrayContaining(['Марафон', 'Книга']));
    expect(await stepStatus(book.steps[0]!.id)).toBe('pending');
    await send(user, 'Книга');
    expect(await stepStatus(book.steps[0]!.id)).toBe('done');
    expect(await stepStatus(run.steps[0]!.id)).toBe('pending');
  });
});

describe('reports said in everyday words', () => {
  it('"курсач сдал" marks «Сдать курсовую» through the formal word', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    const exams = await seedGoal(chat.app(), user, {
      title: 'Закрыть семестр',
      steps: ['Сдать курсовую', 'Сдать зачёт по истории'],
    });
    expect((await send(user, 'курсач сдал наконец')).intent).toBe('step_status');
    expect(await stepStatus(exams.steps[0]!.id)).toBe('done');
    expect(await stepStatus(exams.steps[1]!.id)).toBe('pending');
  });

  it('"read the kids a story yesterday" checks the habit in, it sets no goal', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'EN' });
    await seedHabit(chat.app(), user, { title: 'Bedtime story', startedOn: STARTED });
    expect((await send(user, 'read my daughter a bedtime story yesterday')).intent).toBe(
      'habit_check_in',
    );
    expect(await checkInsOf(user)).toEqual([{ title: 'Bedtime story', day: day(-1) }]);
  });

  it('a noun that ends like a past verb ("вокал") is asked about, not read as done', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    const reply = await send(user, 'вокал');
    expect(reply).toMatchObject({ intent: 'unknown', actions: [] });
  });
});

describe('reports that name the item by a verb, a Latin name or "не ел"', () => {
  it('"пробежал сегодня 5 км", "анки скачал", "вчера не ел сладкого"', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    for (const title of ['Пробежка', 'Без сладкого']) {
      await seedHabit(chat.app(), user, { title, startedOn: STARTED });
    }
    const german = await seedGoal(chat.app(), user, {
      title: 'Выучить немецкий',
      steps: ['Скачать Anki', 'Найти репетитора'],
    });
    expect((await send(user, 'пробежал сегодня 5 км')).intent).toBe('habit_check_in');
    expect((await send(user, 'вчера не ел сладкого')).intent).toBe('habit_check_in');
    expect((await send(user, 'анки скачал')).intent).toBe('step_status');
    expect(await checkInsOf(user)).toEqual([
      { title: 'Без сладкого', day: day(-1) },
      { title: 'Пробежка', day: day(0) },
    ]);
    expect(await stepStatus(german.steps[0]!.id)).toBe('done');
    expect(await stepStatus(german.steps[1]!.id)).toBe('pending');
  });
});

describe('two habits the words fit equally', () => {
  it('asks which one, with both as buttons, and checks in the one picked', async () => {
    const user = await seedUser(chat.app(), { timezone: MOSCOW, language: 'RU' });
    for (const title of ['Таблетки от давления', 'Мерить давление']) {
      await seedHabit(chat.app(), user, { title, startedOn: STARTED });
    }
    const asked = await send(user, 'отметь давление');
    expect(asked.quickReplies).toEqual(
      expect.arrayContaining(['Таблетки от давления', 'Мерить давление']),
    );
    expect(await checkInsOf(user)).toEqual([]);
    await send(user, 'Мерить давление');
    expect(await checkInsOf(user)).toEqual([{ title: 'Мерить давление', day: day(0) }]);
  });
});
