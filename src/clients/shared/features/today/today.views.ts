import { DateTime } from 'luxon';
import { localTime } from '../../format.js';
import type { TodayViewQuery } from '../../gql/graphql.js';
import { markup, truncate } from '../../html.js';
import { button, screen, type Button, type Screen } from '../../screen.js';
import type { Lang, Texts } from '../../texts.js';
import { occurrenceLine } from '../calendar/calendar.views.js';
import { CHECK_IN_MARKS } from '../habits/habits.views.js';

type Today = TodayViewQuery['today'];

/** Lines of one section shown in the text; the rest is counted ("…and 3 more"). */
const LINES_PER_SECTION = 12;
/** Buttons per section: a screen stays within the messengers' keyboard sizes. */
const HABIT_BUTTONS = 10;
const ITEM_BUTTONS = 5;

function section(t: Texts, heading: string, lines: string[]): string[] {
  const shown = lines.slice(0, LINES_PER_SECTION);
  if (lines.length > shown.length) shown.push(markup`${t.todayMore(lines.length - shown.length)}`);
  return ['', markup`<b>${heading}</b>`, ...shown];
}

const habitLabel = ({ habit, checkIn }: Today['habits'][number]) =>
  `${CHECK_IN_MARKS[checkIn ?? ''] ?? '⬜'} ${truncate(habit.title, 32)} · 🔥${habit.currentStreak}`;

const stepTime = (step: Today['steps'][number], timezone: string) =>
  step.plannedStart ? localTime(step.plannedStart, timezone) : '';

/**
 * The user's day in one screen: habits due with ✅/⬜ and the streak (a pending one checks in
 * with a tap, a checked one opens its card), steps planned and events, each opening its card.
 */
export function todayScreen(t: Texts, lang: Lang, timezone: string, today: Today): Screen {
  const day = DateTime.fromISO(today.date).setLocale(lang);
  const weekday = t.weekdays[day.weekday - 1] ?? '';
  const lines = [markup`<b>${t.todayTitle(`${weekday}, ${day.toFormat('dd.MM')}`)}</b>`];
  const { habits, steps, events } = today;
  const rows: Button[][] = [];
  if (habits.length + steps.length + events.length === 0) {
    lines.push('', markup`${t.todayEmpty}`);
    rows.push([
      button(t.menu.newEvent, { a: 'newEvent' }),
      button(t.menu.habits, { a: 'habits', offset: 0 }),
    ]);
  }
  if (habits.length) {
    const done = habits.filter((entry) => entry.checkIn === 'DONE').length;
    lines.push(
      ...section(
        t,
        t.todayHabits(done, habits.length),
        habits.map((h) => markup`${habitLabel(h)}`),
      ),
    );
    for (const entry of habits.slice(0, HABIT_BUTTONS)) {
      const habitId = entry.habit.id;
      const tap = entry.checkIn
        ? { a: 'habit' as const, habitId }
        : { a: 'todayCheckIn' as const, habitId };
      rows.push([button(habitLabel(entry), tap)]);
    }
  }
  if (steps.length) {
    const label = (step: Today['steps'][number]) =>
      `${step.status === 'DONE' ? '✅' : '⬜'} ${stepTime(step, timezone)} ${step.title}`;
    lines.push(
      ...section(
        t,
        t.todaySteps,
        steps.map((step) => markup`${label(step)}`),
      ),
    );
    for (const step of steps.slice(0, ITEM_BUTTONS)) {
      rows.push([button(`🎯 ${truncate(label(step), 40)}`, { a: 'step', stepId: step.id })]);
    }
  }
  if (events.length) {
    const occurrences = events.map((item) => occurrenceLine(item, lang, timezone));
    lines.push(...section(t, t.todayEvents, occurrences));
    for (const item of events.slice(0, ITEM_BUTTONS)) {
      const when = item.event.allDay ? '📌' : `⏰ ${localTime(item.start, timezone)}`;
      rows.push([
        button(`${when} ${truncate(item.event.title, 40)}`, { a: 'event', eventId: item.event.id }),
      ]);
    }
  }
  rows.push([
    button(t.todayInCalendar, { a: 'calendar', mode: 'd', date: today.date }),
    button(t.toMenu, { a: 'menu' }),
  ]);
  return screen(lines.join('\n'), rows);
}
