import { pluralRu } from '../../common/streak.js';
import { defineTexts } from '../../common/texts.js';

/** What the weekly review says (Sunday evening, and the assistant's "how was my week?"). */
export const WEEKLY_REVIEW_TEXTS = defineTexts({
  ru: {
    header: (from: string, to: string) => `📊 Итоги недели ${from} – ${to}`,
    headerLast: (from: string, to: string) => `📊 Итоги прошлой недели ${from} – ${to}`,
    habitsHeader: '🔁 Привычки:',
    habitLine: (
      title: string,
      done: number,
      due: number,
      streak: number,
      strength: number,
      change: number,
    ) =>
      `• ${title}: ${done}/${due} ✅ · 🔥 ${streak} · 💪 ${strength}% (${change >= 0 ? '+' : ''}${change})`,
    steps: (done: number, planned: number) =>
      `🎯 Шаги: сделано ${done}, по плану на неделю было ${planned}`,
    events: (count: number) =>
      `📅 ${count} ${pluralRu(count, 'событие', 'события', 'событий')} за неделю`,
    slippedHeader: '⏳ Не успели:',
    nothing: '📊 За неделю пока нечего подводить: ни привычек, ни шагов, ни событий.',
    footer: 'Спланируем следующую неделю?',
    planGoal: (title: string) => `📆 Спланировать: ${title}`,
    openHabit: (title: string) => `🔁 ${title}`,
  },
  en: {
    header: (from: string, to: string) => `📊 Your week, ${from} – ${to}`,
    headerLast: (from: string, to: string) => `📊 Last week, ${from} – ${to}`,
    habitsHeader: '🔁 Habits:',
    habitLine: (
      title: string,
      done: number,
      due: number,
      streak: number,
      strength: number,
      change: number,
    ) =>
      `• ${title}: ${done}/${due} ✅ · 🔥 ${streak} · 💪 ${strength}% (${change >= 0 ? '+' : ''}${change})`,
    steps: (done: number, planned: number) =>
      `🎯 Steps: ${done} done, ${planned} planned for the week`,
    events: (count: number) => `📅 ${count} event${count === 1 ? '' : 's'} this week`,
    slippedHeader: '⏳ Slipped:',
    nothing: '📊 Nothing to review this week yet: no habits, steps or events.',
    footer: 'Plan next week?',
    planGoal: (title: string) => `📆 Plan: ${title}`,
    openHabit: (title: string) => `🔁 ${title}`,
  },
});
