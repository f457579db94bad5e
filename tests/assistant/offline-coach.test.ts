import { describe, expect, it } from '@jest/globals';
import type {
  CoachContext,
  CoachGoal,
  SmartReview,
} from '../../src/assistant/coach/coach.types.js';
import { generatePlanOffline } from '../../src/assistant/coach/offline-plan.js';
import { analyzeGoalOffline } from '../../src/assistant/coach/offline-smart.js';

/** Wednesday 4 March 2026, 12:00 in Moscow. */
const NOW = new Date('2026-03-04T09:00:00.000Z');
const RU: CoachContext = { now: NOW, timezone: 'Europe/Moscow', language: 'ru' };
const EN: CoachContext = { now: NOW, timezone: 'Europe/Moscow', language: 'en' };

const CYRILLIC = /\p{Script=Cyrillic}/u;
/** A comment without the user's own words quoted in it. */
const unquoted = (text: string) => text.replace(/«[^»]*»|“[^”]*”/gu, '');

function review(title: string, extra: Partial<CoachGoal> = {}, ctx = RU): SmartReview {
  return analyzeGoalOffline({ title, ...extra }, ctx);
}

const CRITERIA = ['specific', 'measurable', 'achievable', 'relevant', 'timeBound'] as const;

function texts(r: SmartReview): string[] {
  return [...CRITERIA.map((c) => r[c].comment), ...r.suggestions];
}

describe('the offline SMART review', () => {
  it('scores a vague goal low and rewrites it', () => {
    const r = review('стать лучше');
    expect(r.specific.score).toBeLessThan(40);
    expect(r.measurable.score).toBeLessThan(40);
    expect(r.timeBound.score).toBeLessThan(40);
    expect(r.score).toBeLessThan(50);
    expect(r.rewrittenGoal).toMatch(/^Стать лучше.* к \d{1,2} [а-я]+ \d{4}$/u);
    expect(r.suggestions.length).toBeGreaterThanOrEqual(3);
  });

  it('scores a vague English goal low too', () => {
    const r = review('become better', {}, EN);
    expect(r.specific.score).toBeLessThan(40);
    expect(r.measurable.score).toBeLessThan(40);
    expect(r.timeBound.score).toBeLessThan(40);
    expect(r.rewrittenGoal).toMatch(/^Become better.* by [A-Z][a-z]+ \d{1,2}, \d{4}$/u);
  });

  it('scores a measured goal with a deadline high', () => {
    const r = review('Пробежать 10 км к 1 марта 2027', { targetDate: '2027-03-01' });
    expect(r.specific.score).toBeGreaterThanOrEqual(70);
    expect(r.measurable.score).toBeGreaterThanOrEqual(80);
    expect(r.timeBound.score).toBeGreaterThanOrEqual(80);
    expect(r.achievable.score).toBeGreaterThanOrEqual(80);
    expect(r.measurable.comment).toContain('10 км');
    expect(r.timeBound.comment).toContain('1 марта 2027');
    expect(r.score).toBeGreaterThanOrEqual(80);
    expect(r.rewrittenGoal).toBeNull();
  });

  it('scores the English equivalent the same way', () => {
    const r = review('Run 10 km by March 1, 2027', { targetDate: '2027-03-01' }, EN);
    expect(r.measurable.score).toBeGreaterThanOrEqual(80);
    expect(r.timeBound.score).toBeGreaterThanOrEqual(80);
    expect(r.timeBound.comment).toContain('March 1, 2027');
    expect(r.rewrittenGoal).toBeNull();
  });

  it('reads a deadline from the text when the goal has no date', () => {
    const ru = review('Пробежать 10 км к 1 марта 2027');
    const en = review('Run 10 km by March 1, 2027', {}, EN);
    for (const r of [ru, en]) expect(r.timeBound.score).toBeGreaterThanOrEqual(70);
    expect(ru.timeBound.comment).toContain('1 марта 2027');
    expect(en.timeBound.comment).toContain('March 1, 2027');
    // …and suggests saving it as the goal's date.
    expect(ru.suggestions.join(' ')).toContain('1 марта 2027');
    expect(review('Выучить английский до B2 к лету').timeBound.comment).toContain('1 июня 2026');
    expect(review('Learn English by June', {}, EN).timeBound.comment).toContain('June 1, 2026');
  });

  it('flags a deadline that has passed', () => {
    const past = review('Пробежать 10 км', { targetDate: '2025-01-10' });
    const future = review('Пробежать 10 км', { targetDate: '2026-09-10' });
    expect(past.timeBound.score).toBeLessThanOrEqual(20);
    expect(past.timeBound.comment).toMatch(/10 января 2025.*прош/u);
    expect(past.suggestions[0]).toMatch(/новый срок/u);
    expect(past.achievable.score).toBeLessThan(future.achievable.score);
    expect(past.rewrittenGoal).not.toContain('2025');

    const en = review('Run 10 km', { targetDate: '2025-01-10' }, EN);
    expect(en.timeBound.score).toBeLessThanOrEqual(20);
    expect(en.timeBound.comment).toContain('January 10, 2025');
    expect(review('Run 10 km by January 10, 2025', {}, EN).timeBound.score).toBeLessThanOrEqual(20);
  });

  it('reads "today" in the user’s timezone', () => {
    const lateEvening = new Date('2026-03-04T22:30:00.000Z'); // 5 March 01:30 in Moscow
    const goal = { title: 'Сдать отчёт', targetDate: '2026-03-05' };
    const moscow = analyzeGoalOffline(goal, { ...RU, now: lateEvening });
    const utc = analyzeGoalOffline(goal, { ...RU, now: lateEvening, timezone: 'UTC' });
    expect(moscow.timeBound.comment).toMatch(/сегодня/u);
    expect(utc.timeBound.comment).not.toMatch(/сегодня/u);
  });

  it('treats "someday" as no deadline', () => {
    expect(review('Когда-нибудь выучить японский').timeBound.score).toBeLessThanOrEqual(20);
    expect(review('Learn Japanese someday', {}, EN).timeBound.comment).toMatch(/someday/iu);
  });

  it('recognises measures in both languages', () => {
    const measured: [string, CoachContext][] = [
      ['Накопить 100 000 ₽', RU],
      ['Сбросить 20 кг', RU],
      ['Lose 20 kg', EN],
      ['Выучить английский до уровня B2', RU],
      ['Прочитать 5 книг', RU],
      ['Read 12 books', EN],
      ['Увеличить конверсию на 15%', RU],
      ['Save $5,000', EN],
      ['Сдать IELTS на 7', RU],
    ];
    for (const [title, ctx] of measured) {
      const r = review(title, {}, ctx);
      expect([title, r.measurable.score >= 80]).toEqual([title, true]);
    }
    expect(review('Накопить деньги').measurable.score).toBeLessThan(40);
    expect(review('Save money', {}, EN).measurable.score).toBeLessThan(40);
    // A number alone is better than nothing, but not a measure.
    const bare = review('Сделать 3 вещи');
    expect(bare.measurable.score).toBeGreaterThan(40);
    expect(bare.measurable.score).toBeLessThan(80);
  });

  it('does not take a measure for a date', () => {
    const r = review('Сбросить 2.5 кг');
    expect(r.measurable.comment).toContain('2.5 кг');
    expect(r.timeBound.score).toBeLessThanOrEqual(20);
  });

  it('judges whether the deadline leaves enough time', () => {
    const soon = review('Пробежать марафон', { targetDate: '2026-03-20' });
    const later = review('Пробежать марафон', { targetDate: '2027-03-01' });
    expect(soon.achievable.score).toBeLessThanOrEqual(40);
    expect(later.achievable.score).toBeGreaterThanOrEqual(80);
    // The rewrite moves an unrealistic deadline to a realistic one.
    expect(soon.rewrittenGoal).toMatch(/^Пробежать марафон к \d{1,2} [а-я]+ 2026$/u);
    expect(soon.rewrittenGoal).not.toContain('20 марта');

    const bigSoon = review('Learn Spanish', { targetDate: '2026-03-10' }, EN);
    const bigLater = review('Learn Spanish', { targetDate: '2026-12-10' }, EN);
    expect(bigSoon.achievable.score).toBeLessThan(bigLater.achievable.score);
  });

  it('raises relevance when the goal says why', () => {
    const bare = review('Выучить испанский к 1 сентября 2026');
    const why = review('Выучить испанский к 1 сентября 2026', {
      description: 'Чтобы свободно общаться в поездке в Мадрид',
    });
    expect(why.relevant.score).toBeGreaterThan(bare.relevant.score);
    expect(why.relevant.score).toBeGreaterThanOrEqual(80);
    expect(bare.suggestions.join(' ')).toMatch(/зачем/u);
    expect(why.suggestions.join(' ')).not.toMatch(/зачем/u);

    const en = review('Learn Spanish', { description: 'so that I can talk to my in-laws' }, EN);
    expect(en.relevant.score).toBeGreaterThanOrEqual(80);
    expect(review('Learn Spanish', {}, EN).relevant.score).toBeLessThan(70);
  });

  it('writes every comment and suggestion in the context language', () => {
    const goals: CoachGoal[] = [
      { title: 'стать лучше' },
      { title: 'Пробежать 10 км', targetDate: '2025-01-01' },
      { title: 'Learn Spanish someday' },
      { title: 'Read 12 books', description: 'because I miss reading', targetDate: '2026-12-31' },
    ];
    for (const goal of goals) {
      for (const text of texts(analyzeGoalOffline(goal, RU))) {
        expect([text, CYRILLIC.test(unquoted(text))]).toEqual([text, true]);
      }
      for (const text of texts(analyzeGoalOffline(goal, EN))) {
        expect([text, CYRILLIC.test(unquoted(text))]).toEqual([text, false]);
        expect(text).toMatch(/[A-Za-z]/u);
      }
    }
  });

  it('writes dates naturally for each language in a rewritten goal', () => {
    const ru = review('Выучить испанский', { targetDate: '2027-03-01' });
    const en = review('Learn Spanish', { targetDate: '2027-03-01' }, EN);
    expect(ru.rewrittenGoal).toBe('Выучить испанский до уровня B1 к 1 марта 2027');
    expect(en.rewrittenGoal).toBe('Learn Spanish to B1 level by March 1, 2027');
  });

  it('keeps the goal’s own measure and drops its deadline phrase when rewriting', () => {
    // 21 km by summer is tight (about 17 weeks are usual) but possible: the date stays.
    const r = review('Пробежать 21 км к лету');
    expect(r.score).toBeLessThan(80);
    expect(r.rewrittenGoal).toBe('Пробежать 21 км к 1 июня 2026');
    const en = review('Run 21 km by June', {}, EN);
    expect(en.rewrittenGoal).toBe('Run 21 km by June 1, 2026');
  });

  it('keeps its invariants on any goal', () => {
    const goals: CoachGoal[] = [
      { title: '' },
      { title: '   ' },
      { title: 'asdf qwer' },
      { title: '👍' },
      { title: 'x'.repeat(500) },
      { title: 'стать лучше', description: 'очень хочу', targetDate: 'not a date' },
      { title: 'Накопить 100 000 ₽ к концу года', description: 'на машину' },
      { title: 'Medidate daily', targetDate: '2026-02-30' },
      { title: 'Пробежать 10 км к 1 марта 2027', targetDate: '2027-03-01' },
    ];
    for (const goal of goals) {
      for (const ctx of [RU, EN]) {
        const r = analyzeGoalOffline(goal, ctx);
        const scores = CRITERIA.map((c) => r[c].score);
        for (const s of [...scores, r.score]) {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(100);
        }
        expect(r.score).toBe(Math.round(scores.reduce((a, b) => a + b, 0) / scores.length));
        expect(r.suggestions.length).toBeLessThanOrEqual(5);
        expect(new Set(r.suggestions).size).toBe(r.suggestions.length);
        for (const c of CRITERIA) expect(r[c].comment.length).toBeGreaterThan(0);
        if (r.score < 80) expect(r.rewrittenGoal?.length).toBeGreaterThan(0);
        else expect(r.rewrittenGoal).toBeNull();
        expect(analyzeGoalOffline(goal, ctx)).toEqual(r);
      }
    }
  });
});

const TEMPLATE_TITLES: [string, string[], string[]][] = [
  [
    'language',
    ['Выучить испанский', 'Подтянуть английский до B2', 'Заговорить на немецком'],
    ['Learn Spanish', 'Speak French fluently', 'Get my English to B2'],
  ],
  [
    'running',
    ['Пробежать 10 км', 'Пробежать марафон', 'Начать бегать'],
    ['Run 10 km', 'Run a marathon', 'Start jogging'],
  ],
  [
    'fitness',
    ['Ходить в спортзал 3 раза в неделю', 'Делать 50 отжиманий', 'Научиться плавать'],
    ['Go to the gym 3 times a week', 'Do 50 push-ups', 'Work out every week'],
  ],
  ['weight-loss', ['Похудеть на 5 кг', 'Сбросить вес к лету'], ['Lose 5 kg', 'Lose weight']],
  [
    'reading',
    ['Прочитать 12 книг', 'Читать 20 минут в день', 'Читать больше книг'],
    ['Read 12 books', 'Read more'],
  ],
  [
    'saving',
    ['Накопить 100 000 ₽', 'Закрыть кредит', 'Отложить деньги на отпуск'],
    ['Save $5,000', 'Pay off my debt', 'Build an emergency fund'],
  ],
  [
    'study',
    ['Сдать экзамен по математике', 'Сдать ЕГЭ по русскому', 'Пройти курс по Python'],
    ['Pass the driving exam', 'Finish the Python course', 'Get a degree'],
  ],
  [
    'writing',
    ['Написать роман', 'Написать книгу', 'Записать альбом песен'],
    ['Write a novel', 'Start a blog', 'Paint 10 paintings'],
  ],
  [
    'career',
    ['Запустить проект', 'Найти новую работу', 'Получить повышение'],
    ['Launch the product', 'Find a new job', 'Get a promotion'],
  ],
  [
    'habit',
    ['Медитировать каждый день', 'Ложиться спать до 23:00', 'Пить больше воды'],
    ['Meditate daily', 'Sleep 8 hours', 'Drink more water'],
  ],
  ['generic', ['asdf qwer', 'стать лучше', 'Сделать ремонт'], ['asdf qwer', 'be better']],
];

const ALL_TITLES = TEMPLATE_TITLES.flatMap(([, ru, en]) => [...ru, ...en]);

describe('the offline plan', () => {
  it.each(TEMPLATE_TITLES)('detects the %s template from Russian and English', (kind, ru, en) => {
    for (const title of [...ru, ...en]) {
      expect([title, generatePlanOffline({ title }, RU).source]).toEqual([
        title,
        `offline:${kind}`,
      ]);
    }
  });

  it('falls back to the generic template for nonsense', () => {
    for (const title of ['qwerty zxcv', '👍👍', '', '12345', 'фывапролдж']) {
      const plan = generatePlanOffline({ title }, RU);
      expect(plan.source).toBe('offline:generic');
      expect(plan.steps.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('always gives 3–10 distinct steps within the limits', () => {
    const goals: CoachGoal[] = [
      ...ALL_TITLES.map((title) => ({ title })),
      { title: 'я'.repeat(1000) },
      { title: `Выучить испанский ${'очень '.repeat(100)}` },
      { title: 'Пробежать 1 км' },
      { title: 'Пробежать 100 км', description: 'ультрамарафон' },
    ];
    for (const goal of goals) {
      for (const ctx of [RU, EN]) {
        const { steps, source } = generatePlanOffline(goal, ctx);
        expect(source).toMatch(/^offline:[a-z-]+(?::[a-z]+)?$/u);
        expect(steps.length).toBeGreaterThanOrEqual(3);
        expect(steps.length).toBeLessThanOrEqual(10);
        expect(new Set(steps.map((s) => s.title.toLowerCase())).size).toBe(steps.length);
        for (const step of steps) {
          expect(step.title.trim().length).toBeGreaterThan(0);
          expect(step.title.length).toBeLessThanOrEqual(200);
          expect(Number.isInteger(step.estimatedMinutes)).toBe(true);
          expect(step.estimatedMinutes).toBeGreaterThanOrEqual(5);
          expect(step.estimatedMinutes).toBeLessThanOrEqual(600);
          expect(step.ifThenCue.trim().length).toBeGreaterThan(5);
        }
      }
    }
  });

  it('writes if-then cues in the context language', () => {
    for (const title of ALL_TITLES) {
      for (const step of generatePlanOffline({ title }, RU).steps) {
        expect(step.ifThenCue).toMatch(/^Если .+ — .+/u);
        expect(CYRILLIC.test(step.ifThenCue)).toBe(true);
        expect(CYRILLIC.test(step.title)).toBe(true);
      }
    }
    for (const title of ALL_TITLES.filter((t) => !CYRILLIC.test(t))) {
      for (const step of generatePlanOffline({ title }, EN).steps) {
        expect(step.ifThenCue).toMatch(/^If .+ — .+/u);
        expect([step.ifThenCue, CYRILLIC.test(step.ifThenCue)]).toEqual([step.ifThenCue, false]);
        expect([step.title, CYRILLIC.test(step.title)]).toEqual([step.title, false]);
      }
    }
  });

  it('puts the goal’s own object into the steps', () => {
    const titles = (goal: CoachGoal, ctx: CoachContext) =>
      generatePlanOffline(goal, ctx)
        .steps.map((s) => s.title)
        .join('\n');
    expect(titles({ title: 'Выучить испанский' }, RU)).toMatch(/испанск/u);
    expect(titles({ title: 'Выучить немецкий до B2' }, RU)).toMatch(/немецк[\s\S]*B2/u);
    expect(titles({ title: 'Learn German' }, EN)).toContain('German');
    expect(titles({ title: 'Выучить японский' }, EN)).toContain('Japanese');
    expect(titles({ title: 'Пробежать 10 км' }, RU)).toContain('10 км');
    expect(titles({ title: 'Run a half marathon' }, EN)).toContain('21.1 km');
    expect(titles({ title: 'Накопить 100 000 ₽' }, RU)).toContain('100 000 ₽');
    expect(titles({ title: 'Сбросить 7 кг' }, RU)).toContain('7 кг');
    expect(titles({ title: 'Запустить интернет-магазин' }, RU)).toContain(
      '«Запустить интернет-магазин»',
    );
  });

  it('gives a cue with a time for a plan like running', () => {
    const plan = generatePlanOffline({ title: 'Пробежать 10 км' }, RU);
    expect(plan.steps.map((s) => s.ifThenCue)).toContain(
      'Если понедельник 7:00 — пробежка 20 минут',
    );
    const en = generatePlanOffline({ title: 'Run 10 km' }, EN);
    expect(en.steps.map((s) => s.ifThenCue)).toContain("If it's Monday 7:00 — run for 20 minutes");
  });
});
