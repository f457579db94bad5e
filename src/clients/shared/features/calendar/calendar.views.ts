import { DateTime } from 'luxon';
import { dayHeading, duration, localDate, localTime, todayIn } from '../../format.js';
import type { CalendarQuery, EventCardFieldsFragment } from '../../gql/graphql.js';
import { markup, truncate } from '../../html.js';
import { recurrenceLabel } from '../../../../common/recurrence-label.js';
import { reminderPresetRows, remindersLine } from '../../reminder-presets.js';
import { button, screen, type Button, type Screen } from '../../screen.js';
import type { Lang, Texts } from '../../texts.js';

export type CalendarMode = 'd' | 'w';
type Occurrence = CalendarQuery['events'][number];
type Busy = CalendarQuery['externalBusy'][number];
/** A line of a day: maxOn's event, or busy time from a connected calendar. */
type DayLine = { start: string; html: string };

/** [from, to) of the day, or of the Monday-to-Sunday week holding `date`, in `timezone`. */
export function calendarRange(mode: CalendarMode, date: string, timezone: string) {
  const day = DateTime.fromISO(date, { zone: timezone }).startOf('day');
  const from = mode === 'd' ? day : day.startOf('week');
  const to = from.plus({ days: mode === 'd' ? 1 : 7 });
  return { from, to };
}

export function calendarScreen(
  t: Texts,
  lang: Lang,
  timezone: string,
  mode: CalendarMode,
  date: string,
  occurrences: Occurrence[],
  busy: Busy[] = [],
): Screen {
  const { from, to } = calendarRange(mode, date, timezone);
  const byDay = new Map<string, DayLine[]>();
  const add = (line: DayLine) => {
    // Busy time that began before the range is shown on its first day.
    const start = DateTime.max(DateTime.fromISO(line.start, { zone: timezone }), from);
    const day = start.toISODate() ?? '';
    byDay.set(day, [...(byDay.get(day) ?? []), line]);
  };
  for (const item of occurrences) {
    add({ start: item.start, html: occurrenceLine(item, lang, timezone) });
  }
  for (const item of busy) add({ start: item.startsAt, html: busyLine(t, item, timezone) });
  // A week says which one (an empty one too); a day's heading already names it.
  const lines: string[] =
    mode === 'w' ? [markup`📅 <b>${weekTitle(t, lang, from, to)}</b>`, ''] : [];
  for (let day = from; day < to; day = day.plus({ days: 1 })) {
    const items = byDay.get(day.toISODate() ?? '') ?? [];
    if (mode === 'w' && items.length === 0) continue;
    lines.push(markup`<b>${dayHeading(day, t)}</b>`);
    items.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    for (const item of items) lines.push(item.html);
    lines.push('');
  }
  if (occurrences.length === 0 && busy.length === 0) lines.push(markup`${t.calendarEmpty}`);

  const step = mode === 'd' ? { days: 1 } : { weeks: 1 };
  const iso = (value: DateTime) => value.toISODate() ?? date;
  const anchor = DateTime.fromISO(date, { zone: timezone });
  const rows: Button[][] = occurrences
    .slice(0, 8)
    .map((item) => [
      button(
        `${item.event.allDay ? '📌' : `⏰ ${localTime(item.start, timezone)}`} ${truncate(item.event.title, 40)}`,
        { a: 'event', eventId: item.event.id },
      ),
    ]);
  rows.push(
    [
      button(t.prev, { a: 'calendar', mode, date: iso(anchor.minus(step)) }),
      mode === 'd'
        ? button(t.calendarWeek, { a: 'calendar', mode: 'w', date })
        : button(t.calendarDay, { a: 'calendar', mode: 'd', date }),
      button(t.next, { a: 'calendar', mode, date: iso(anchor.plus(step)) }),
    ],
    [
      button(t.today, { a: 'calendar', mode, date: todayIn(timezone) }),
      button(t.toMenu, { a: 'menu' }),
    ],
  );
  return screen(lines.join('\n').trim(), rows);
}

/** "Неделя 7–13 декабря", "Неделя 28 декабря – 3 января" / "Week of Dec 7–13". */
export function weekTitle(t: Texts, lang: Lang, from: DateTime, to: DateTime): string {
  const first = from.setLocale(lang);
  const last = to.minus({ days: 1 }).setLocale(lang);
  const sameMonth = first.month === last.month;
  if (lang === 'ru') {
    const start = sameMonth ? first.toFormat('d') : first.toFormat('d MMMM');
    return `${t.calendarWeek} ${start}–${last.toFormat('d MMMM')}`;
  }
  const end = sameMonth ? last.toFormat('d') : last.toFormat('MMM d');
  return `${t.calendarWeekOf} ${first.toFormat('MMM d')}–${end}`;
}

/** "⛔ 10:00–11:30 Планёрка" (or "Занято" when the calendar gives no title). */
function busyLine(t: Texts, item: Busy, timezone: string): string {
  const span = `${localTime(item.startsAt, timezone)}–${localTime(item.endsAt, timezone)}`;
  return markup`⛔ ${span} <i>${item.title || t.busyLabel}</i>`;
}

/** "⏰ 15:00 Встреча (2ч)", "📌 День рождения". */
export function occurrenceLine(
  item: Pick<Occurrence, 'start'> & {
    event: Pick<Occurrence['event'], 'allDay' | 'title' | 'durationMinutes'>;
  },
  lang: Lang,
  timezone: string,
): string {
  if (item.event.allDay) return markup`📌 ${item.event.title}`;
  const length = duration(item.event.durationMinutes, lang);
  return markup`⏰ ${localTime(item.start, timezone)} ${item.event.title} (${length})`;
}

export function eventCard(
  t: Texts,
  lang: Lang,
  timezone: string,
  event: EventCardFieldsFragment,
): Screen {
  const start = DateTime.fromISO(event.startsAt, { zone: timezone });
  const date = start.toISODate() ?? '';
  const end = start.plus({ minutes: event.durationMinutes }).toISO() ?? event.startsAt;
  const lines = [
    markup`📅 <b>${event.title}</b>`,
    event.allDay
      ? markup`${localDate(date)}`
      : markup`${localDate(date)} ⏰ ${localTime(event.startsAt, timezone)}–${localTime(end, timezone)} (${duration(event.durationMinutes, lang)})`,
  ];
  if (event.recurrence) {
    lines.push(markup`${t.eventRecurring}: ${recurrenceLabel(event.recurrence, lang)}`);
  }
  lines.push(markup`${remindersLine(remindersOf(event), lang)}`);
  if (event.remindersDisabledReason) lines.push(markup`<i>${event.remindersDisabledReason}</i>`);
  if (event.notes) lines.push(markup`<i>${truncate(event.notes, 500)}</i>`);
  return screen(lines.join('\n'), [
    [
      button(t.eventButtons.date, { a: 'eventEditDate', eventId: event.id }),
      button(t.eventButtons.time, { a: 'eventEditTime', eventId: event.id }),
      button(t.eventButtons.delete, { a: 'eventDelete', eventId: event.id }),
    ],
    [
      button(t.editButtons.title, { a: 'eventEditTitle', eventId: event.id }),
      button(t.editButtons.duration, { a: 'eventEditDuration', eventId: event.id }),
    ],
    [
      button(t.eventButtons.reminders, { a: 'eventReminders', eventId: event.id }),
      button(t.editButtons.repeat, { a: 'eventRepeat', eventId: event.id }),
    ],
    [button(t.editButtons.notes, { a: 'eventEditNotes', eventId: event.id })],
    [button(t.back, { a: 'calendar', mode: 'd', date }), button(t.toMenu, { a: 'menu' })],
  ]);
}

/** The offsets that will really remind: none when the event's reminders are switched off. */
export const remindersOf = (event: EventCardFieldsFragment): number[] =>
  event.reminderEnabled ? event.reminderMinutesBefore : [];

/** Choosing an event's reminders from the presets, several at once or none. */
export function eventRemindersScreen(t: Texts, lang: Lang, event: EventCardFieldsFragment): Screen {
  const chosen = remindersOf(event);
  const eventId = event.id;
  return screen(
    [
      markup`<b>${t.remindersTitle(event.title)}</b>`,
      markup`${remindersLine(chosen, lang)}`,
      markup`${t.remindersHint}`,
    ].join('\n'),
    [
      ...reminderPresetRows(
        chosen,
        lang,
        (minutes) => ({ a: 'eventReminderToggle', eventId, minutes }),
        { a: 'eventReminderNone', eventId },
      ),
      [button(t.customOffsets, { a: 'eventRemindersCustom', eventId })],
      [button(t.back, { a: 'event', eventId }), button(t.toMenu, { a: 'menu' })],
    ],
  );
}

/** Deleting asks first: the event's title, and for a series that all of it goes. */
export function eventDeleteConfirm(t: Texts, event: EventCardFieldsFragment): Screen {
  return screen(markup`${t.confirmDeleteEvent(event.title, Boolean(event.recurrence))}`, [
    [
      button(t.goalButtons.yesDelete, { a: 'eventDeleteYes', eventId: event.id }),
      button(t.back, { a: 'event', eventId: event.id }),
    ],
  ]);
}
