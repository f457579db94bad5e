import { defineTexts } from '../../../../common/texts.js';

/** The calendar and event cards. */
export const CALENDAR_TEXTS = defineTexts({
  ru: {
    askEventDate: 'На какую дату перенести? Например: 25.11 или «завтра».',
    askEventTime: 'Во сколько? Например: 15:30, «в 9», «16.30».',
    askNewEvent: 'Что и когда? Например: «Встреча с Олей завтра в 15:00 на час» (или /cancel).',
    calendarEmpty: 'Событий нет.',
    calendarDay: 'День',
    calendarWeek: 'Неделя',
    calendarWeekOf: 'Неделя',
    today: 'Сегодня',
    eventRecurring: '🔁 повторяется',
    eventButtons: {
      date: '📅 Дата',
      time: '⏰ Время',
      delete: '🗑 Удалить',
      reminders: '🔔 Напоминания',
    },
    remindersTitle: (title: string) => `🔔 Напоминания: ${title}`,
    remindersHint: 'Отметьте, когда напомнить (можно несколько).',
    eventDeleted: 'Событие удалено.',
    confirmDeleteEvent: (title: string, series: boolean) =>
      series ? `Удалить «${title}» со всеми повторами?` : `Удалить событие «${title}»?`,
  },
  en: {
    askEventDate: 'Move it to which date? E.g. 2026-11-25 or "tomorrow".',
    askEventTime: 'At what time? E.g. 15:30, "4:30pm", "at 9".',
    askNewEvent:
      'What and when? E.g. "Meeting with Olga tomorrow at 3pm for an hour" (or /cancel).',
    calendarEmpty: 'No events.',
    calendarDay: 'Day',
    calendarWeek: 'Week',
    calendarWeekOf: 'Week of',
    today: 'Today',
    eventRecurring: '🔁 repeats',
    eventButtons: {
      date: '📅 Date',
      time: '⏰ Time',
      delete: '🗑 Delete',
      reminders: '🔔 Reminders',
    },
    remindersTitle: (title: string) => `🔔 Reminders: ${title}`,
    remindersHint: 'Tick when to remind you (several are fine).',
    eventDeleted: 'Event deleted.',
    confirmDeleteEvent: (title: string, series: boolean) =>
      series ? `Delete "${title}" with all its repeats?` : `Delete the event "${title}"?`,
  },
});
