import type { AssistantLanguage, IntentName, MissingSlot } from '../intent.types.js';
import { EN_WEEKDAY_NAMES, RU_WEEKDAY_NAMES } from './lexicon.js';

type Texts = Record<AssistantLanguage, string>;

const TITLE: Partial<Record<IntentName, Texts>> = {
  event_create: { ru: 'Как назвать событие?', en: 'What should I call it?' },
  goal_create: { ru: 'Какую цель поставим?', en: 'What is the goal?' },
  step_add: { ru: 'Какой шаг добавить?', en: 'What step should I add?' },
};

const TARGET: Partial<Record<IntentName, Texts>> = {
  event_update: { ru: 'Какое событие?', en: 'Which event?' },
  event_delete: { ru: 'Какое событие?', en: 'Which event?' },
  goal_delete: { ru: 'Какую цель?', en: 'Which goal?' },
  goal_progress: { ru: 'Какую цель?', en: 'Which goal?' },
  step_status: { ru: 'Какой шаг?', en: 'Which step?' },
  step_delete: { ru: 'Какой шаг?', en: 'Which step?' },
};

const OTHER: Record<'start' | 'time' | 'change', Texts> = {
  start: { ru: 'Когда? Назовите день и время.', en: 'When? Tell me the day and time.' },
  time: { ru: 'На какое время?', en: 'What time?' },
  change: { ru: 'На когда перенести?', en: 'When should I move it to?' },
};

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

/** The question that asks for `slot` of `intent`, in `language`. */
export function questionFor(
  intent: IntentName,
  slot: MissingSlot,
  language: AssistantLanguage,
): string | undefined {
  if (slot === 'title') return TITLE[intent]?.[language];
  if (slot === 'target') return TARGET[intent]?.[language];
  if (slot === 'weekday') return undefined; // needs the weekday: see weekdayQuestion
  return OTHER[slot][language];
}
