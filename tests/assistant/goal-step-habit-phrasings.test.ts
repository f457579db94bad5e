import { describe, expect, it } from '@jest/globals';
import { pickOption } from '../../src/assistant/offline/answers.js';
import { withFormalWords } from '../../src/assistant/offline/lexicon.js';
import { parseMessageAs } from '../../src/assistant/offline/offline-engine.js';
import { MOSCOW, NOW, parse, parseAs } from './parse-helpers.js';

const CONTEXT = { now: NOW, timezone: MOSCOW };

/** Wednesday 2026-03-04, 12:00 in Moscow, as in every parse test. */
describe('goals said colloquially', () => {
  it('"запиши как цель", "поставить себе цель", "save it as a goal" create a goal', () => {
    expect(parseAs('goal_create', 'десять кг сбросить к лету, запиши как цель')).toMatchObject({
      title: 'Десять кг сбросить',
      targetDate: '2026-06-01',
    });
    expect(
      parseAs('goal_create', 'хочу поставить себе цель чтобы к концу мая был свой блог'),
    ).toMatchObject({ targetDate: '2026-05-31' });
    expect(parseAs('goal_create', 'run a half marathon, save it as a goal').title).toBe(
      'Run a half marathon',
    );
  });

  it('"add … to my goals", "добавь в мои цели …" create a goal, not a step', () => {
    expect(parseAs('goal_create', 'add learning piano to my goals').title).toBe('Learning piano');
    expect(parseAs('goal_create', 'добавь в мои цели марафон').title).toBe('Марафон');
    expect(parseAs('step_add', 'add a step for my guitar goal').goalTarget).toBe('guitar');
  });

  it('"вернуться в форму" is a goal verb; "by new years" without an apostrophe is Dec 31', () => {
    expect(parseAs('goal_create', 'вернуться к бегу после травмы').title).toBe(
      'Вернуться к бегу после травмы',
    );
    expect(parseAs('goal_create', 'i wanna learn to juggle by new years').targetDate).toBe(
      '2026-12-31',
    );
  });

  it('progress asked as "на каком я этапе", "where am i at", "по X я успеваю?"', () => {
    expect(parseAs('goal_progress', 'на каком я этапе по своим целям').target).toBeUndefined();
    expect(parseAs('goal_progress', 'where am i at with the spanish goal').target).toBe('spanish');
    expect(parseAs('goal_progress', 'по диплому я вообще успеваю?').target).toBe('диплому');
    expect(parseAs('goal_progress', 'что по ремонту, много еще шагов?').target).toBe('ремонту');
  });

  it('"сотри цельку" and "i need to get rid of a goal" ask which goal', () => {
    expect(parseAs('goal_delete', 'сотри цельку').missing).toEqual(['target']);
    expect(parseAs('goal_delete', 'i need to get rid of a goal').missing).toEqual(['target']);
  });
});

describe('steps said colloquially', () => {
  it('"пункт" is a step; "закинь", "докинуть" add one', () => {
    expect(parseAs('step_add', 'в ремонт закинь ещё пункт — купить плитку')).toMatchObject({
      title: 'Купить плитку',
      goalTarget: 'ремонт',
    });
    expect(parseAs('step_add', 'хочу в одну цель еще пункт докинуть').missing).toEqual(['title']);
    expect(parseAs('step_add', 'can you add something to one of my goals').missing).toEqual([
      'title',
    ]);
  });

  it('the goal is found after "для цели с …", "— это шаг к …", "X needs another step"', () => {
    expect(parseAs('step_add', 'для цели с ремонтом надо выбрать обои, добавь')).toMatchObject({
      title: 'Выбрать обои',
      goalTarget: 'ремонтом',
    });
    expect(parseAs('step_add', 'купить гантели — это шаг к похудению')).toMatchObject({
      title: 'Купить гантели',
      goalTarget: 'похудению',
    });
    expect(parseAs('step_add', 'spanish needs another step: book a tutor')).toMatchObject({
      title: 'Book a tutor',
      goalTarget: 'spanish',
    });
    // As the answer to "what step should I add?".
    const answer = parseMessageAs('buy a metronome, for the guitar one', CONTEXT, 'step_add');
    expect(answer).toMatchObject({ title: 'Buy a metronome', goalTarget: 'guitar' });
  });

  it('a step of a goal said with a repetition stays a step, not a habit', () => {
    expect(
      parseAs('step_add', "for mia's swimming goal add: practice floating every evening"),
    ).toMatchObject({ goalTarget: "mia's swimming" });
  });

  it('a step named by its place: "первый пункт готов", "tick the first item"', () => {
    expect(parseAs('step_status', 'в ремонте первый пункт готов')).toMatchObject({
      stepNumber: 1,
      goalTarget: 'ремонте',
      status: 'done',
    });
    expect(parseAs('step_status', 'spanish goal: tick the second item')).toMatchObject({
      stepNumber: 2,
      status: 'done',
    });
  });

  it('"untick", "take … out of …"', () => {
    expect(parseAs('step_status', "i haven't called the plumber yet, untick that")).toMatchObject({
      status: 'todo',
      target: 'called the plumber',
    });
    expect(parseAs('step_delete', 'take the metronome step out of guitar').target).toBe(
      'metronome',
    );
  });

  it('"пункт выдачи" is a place, not a step', () => {
    expect(parse('завтра в 10 забрать посылку из пункта выдачи').intent).toBe('event_create');
  });

  it('"done ✔ tick it" names nothing: which one is asked', () => {
    expect(parseAs('step_status', 'done ✔ tick it').missing).toEqual(['target']);
  });
});

describe('habits and small talk said colloquially', () => {
  it('"хочу вести как привычку" with "трижды в неделю" creates a habit', () => {
    expect(
      parseAs('habit_create', 'растяжка дважды в неделю — хочу вести как привычку'),
    ).toMatchObject({ title: 'Растяжка', schedule: { kind: 'times_per_week', count: 2 } });
  });

  it('"build a streak" with listed weekdays creates a habit, not a list', () => {
    expect(parseAs('habit_create', 'tue thu plank, build a streak').title).toBe('Plank');
  });

  it('"habit report", "какая серия по …" show the habits', () => {
    parseAs('habit_list', 'habit report for this month please');
    parseAs('habit_list', 'какая у меня серия по зарядке');
  });

  it('"done w one of my habits" asks which habit', () => {
    expect(parseAs('habit_check_in', 'done w one of my habits today').missing).toEqual(['target']);
  });

  it('"пасиб бро", "а ты умеешь напоминать?" are small talk', () => {
    expect(parseAs('small_talk', 'пасиб бро').kind).toBe('thanks');
    expect(parseAs('small_talk', 'а ты умеешь напоминать?').kind).toBe('help');
    expect(parse('ты умеешь напоминать о встречах за час?').intent).not.toBe('small_talk');
  });
});

describe('a mark taken back, and everyday words', () => {
  it('"пока не сдал", "отметка там зря стоит" put a step back to not done', () => {
    expect(parseAs('step_status', 'историю пока не сдал, отметка там зря стоит')).toMatchObject({
      status: 'todo',
      target: 'историю',
    });
    expect(parseAs('step_status', 'зря отметил резюме').status).toBe('todo');
    expect(parse('запиши пока не забыл: завтра в 10 врач').intent).toBe('event_create');
  });

  it('everyday words get their formal word for matching titles', () => {
    expect(withFormalWords('курсач сдала')).toBe('курсач курсовая сдала');
    expect(withFormalWords('играл на пианино')).toBe('играл на пианино фортепиано');
  });

  it('"про … который": a pick by the words, not by "про" as the start of «Продать»', () => {
    const options = [
      { id: 'a', label: 'Продать старый планшет' },
      { id: 'b', label: 'Разослать 20 откликов' },
    ];
    expect(pickOption(options, 'про 20 откликов который')?.id).toBe('b');
  });
});
