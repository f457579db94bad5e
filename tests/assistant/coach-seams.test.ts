/**
 * The template seams the offline coach used to show (issue 14, item 5), one test each:
 * placeholders, the same "relevant" line for every goal, two suggested dates in one answer,
 * no realism check on money, and generic plans for goals with a known domain.
 */
import { describe, expect, it } from '@jest/globals';
import type { CoachContext, SmartReview } from '../../src/assistant/coach/coach.types.js';
import { generatePlanOffline } from '../../src/assistant/coach/offline-plan.js';
import { analyzeGoalOffline } from '../../src/assistant/coach/offline-smart.js';

/** Monday 7 December 2026, 15:00 in Moscow. */
const NOW = new Date('2026-12-07T12:00:00.000Z');
const RU: CoachContext = { now: NOW, timezone: 'Europe/Moscow', language: 'ru' };
const EN: CoachContext = { now: NOW, timezone: 'Europe/Moscow', language: 'en' };

const GOALS = [
  'Стать лучше',
  'Накопить деньги',
  'Сдать экзамен',
  'Найти работу',
  'Получить повышение',
  'Запустить сайт',
  'Сделать ремонт',
  'Выучить испанский',
  'asdf qwer',
  'Стать аналитиком данных',
  'be better',
  'Save money',
  'Get promoted',
  'Launch my app',
  'Pass the exam',
  'Learn guitar',
];

function allText(r: SmartReview): string[] {
  const criteria = [r.specific, r.measurable, r.achievable, r.relevant, r.timeBound];
  return [...criteria.map((c) => c.comment), ...r.suggestions, r.rewrittenGoal ?? ''];
}

const RU_DATE =
  /\d{1,2} (?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \d{4}/gu;
const EN_DATE =
  /(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}/gu;

describe('the SMART review has no template seams', () => {
  it('never shows a placeholder to the user', () => {
    for (const title of GOALS) {
      for (const ctx of [RU, EN]) {
        for (const text of allText(analyzeGoalOffline({ title }, ctx))) {
          expect([title, text, /[[\]]|\.\.\.\]|TODO|undefined|NaN/u.test(text)]).toEqual([
            title,
            text,
            false,
          ]);
        }
      }
    }
  });

  it('asks why about this goal, not with one line for every goal', () => {
    const lines = GOALS.map((title) => analyzeGoalOffline({ title }, RU).relevant.comment);
    expect(new Set(lines).size).toBe(lines.length);
    const spanish = analyzeGoalOffline({ title: 'Выучить испанский' }, RU).relevant.comment;
    expect(spanish).toContain('«Выучить испанский»');
    expect(spanish).toMatch(/переезд|путешеств/u);
    const saving = analyzeGoalOffline({ title: 'Save money' }, EN).relevant.comment;
    expect(saving).toMatch(/“Save money”.*(purchase|safety net)/u);
  });

  it('quotes the reason when the goal gives one', () => {
    const r = analyzeGoalOffline(
      { title: 'Выучить испанский', description: 'чтобы переехать в Валенсию' },
      RU,
    );
    expect(r.relevant.score).toBeGreaterThanOrEqual(80);
    expect(r.relevant.comment).toContain('«чтобы переехать в Валенсию»');
  });

  it('suggests one date in one answer', () => {
    const cases: [string, string | null][] = [
      ['Выучить испанский', null],
      ['Стать аналитиком данных', null],
      ['Пробежать марафон', '2027-01-15'],
      ['Накопить $5000', '2026-12-28'],
      ['Накопить деньги', null],
      ['Пробежать 10 км', '2025-01-10'],
    ];
    for (const [title, targetDate] of cases) {
      for (const [ctx, pattern] of [
        [RU, RU_DATE],
        [EN, EN_DATE],
      ] as const) {
        const r = analyzeGoalOffline({ title, targetDate }, ctx);
        // The goal's own deadline may be named too ("the deadline, May 1, has passed").
        const own = targetDate ? (r.timeBound.comment.match(pattern) ?? []) : [];
        const dates = new Set(allText(r).flatMap((t) => t.match(pattern) ?? []));
        for (const d of own) dates.delete(d);
        expect([title, ctx.language, dates.size <= 1, [...dates]]).toEqual([
          title,
          ctx.language,
          true,
          [...dates],
        ]);
      }
    }
  });

  it('says that saving $5000 in 3 weeks is unrealistic and offers a date or an amount', () => {
    const ru = analyzeGoalOffline({ title: 'Накопить $5000', targetDate: '2026-12-28' }, RU);
    expect(ru.achievable.score).toBeLessThanOrEqual(40);
    expect(ru.achievable.comment).toMatch(/нереально/u);
    expect(ru.suggestions[0]).toMatch(/Перенесите срок на \d{1,2} [а-я]+ 2027 .*\$\d+/u);
    expect(ru.rewrittenGoal).toMatch(/^Накопить \$5000 к \d{1,2} [а-я]+ 2027$/u);

    const en = analyzeGoalOffline({ title: 'save $5000', targetDate: '2026-12-28' }, EN);
    expect(en.achievable.comment).toMatch(/unrealistic/u);
    expect(en.suggestions[0]).toMatch(
      /Move the deadline to \w+ \d{1,2}, 2027, or aim for about \$\d+/u,
    );

    const fine = analyzeGoalOffline({ title: 'Накопить $5000', targetDate: '2027-12-28' }, RU);
    expect(fine.achievable.score).toBeGreaterThanOrEqual(80);
    expect(fine.achievable.comment).toMatch(/реально/u);
  });

  it('reads "300к" in a saving goal as money and judges its pace', () => {
    const r = analyzeGoalOffline({ title: 'Накопить 300к', targetDate: '2027-01-31' }, RU);
    expect(r.measurable.score).toBeGreaterThanOrEqual(80);
    expect(r.achievable.comment).toMatch(/в месяц.*нереально/u);
    expect(r.suggestions.join(' ')).toMatch(/\d[\d\s\u00a0]*₽/u);
    const year = analyzeGoalOffline({ title: 'Накопить 100 000 ₽', targetDate: '2027-12-31' }, RU);
    expect(year.achievable.score).toBeGreaterThanOrEqual(80);
  });

  it('takes "стать аналитиком" as a role, with its own measure and time', () => {
    const r = analyzeGoalOffline({ title: 'Стать аналитиком данных' }, RU);
    expect(r.specific.comment).not.toMatch(/размыт/u);
    expect(r.suggestions.join(' ')).toMatch(/оффер|портфолио/u);
    expect(r.rewrittenGoal).toMatch(/^Стать аналитиком данных — оффер .+ к \d{1,2} [а-я]+ 2027$/u);
  });
});

function titles(title: string, ctx = RU): string {
  return generatePlanOffline({ title }, ctx)
    .steps.map((s) => s.title)
    .join('\n');
}

describe('plans specific to the goal’s domain and level', () => {
  it('gives a data-analyst plan SQL, Python, statistics and a portfolio', () => {
    for (const [title, ctx] of [
      ['Стать аналитиком данных', RU],
      ['хочу в аналитику данных с нуля', RU],
      ['become a data analyst', EN],
    ] as const) {
      const plan = generatePlanOffline({ title }, ctx);
      expect(plan.source).toBe('offline:data-analyst:beginner');
      const text = plan.steps.map((s) => s.title).join('\n');
      for (const skill of [
        /SQL/u,
        /Python|pandas/u,
        /[Сс]татистик|[Ss]tatistics/u,
        /[Пп]ортфолио|portfolio/u,
      ]) {
        expect([title, skill.test(text)]).toEqual([title, true]);
      }
    }
  });

  it('starts an experienced analyst past the basics', () => {
    const junior = generatePlanOffline({ title: 'Вырасти из junior в middle аналитика' }, RU);
    expect(junior.source).toBe('offline:data-analyst:intermediate');
    const text = junior.steps.map((s) => s.title).join('\n');
    expect(text).not.toContain('Основы SQL');
    expect(text).toMatch(/оконные функции/u);
  });

  it('gives a developer plan with code practice, a project, Git and applications', () => {
    const text = titles('Стать frontend-разработчиком');
    expect(text).toMatch(/Git/u);
    expect(text).toMatch(/[Пп]ет-проект/u);
    expect(text).toMatch(/откликов/u);
    expect(titles('become a web developer', EN)).toMatch(/pet project/u);
  });

  it('gives a designer plan with Figma and case studies', () => {
    const text = titles('Стать UX-дизайнером');
    expect(text).toMatch(/Figma/u);
    expect(text).toMatch(/кейс/u);
  });

  it('names the instrument in an instrument plan', () => {
    expect(titles('Научиться играть на гитаре')).toMatch(/на гитаре/u);
    expect(titles('Learn piano', EN)).toMatch(/piano/u);
    expect(generatePlanOffline({ title: 'Learn piano' }, EN).source).toBe(
      'offline:instrument:beginner',
    );
  });

  it('keeps the kind templates for goals with no domain', () => {
    expect(generatePlanOffline({ title: 'Пройти курс по Python' }, RU).source).toBe(
      'offline:study',
    );
    expect(generatePlanOffline({ title: 'Найти новую работу' }, RU).source).toBe('offline:career');
  });
});
