import { DateTime } from 'luxon';
import { NotificationActionKind, SnoozePreset, type Language } from '../../entities/index.js';
import type { NotificationAction } from '../../entities/index.js';
import { progressBar } from '../../common/progress-bar.js';
import { pluralRu, streakLine } from '../../common/streak.js';
import { defineTexts, langOf, type Lang } from '../../common/texts.js';

/** Every user-facing word of notifications, in Russian (the default) and English. */
const TEXTS = defineTexts({
  ru: {
    eventSoon: (title: string, when: string, minutes: number) =>
      minutes === 0
        ? `⏰ Сейчас: ${title} (${when})`
        : minutes < 0
          ? `⏰ Началось ${humanMinutes(-minutes, 'ru')} назад: ${title} (${when})`
          : `⏰ Через ${humanMinutes(minutes, 'ru')}: ${title} (${when})`,
    deadline: (title: string, days: number, progress: number, date: string) =>
      `🎯 ${title}: ${days === 0 ? 'дедлайн сегодня' : `до дедлайна ${daysRu(days)}`} (${date}). ` +
      `Прогресс ${progress}%. ${progress >= 80 ? 'Финишная прямая — дожмите!' : 'Выберите один шаг и сделайте его сегодня.'}`,
    overdueHeader: 'Просроченные шаги:',
    overdueFooter: 'Отметьте сделанное или перенесите — план должен быть честным.',
    habitsPendingHeader: '🔁 Привычки, ещё не отмеченные сегодня:',
    habitsPendingFooter: 'Ещё есть время — отметьте одним нажатием.',
    digestHeader: (date: string) => `☀️ Доброе утро! План на ${date}:`,
    digestNoEvents: 'Событий на сегодня нет.',
    digestGoals: 'Цели:',
    reminder: (text: string) => `🔔 ${text}`,
    habitDue: (title: string, streak: number) =>
      streak > 0 ? `🔁 Пора: ${title} (${streakLine(streak, 'ru')})` : `🔁 Пора: ${title}`,
    missedHeader: (count: number) =>
      `⚠️ Пока maxOn был недоступен, пропущено напоминаний: ${count}. Вот они:`,
    missedMore: (count: number) => `…и ещё ${count}`,
    labels: {
      done: 'Готово',
      checkInHabit: '✅ Готово',
      skipHabit: '⏭ Пропустить сегодня',
      completeStep: (title: string) => `✅ ${title}`,
      [SnoozePreset.MINUTES_10]: 'Через 10 мин',
      [SnoozePreset.HOUR_1]: 'Через час',
      [SnoozePreset.THIS_EVENING]: 'Вечером',
      [SnoozePreset.TOMORROW_MORNING]: 'Завтра утром',
    },
    motivation: [
      'Маленький шаг сегодня лучше большого плана на завтра.',
      'Дисциплина — это выбор того, чего вы хотите больше всего, вместо того, чего хочется сейчас.',
      'Сделайте самое трудное первым — остальное пойдёт легче.',
      'Прогресс важнее совершенства.',
      'Двадцать минут фокуса сдвигают цель сильнее, чем день сомнений.',
    ],
  },
  en: {
    eventSoon: (title: string, when: string, minutes: number) =>
      minutes === 0
        ? `⏰ Now: ${title} (${when})`
        : minutes < 0
          ? `⏰ Started ${humanMinutes(-minutes, 'en')} ago: ${title} (${when})`
          : `⏰ In ${humanMinutes(minutes, 'en')}: ${title} (${when})`,
    deadline: (title: string, days: number, progress: number, date: string) =>
      `🎯 ${title}: ${days === 0 ? 'the deadline is today' : `${days} day${days === 1 ? '' : 's'} to the deadline`} (${date}). ` +
      `Progress ${progress}%. ${progress >= 80 ? 'The finish line is close — push through!' : 'Pick one step and do it today.'}`,
    overdueHeader: 'Overdue steps:',
    overdueFooter: 'Mark what is done or move it — keep the plan honest.',
    habitsPendingHeader: '🔁 Habits not checked off today yet:',
    habitsPendingFooter: 'There is still time — one tap each.',
    digestHeader: (date: string) => `☀️ Good morning! Your plan for ${date}:`,
    digestNoEvents: 'No events today.',
    digestGoals: 'Goals:',
    reminder: (text: string) => `🔔 ${text}`,
    habitDue: (title: string, streak: number) =>
      streak > 0 ? `🔁 Time for: ${title} (${streakLine(streak, 'en')})` : `🔁 Time for: ${title}`,
    missedHeader: (count: number) =>
      `⚠️ While maxOn was unavailable, ${count} reminder${count === 1 ? ' was' : 's were'} missed:`,
    missedMore: (count: number) => `…and ${count} more`,
    labels: {
      done: 'Done',
      checkInHabit: '✅ Done',
      skipHabit: '⏭ Skip today',
      completeStep: (title: string) => `✅ ${title}`,
      [SnoozePreset.MINUTES_10]: 'In 10 min',
      [SnoozePreset.HOUR_1]: 'In 1 hour',
      [SnoozePreset.THIS_EVENING]: 'This evening',
      [SnoozePreset.TOMORROW_MORNING]: 'Tomorrow morning',
    },
    motivation: [
      'A small step today beats a big plan for tomorrow.',
      'Discipline is choosing what you want most over what you want now.',
      'Do the hardest thing first; the rest gets easier.',
      'Progress over perfection.',
      'Twenty focused minutes move a goal more than a day of doubt.',
    ],
  },
});

export type NotificationTexts = (typeof TEXTS)[Lang];

export function textsFor(language: Language): NotificationTexts {
  return TEXTS[langOf(language)];
}

function humanMinutes(minutes: number, language: Lang): string {
  if (minutes % (24 * 60) === 0) {
    const days = minutes / (24 * 60);
    return language === 'ru' ? daysRu(days) : `${days} day${days === 1 ? '' : 's'}`;
  }
  if (minutes % 60 === 0) {
    const hours = minutes / 60;
    if (language === 'en') return `${hours} hour${hours === 1 ? '' : 's'}`;
    return hours === 1 ? 'час' : `${hours} ${pluralRu(hours, 'час', 'часа', 'часов')}`;
  }
  return language === 'ru' ? `${minutes} мин` : `${minutes} min`;
}

function daysRu(days: number): string {
  return `${days} ${pluralRu(days, 'день', 'дня', 'дней')}`;
}

/** Local "HH:mm", with the date ("d MMMM") when it is not today. */
export function localWhen(instant: Date, timezone: string, language: Language, now: Date): string {
  const local = DateTime.fromJSDate(instant, { zone: timezone }).setLocale(language);
  const sameDay = local.hasSame(DateTime.fromJSDate(now, { zone: timezone }), 'day');
  return sameDay ? local.toFormat('HH:mm') : local.toFormat('d MMMM, HH:mm');
}

export function localDateLabel(date: string, language: Language): string {
  return DateTime.fromISO(date).setLocale(language).toFormat('d MMMM');
}

export { progressBar };

/** "🎯 Title ▓▓▓░░░░░░░ 30%", as the digest and the assistant show a goal. */
export function goalProgressLine(goal: { title: string; progress: number }): string {
  return `🎯 ${goal.title} ${progressBar(goal.progress)} ${goal.progress}%`;
}

export function motivationFor(language: Language, date: string): string {
  const lines = textsFor(language).motivation;
  const dayNumber = Math.floor(Date.parse(date) / 86_400_000);
  return lines[dayNumber % lines.length] ?? lines[0] ?? '';
}

const SNOOZE_BUTTONS = [
  SnoozePreset.MINUTES_10,
  SnoozePreset.HOUR_1,
  SnoozePreset.THIS_EVENING,
  SnoozePreset.TOMORROW_MORNING,
];

/** "Done" plus the snooze buttons, labelled in the user's language. */
export function doneAndSnoozeActions(language: Language): NotificationAction[] {
  const labels = textsFor(language).labels;
  return [{ kind: NotificationActionKind.DONE, label: labels.done }, ...snoozeActions(language)];
}

function snoozeActions(language: Language): NotificationAction[] {
  const labels = textsFor(language).labels;
  return SNOOZE_BUTTONS.map((snooze) => ({
    kind: NotificationActionKind.SNOOZE,
    label: labels[snooze],
    snooze,
  }));
}

export function completeStepAction(
  language: Language,
  stepId: string,
  title: string,
): NotificationAction {
  const label = textsFor(language).labels.completeStep(title);
  return { kind: NotificationActionKind.COMPLETE_STEP, label: label.slice(0, 64), stepId };
}

/** The evening nudge's one-tap check-in of a pending habit: "✅ Зарядка". */
export function checkInHabitAction(
  language: Language,
  habitId: string,
  title: string,
): NotificationAction {
  const label = textsFor(language).labels.completeStep(title);
  return { kind: NotificationActionKind.CHECK_IN_HABIT, label: label.slice(0, 64), habitId };
}

/** Under a habit reminder: check in, skip today, or the snooze buttons. */
export function habitReminderActions(language: Language, habitId: string): NotificationAction[] {
  const labels = textsFor(language).labels;
  return [
    { kind: NotificationActionKind.CHECK_IN_HABIT, label: labels.checkInHabit, habitId },
    { kind: NotificationActionKind.SKIP_HABIT, label: labels.skipHabit, habitId },
    ...snoozeActions(language),
  ];
}
