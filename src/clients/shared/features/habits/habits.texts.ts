import { defineTexts } from '../../../../common/texts.js';

/** "день", "дня", "дней" for a count. */
function daysWord(n: number): string {
  const [ten, hundred] = [n % 10, n % 100];
  if (ten === 1 && hundred !== 11) return 'день';
  if (ten >= 2 && ten <= 4 && (hundred < 10 || hundred >= 20)) return 'дня';
  return 'дней';
}

/** Habits: the list with today's marks, a habit's card, creating one. */
export const HABITS_TEXTS = defineTexts({
  ru: {
    habitsTitle: '🔁 Привычки',
    noHabits: 'Привычек пока нет. Нажмите «➕ Новая привычка» — например, «Зарядка 10 минут».',
    newHabit: '➕ Новая привычка',
    askHabitTitle: 'Как назовём привычку? Например: «Зарядка 10 минут» (или /cancel).',
    askHabitTime: 'Во сколько напоминать? ЧЧ:ММ, например 07:30, или «нет».',
    askHabitSchedule: (title: string) => `Как часто «${title}»?`,
    schedules: {
      d: 'Каждый день',
      wd: 'По будням',
      w3: '3 раза в неделю',
      n2: 'Через день',
    },
    streak: (days: number) => `🔥 ${days} ${daysWord(days)} подряд`,
    best: 'Лучшая серия',
    strength: 'Сила привычки',
    last30: 'Последние 30 дней',
    reminderAt: (times: string) => `⏰ Напоминание: ${times}`,
    noReminder: '⏰ Без напоминания',
    paused: '⏸ На паузе',
    habitButtons: {
      done: '✅ Сделано',
      skip: '⏭ Пропустить',
      undo: '↩️ Отменить отметку',
      pause: '⏸ Пауза',
      resume: '▶️ Продолжить',
      time: '⏰ Время',
      delete: '🗑 Удалить',
      yesDelete: '🗑 Да, удалить',
    },
    checkedIn: (streak: number) => `✅ Отмечено · 🔥 ${streak}`,
    skipped: '⏭ Пропущено на сегодня',
    undone: '↩️ Отметка снята',
    targetReached: (title: string, done: number) =>
      `🎉 Цель привычки «${title}» достигнута: ${done} ${daysWord(done)}! Продолжим или в архив?`,
    keepGoing: (target: number) => `🚀 Продолжить до ${target}`,
    archiveHabit: '📦 В архив',
    targetRaised: (target: number) => `🚀 Новая цель: ${target} ${daysWord(target)}`,
    habitArchived: '📦 Привычка в архиве',
    picture: '📊 Картинка',
    pictureCaption: (title: string) => `📊 «${title}»: последние 12 недель`,
    confirmDeleteHabit: (title: string) => `Удалить привычку «${title}» со всеми отметками?`,
    habitDeleted: 'Привычка удалена.',
  },
  en: {
    habitsTitle: '🔁 Habits',
    noHabits: 'No habits yet. Press "➕ New habit" — e.g. "Stretch for 10 minutes".',
    newHabit: '➕ New habit',
    askHabitTitle: 'What is the habit? E.g. "Stretch for 10 minutes" (or /cancel).',
    askHabitTime: 'When should I remind you? HH:MM, e.g. 07:30, or "none".',
    askHabitSchedule: (title: string) => `How often "${title}"?`,
    schedules: {
      d: 'Every day',
      wd: 'Weekdays',
      w3: '3 times a week',
      n2: 'Every other day',
    },
    streak: (days: number) => `🔥 ${days} day${days === 1 ? '' : 's'} in a row`,
    best: 'Best streak',
    strength: 'Habit strength',
    last30: 'Last 30 days',
    reminderAt: (times: string) => `⏰ Reminder: ${times}`,
    noReminder: '⏰ No reminder',
    paused: '⏸ Paused',
    habitButtons: {
      done: '✅ Done',
      skip: '⏭ Skip',
      undo: '↩️ Undo',
      pause: '⏸ Pause',
      resume: '▶️ Resume',
      time: '⏰ Time',
      delete: '🗑 Delete',
      yesDelete: '🗑 Yes, delete',
    },
    checkedIn: (streak: number) => `✅ Done · 🔥 ${streak}`,
    skipped: '⏭ Skipped for today',
    undone: '↩️ Mark removed',
    targetReached: (title: string, done: number) =>
      `🎉 You reached the target of "${title}": ${done} day${done === 1 ? '' : 's'}! Keep going or archive it?`,
    keepGoing: (target: number) => `🚀 Keep going to ${target}`,
    archiveHabit: '📦 Archive',
    targetRaised: (target: number) => `🚀 New target: ${target} day${target === 1 ? '' : 's'}`,
    habitArchived: '📦 Habit archived',
    picture: '📊 Picture',
    pictureCaption: (title: string) => `📊 "${title}": the last 12 weeks`,
    confirmDeleteHabit: (title: string) => `Delete the habit "${title}" with all its marks?`,
    habitDeleted: 'Habit deleted.',
  },
});
