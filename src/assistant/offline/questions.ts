import type { AssistantLanguage, IntentName, MissingSlot } from '../intent.types.js';
import { EN_WEEKDAY_NAMES, RU_WEEKDAY_NAMES } from './lexicon.js';
import { defineTexts } from '../../common/texts.js';

/** The clarifying questions, per language: for a title, a target, or another slot. */
const QUESTIONS = defineTexts<{
  title: Partial<Record<IntentName, string>>;
  target: Partial<Record<IntentName, string>>;
  start: string;
  time: string;
  change: string;
  kind: string;
  meridiem: string;
  past: string;
  date: string;
}>({
  ru: {
    title: {
      event_create: 'Как назвать событие?',
      goal_create: 'Какую цель поставим?',
      step_add: 'Какой шаг добавить?',
    },
    target: {
      event_update: 'Какое событие?',
      event_delete: 'Какое событие?',
      goal_delete: 'Какую цель?',
      goal_progress: 'Какую цель?',
      step_status: 'Какой шаг?',
      step_delete: 'Какой шаг?',
      habit_check_in: 'Какую привычку отметить?',
    },
    start: 'Когда? Назовите день и время.',
    time: 'На какое время?',
    change: 'На когда перенести?',
    kind: 'Не уверен, что вы имеете в виду. Это событие, цель или привычка?',
    meridiem: 'Утра или вечера?',
    past: 'Это время сегодня уже прошло. На какое время поставить?',
    date: 'Не понял дату. Какого числа?',
  },
  en: {
    title: {
      event_create: 'What should I call it?',
      goal_create: 'What is the goal?',
      step_add: 'What step should I add?',
    },
    target: {
      event_update: 'Which event?',
      event_delete: 'Which event?',
      goal_delete: 'Which goal?',
      goal_progress: 'Which goal?',
      step_status: 'Which step?',
      step_delete: 'Which step?',
      habit_check_in: 'Which habit should I check in?',
    },
    start: 'When? Tell me the day and time.',
    time: 'What time?',
    change: 'When should I move it to?',
    kind: 'I am not sure what you mean. Is it an event, a goal or a habit?',
    meridiem: 'Morning or evening?',
    past: 'That time has already passed today. What time should it be?',
    date: 'I did not get the date. Which day?',
  },
});

/** "Этот или следующий вторник?", "Эта или следующая среда?", "This Tuesday or next?" */
export function weekdayQuestion(
  weekday: number,
  language: AssistantLanguage,
  todayIsCandidate: boolean,
): string {
  const [name, gender] = RU_WEEKDAY_NAMES[weekday] ?? ['', 'm'];
  const en = EN_WEEKDAY_NAMES[weekday] ?? '';
  if (todayIsCandidate) {
    const accusative = name.replace(/а$/u, 'у');
    const next = { m: 'следующий', f: 'следующую', n: 'следующее' }[gender];
    return language === 'ru' ? `Сегодня или в ${next} ${accusative}?` : `Today or next ${en}?`;
  }
  const [this_, next] = {
    m: ['Этот', 'следующий'],
    f: ['Эта', 'следующая'],
    n: ['Это', 'следующее'],
  }[gender];
  return language === 'ru' ? `${this_} или ${next} ${name}?` : `This ${en} or next ${en}?`;
}

/** Which day of a range ("кофе с Аней на этой неделе"): buttons are not needed, a weekday is. */
export function dayQuestion(language: AssistantLanguage): string {
  return language === 'ru' ? 'В какой день?' : 'Which day?';
}

/** The question that asks for `slot` of `intent`, in `language`. */
export function questionFor(
  intent: IntentName,
  slot: MissingSlot,
  language: AssistantLanguage,
): string | undefined {
  const questions = QUESTIONS[language];
  if (slot === 'title') return questions.title[intent];
  if (slot === 'target') return questions.target[intent];
  if (slot === 'weekday') return undefined; // needs the weekday: see weekdayQuestion
  if (slot === 'range') return questions.start;
  return questions[slot];
}
