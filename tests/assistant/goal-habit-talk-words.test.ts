import { describe, expect, it } from '@jest/globals';
import { withFormalWords } from '../../src/assistant/offline/lexicon.js';
import { parseMessageAs } from '../../src/assistant/offline/offline-engine.js';
import { MOSCOW, NOW, parse, parseAs } from './parse-helpers.js';

const CONTEXT = { now: NOW, timezone: MOSCOW };

/** Wednesday 2026-03-04, 12:00 in Moscow, as in every parse test. */
describe('goals named afterwards or by "цель" + a verb', () => {
  it('"запиши целью", "поставь это целью", "that\'s a goal" create the goal said first', () => {
    expect(parseAs('goal_create', 'выучить сто слов на испанском, запиши целью').title).toBe(
      'Выучить сто слов на испанском',
    );
    expect(parseAs('goal_create', 'в 2027 съездить в Японию, поставь это целью')).toMatchObject({
      title: 'Съездить в Японию',
      targetDate: '2027-12-31',
    });
    expect(parseAs('goal_create', 'learn to bake sourdough, that’s a goal').title).toBe(
      'Learn to bake sourdough',
    );
  });

  it('"цель сдать …" is a new goal; "цель удалить" is no goal to achieve', () => {
    expect(parseAs('goal_create', 'цель пробежать десятку до конца мая')).toMatchObject({
      title: 'Пробежать десятку',
      targetDate: '2026-05-31',
    });
    expect(parse('цель удалить').intent).toBe('goal_delete');
  });

  it('"одну из целей хочу стереть", "goal cleanup, delete one" ask which goal', () => {
    expect(parseAs('goal_delete', 'одну цель надо стереть').missing).toEqual(['target']);
    expect(parseAs('goal_delete', 'goals cleanup, remove one').missing).toEqual(['target']);
  });

  it('"что по X", "как там с X", "how close am i to X" ask a goal\'s progress', () => {
    expect(parseAs('goal_progress', 'что по ремонту').target).toBe('ремонту');
    expect(parseAs('goal_progress', 'how close am i to the marathon').target).toBe('marathon');
    expect(parseAs('goal_progress', 'не удаляй, лучше скажи как там с ремонтом').target).toMatch(
      /ремонтом/u,
    );
    expect(parse('что по пятнице').intent).toBe('event_search');
    expect(parse('сегодня что по делам').intent).toBe('event_search');
  });
});

describe('steps: the goal named by a phrase, one of its steps, not done', () => {
  it('"добавь в <goal of several words> шаг …" names the goal', () => {
    expect(parseAs('step_add', 'добавь в ремонт кухни шаг выбрать плитку')).toMatchObject({
      title: 'Выбрать плитку',
      goalTarget: 'ремонт кухни',
    });
  });

  it('the goal before a dash, "the … one:" and "ещё один шаг"', () => {
    expect(parseMessageAs('в ремонт — купить краску', CONTEXT, 'step_add')).toMatchObject({
      title: 'Купить краску',
      goalTarget: 'ремонт',
    });
    expect(
      parseMessageAs('for the car one - sell the old tires', CONTEXT, 'step_add'),
    ).toMatchObject({ title: 'Sell the old tires', goalTarget: 'car' });
    expect(parseAs('step_add', 'add a step to the guitar one: learn barre chords')).toMatchObject({
      title: 'Learn barre chords',
      goalTarget: 'guitar',
    });
    expect(parseAs('step_add', 'хочу ещё один шаг добавить').missing).toEqual(['title']);
  });

  it('"добавь в <goal> ещё <verb> …" adds a step; a day or the calendar stays an event', () => {
    expect(parseAs('step_add', 'добавь в ремонт ещё купить краску')).toMatchObject({
      title: 'Купить краску',
      goalTarget: 'ремонт',
    });
    expect(parse('добавь в пятницу позвонить маме').intent).toBe('event_create');
    expect(parse('добавь в календарь сходить в баню').intent).toBe('event_create');
  });

  it('"the X step isn\'t done, <why>": the step is named before "step"', () => {
    expect(parseAs('step_status', 'the tutor step isnt done, she cancelled')).toMatchObject({
      target: 'tutor',
      status: 'todo',
    });
  });

  it('"one of the X steps" asks which step of goal X', () => {
    expect(parseAs('step_status', 'mark one of the guitar steps done')).toMatchObject({
      goalTarget: 'guitar',
      missing: ['target'],
    });
  });

  it('"isn\'t done" is back to not done; "take \'X\' out" deletes a step', () => {
    expect(parseAs('step_status', "the tutor step isn't done").status).toBe('todo');
    expect(parseAs('step_delete', "take 'call the tutor' out").target).toBe('call the tutor');
    expect(parse("take 'dentist' out of my calendar").intent).not.toBe('step_delete');
  });
});

describe('habits: kept without skipping, tracked, checked in by a tick or a verb', () => {
  it('"хочу не пропускать" and "track my …" make a habit, with its time', () => {
    expect(
      parseAs('habit_create', 'по вт чт в 8 утра гимнастика, хочу не пропускать'),
    ).toMatchObject({
      title: 'Гимнастика',
      schedule: { kind: 'weekdays', weekdays: [2, 4] },
      reminderTime: '08:00',
    });
    expect(parseAs('habit_create', 'track my vitamins every morning at 9')).toMatchObject({
      title: 'Vitamins',
      reminderTime: '09:00',
    });
  });

  it('"поставь галочку в привычках" asks which habit; "last night" is yesterday', () => {
    expect(parseAs('habit_check_in', 'поставь галочку в привычках').missing).toEqual(['target']);
    expect(parseMessageAs('stretching, last night', CONTEXT, 'habit_check_in')).toMatchObject({
      date: '2026-03-03',
    });
  });

  it('"сколько дней держусь без …" is the habits\' status', () => {
    expect(parse('сколько дней держусь без сладкого').intent).toBe('habit_list');
    expect(parse('how long have i gone without sugar').intent).toBe('habit_list');
  });

  it('a practice said as a verb is searched by its formal word', () => {
    expect(withFormalWords('погуляла вечером')).toMatch(/прогулка/u);
    expect(withFormalWords('подтянулся 10 раз')).toMatch(/подтягивания/u);
  });
});

describe('small talk: thanks with a pet name, help with a topic', () => {
  it('"спасибо, солнышко", "thanks hon" are thanks', () => {
    expect(parseAs('small_talk', 'спасибо, солнышко')).toMatchObject({ kind: 'thanks' });
    expect(parseAs('small_talk', 'thanks hon')).toMatchObject({ kind: 'thanks' });
  });

  it('"чем ты можешь помочь с целями?", "what else can you help me with" ask for help', () => {
    expect(parseAs('small_talk', 'чем ты можешь помочь с целями?')).toMatchObject({
      kind: 'help',
    });
    expect(parseAs('small_talk', 'what else can you help me with?')).toMatchObject({
      kind: 'help',
    });
  });
});
