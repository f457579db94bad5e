import { describe, expect, it } from '@jest/globals';
import { withFormalWords } from '../../src/assistant/offline/lexicon.js';
import { isVague } from '../../src/assistant/offline/titles.js';
import { parse, parseAs } from './parse-helpers.js';

/** Wednesday 2026-03-04, 12:00 in Moscow, as in every parse test. */
describe('steps said without a name, reopened or ticked', () => {
  it('"шаг добавь пж", "add somthing to my goal": no title yet, so it is asked', () => {
    expect(parseAs('step_add', 'шаг добавь пж')).toMatchObject({ missing: ['title'] });
    expect(parseAs('step_add', 'add somthing to my goal').title).toBeUndefined();
    expect(isVague('пж')).toBe(true);
    expect(isVague('купить шампунь')).toBe(false);
  });

  it('"добавь шаг к докторской: …": the goal right after the step word, before a colon', () => {
    expect(parseAs('step_add', 'добавь шаг к докторской: написать автореферат')).toMatchObject({
      title: 'Написать автореферат',
      goalTarget: 'докторской',
    });
    expect(parseAs('step_add', 'add a step to the wedding: book dj')).toMatchObject({
      title: 'Book dj',
      goalTarget: 'wedding',
    });
  });

  it('"reopen the … step", "галочку поставь на шаге" change a status, not add a step', () => {
    expect(parseAs('step_status', 'reopen the lit review step').status).toBe('todo');
    expect(parseAs('step_status', 'галочку поставь на шаге')).toMatchObject({
      status: 'done',
      missing: ['target'],
    });
  });
});

describe('goals and habits said loosely', () => {
  it('"постав цель …" with the soft sign dropped sets a goal', () => {
    expect(parseAs('goal_create', 'постав цель научиться вязать носки').title).toMatch(/носки/u);
  });

  it('"по привычкам что у меня?" lists the habits; "одну из привычек выполнила" asks which', () => {
    expect(parse('по привычкам что у меня, не сачкую?').intent).toBe('habit_list');
    expect(parseAs('habit_check_in', 'одну из привычек выполнила')).toMatchObject({
      missing: ['target'],
    });
  });

  it('"bp" is searched as blood pressure', () => {
    expect(withFormalWords('checked my bp')).toBe('checked my bp blood pressure');
  });
});

describe('small talk', () => {
  it('"appreciate it man", "как тобой пользоваться, подскажи" are small talk', () => {
    expect(parseAs('small_talk', 'appreciate it man').kind).toBe('thanks');
    expect(parseAs('small_talk', 'как тобой пользоваться, подскажи').kind).toBe('help');
    expect(parse('подскажи, когда у меня врач').intent).not.toBe('small_talk');
  });
});
