/**
 * Plan templates for goals whose domain is known (offline-domain.ts): the skills the domain
 * really needs, in the order they are learned, starting where the person's level says.
 */
import type { Domain, DomainName } from './offline-domain.js';
import type { PlanSubject, StepSpec } from './plan-types.js';

const step = (
  minutes: number,
  ru: StepSpec['ru'],
  en: StepSpec['en'],
  tags: { basics?: boolean; experienced?: boolean } = {},
): StepSpec & { basics?: boolean; experienced?: boolean } => ({ minutes, ru, en, ...tags });

type Tagged = ReturnType<typeof step>;

/** Beginners get the basics; people with some experience skip them and get the harder steps. */
function forLevel(domain: Domain, steps: Tagged[]): StepSpec[] {
  const beginner = domain.level === 'beginner';
  return steps
    .filter((s) => (beginner ? !s.experienced : !s.basics))
    .map(({ minutes, ru, en }) => ({ minutes, ru, en }));
}

const dataAnalyst = (domain: Domain): StepSpec[] =>
  forLevel(domain, [
    step(
      90,
      ['Основы SQL: SELECT, JOIN, GROUP BY', 'вторник 19:00', 'урок SQL и 5 задач'],
      ['SQL basics: SELECT, JOIN, GROUP BY', "it's Tuesday 19:00", 'an SQL lesson and 5 exercises'],
      { basics: true },
    ),
    step(
      60,
      ['SQL: оконные функции и подзапросы', 'вторник 19:00', '5 задач на оконные функции'],
      [
        'SQL: window functions and subqueries',
        "it's Tuesday 19:00",
        'solve 5 window-function tasks',
      ],
      { experienced: true },
    ),
    step(
      45,
      ['Решать 5 задач по SQL в неделю', 'суббота 10:00', 'решить задачи на тренажёре'],
      ['Solve 5 SQL problems a week', "it's Saturday 10:00", 'solve problems on a practice site'],
    ),
    step(
      90,
      ['Python для анализа: pandas и Jupyter', 'четверг 19:00', 'урок pandas на своём датасете'],
      [
        'Python for analysis: pandas and Jupyter',
        "it's Thursday 19:00",
        'a pandas lesson on a dataset',
      ],
    ),
    step(
      60,
      [
        'Статистика: распределения, доверительные интервалы, A/B-тесты',
        'воскресенье 11:00',
        'глава по статистике и задачи',
      ],
      [
        'Statistics: distributions, confidence intervals, A/B tests',
        "it's Sunday 11:00",
        'a statistics chapter and its exercises',
      ],
    ),
    step(
      90,
      [
        'Дашборд в Power BI, Tableau или DataLens',
        'суббота 11:00',
        'собрать дашборд по открытым данным',
      ],
      [
        'A dashboard in Power BI, Tableau or Looker Studio',
        "it's Saturday 11:00",
        'build a dashboard on open data',
      ],
    ),
    step(
      240,
      [
        'Проект для портфолио: анализ открытого датасета с выводами',
        'суббота 10:00',
        'два часа над проектом',
      ],
      [
        'A portfolio project: an open dataset analysed, with conclusions',
        "it's Saturday 10:00",
        'two hours on the project',
      ],
    ),
    step(
      180,
      ['Второй проект: продуктовые метрики или A/B-тест', 'суббота 10:00', 'два часа над проектом'],
      [
        'A second project: product metrics or an A/B test',
        "it's Saturday 10:00",
        'two hours on the project',
      ],
      { experienced: true },
    ),
    step(
      90,
      ['Портфолио на GitHub и резюме аналитика', 'воскресенье 18:00', 'оформить проекты и резюме'],
      [
        'A GitHub portfolio and an analyst CV',
        "it's Sunday 18:00",
        'write up the projects and the CV',
      ],
    ),
    step(
      60,
      ['Откликаться на 5 вакансий аналитика в неделю', 'понедельник 9:00', 'отправить отклики'],
      ['Apply to 5 analyst openings a week', "it's Monday 9:00", 'send the applications'],
    ),
  ]);

const developer = (domain: Domain): StepSpec[] =>
  forLevel(domain, [
    step(
      30,
      [
        'Выбрать направление и стек: frontend, backend или мобильная разработка',
        'воскресенье 18:00',
        'сравнить вакансии по стекам',
      ],
      [
        'Choose a track and a stack: frontend, backend or mobile',
        "it's Sunday 18:00",
        'compare openings by stack',
      ],
      { basics: true },
    ),
    step(
      120,
      [
        'Базовый курс по языку: синтаксис, функции, структуры данных',
        'будний день 19:00',
        'урок курса 45 минут',
      ],
      [
        'A language course: syntax, functions, data structures',
        "it's a weekday 19:00",
        'a 45-minute course lesson',
      ],
      { basics: true },
    ),
    step(
      45,
      [
        'Писать код каждый день по 45 минут',
        'будний день 19:00',
        'решить задачу или дописать функцию',
      ],
      [
        'Code for 45 minutes every day',
        "it's a weekday 19:00",
        'solve a task or finish a function',
      ],
    ),
    step(
      60,
      ['Git и GitHub: коммиты, ветки, пулл-реквесты', 'суббота 11:00', 'выложить код на GitHub'],
      [
        'Git and GitHub: commits, branches, pull requests',
        "it's Saturday 11:00",
        'push the code to GitHub',
      ],
      { basics: true },
    ),
    step(
      240,
      [
        'Пет-проект: небольшое приложение от идеи до деплоя',
        'суббота 10:00',
        'два часа над проектом',
      ],
      [
        'A pet project: a small app from idea to deployment',
        "it's Saturday 10:00",
        'two hours on the project',
      ],
    ),
    step(
      90,
      [
        'Алгоритмы и структуры данных: 3 задачи в неделю',
        'воскресенье 11:00',
        'решить задачу на LeetCode',
      ],
      [
        'Algorithms and data structures: 3 problems a week',
        "it's Sunday 11:00",
        'solve a LeetCode problem',
      ],
    ),
    step(
      90,
      [
        'Проектирование систем: разобрать 2 типовые архитектуры',
        'воскресенье 11:00',
        'разобрать одну систему',
      ],
      ['System design: study 2 common architectures', "it's Sunday 11:00", 'go through one system'],
      { experienced: true },
    ),
    step(
      120,
      ['Пулл-реквест в open-source проект', 'суббота 10:00', 'выбрать issue и начать'],
      [
        'A pull request to an open-source project',
        "it's Saturday 10:00",
        'pick an issue and start',
      ],
      { experienced: true },
    ),
    step(
      90,
      ['Резюме и профиль на GitHub под вакансию', 'воскресенье 18:00', 'обновить резюме'],
      ['A CV and GitHub profile for the role', "it's Sunday 18:00", 'update the CV'],
    ),
    step(
      60,
      ['Пробное собеседование и 5 откликов в неделю', 'понедельник 9:00', 'отправить отклики'],
      ['A mock interview and 5 applications a week', "it's Monday 9:00", 'send the applications'],
    ),
  ]);

const designer = (domain: Domain): StepSpec[] =>
  forLevel(domain, [
    step(
      120,
      ['Основы Figma: компоненты, автолейаут, прототип', 'вторник 19:00', 'урок по Figma'],
      ['Figma basics: components, auto layout, prototypes', "it's Tuesday 19:00", 'a Figma lesson'],
      { basics: true },
    ),
    step(
      60,
      ['Типографика, цвет и сетки', 'четверг 19:00', 'глава и упражнение'],
      ['Typography, colour and grids', "it's Thursday 19:00", 'a chapter and an exercise'],
      { basics: true },
    ),
    step(
      45,
      [
        'Перерисовывать один экран известного приложения в день',
        'будний день 19:00',
        'перерисовать экран',
      ],
      ['Redraw one screen of a well-known app a day', "it's a weekday 19:00", 'redraw a screen'],
    ),
    step(
      60,
      ['UX-исследование: 5 интервью с пользователями', 'среда 19:00', 'провести одно интервью'],
      ['UX research: 5 user interviews', "it's Wednesday 19:00", 'hold one interview'],
      { experienced: true },
    ),
    step(
      240,
      [
        'Первый кейс: задача, исследование, решение, результат',
        'суббота 10:00',
        'два часа над кейсом',
      ],
      [
        'A first case study: problem, research, solution, result',
        "it's Saturday 10:00",
        'two hours on the case',
      ],
    ),
    step(
      240,
      ['Ещё два кейса для портфолио', 'суббота 10:00', 'два часа над кейсом'],
      ['Two more portfolio case studies', "it's Saturday 10:00", 'two hours on the case'],
    ),
    step(
      60,
      ['Портфолио на Behance или своём сайте', 'воскресенье 18:00', 'опубликовать кейс'],
      ['A portfolio on Behance or your own site', "it's Sunday 18:00", 'publish a case study'],
    ),
    step(
      30,
      [
        'Показать портфолио двум дизайнерам и собрать отзывы',
        'среда 12:00',
        'написать одному дизайнеру',
      ],
      [
        'Show the portfolio to two designers for feedback',
        "it's Wednesday 12:00",
        'message one designer',
      ],
    ),
    step(
      60,
      ['Откликаться на 5 вакансий или заказов в неделю', 'понедельник 9:00', 'отправить отклики'],
      ['Apply to 5 jobs or gigs a week', "it's Monday 9:00", 'send the applications'],
    ),
  ]);

const instrument = (domain: Domain): StepSpec[] => {
  const i = domain.instrument ?? { ru: 'инструмент', ruOn: 'на инструменте', en: 'instrument' };
  return forLevel(domain, [
    step(
      45,
      [
        `Подготовить инструмент (${i.ru}): настроить, поставить тюнер и метроном`,
        'суббота 11:00',
        'настроить инструмент',
      ],
      [
        `Set up the ${i.en}: tune it, install a tuner and a metronome`,
        "it's Saturday 11:00",
        'tune the instrument',
      ],
      { basics: true },
    ),
    step(
      45,
      [
        `Первые уроки ${i.ruOn}: посадка, постановка рук, первые аккорды или ноты`,
        'вторник 19:00',
        'урок 30 минут',
      ],
      [
        `First ${i.en} lessons: posture, hand position, first chords or notes`,
        "it's Tuesday 19:00",
        'a 30-minute lesson',
      ],
      { basics: true },
    ),
    step(
      20,
      [
        `Заниматься ${i.ruOn} 20 минут каждый день`,
        'вечер и я поужинал',
        'взять инструмент на 20 минут',
      ],
      [
        `Practise the ${i.en} 20 minutes every day`,
        "it's evening and I've had dinner",
        'pick up the instrument for 20 minutes',
      ],
    ),
    step(
      30,
      [
        'Гаммы и техника с метрономом, +5 ударов в минуту в неделю',
        'понедельник 19:00',
        'гаммы 15 минут',
      ],
      [
        'Scales and technique with a metronome, +5 bpm a week',
        "it's Monday 19:00",
        'scales for 15 minutes',
      ],
      { experienced: true },
    ),
    step(
      60,
      ['Разучить одну песню целиком', 'суббота 11:00', 'разобрать песню по частям'],
      [
        'Learn one song all the way through',
        "it's Saturday 11:00",
        'work through the song part by part',
      ],
    ),
    step(
      30,
      ['Записывать себя раз в неделю и слушать', 'воскресенье 18:00', 'записать песню на телефон'],
      [
        'Record yourself once a week and listen back',
        "it's Sunday 18:00",
        'record a song on the phone',
      ],
    ),
    step(
      60,
      ['Урок с преподавателем раз в две недели', 'четверг 19:00', 'записаться на урок'],
      ['A lesson with a teacher every two weeks', "it's Thursday 19:00", 'book a lesson'],
    ),
    step(
      30,
      ['Сыграть 3 песни для друзей', 'конец месяца', 'позвать друзей и сыграть'],
      ['Play 3 songs for friends', "it's the end of the month", 'invite friends and play'],
    ),
  ]);
};

export const DOMAIN_TEMPLATES: Record<DomainName, (domain: Domain) => StepSpec[]> = {
  'data-analyst': dataAnalyst,
  developer,
  designer,
  instrument,
};

/** The domain's plan when the goal has a known domain. */
export function domainPlan(subject: PlanSubject): StepSpec[] | undefined {
  return subject.domain ? DOMAIN_TEMPLATES[subject.domain.name](subject.domain) : undefined;
}
