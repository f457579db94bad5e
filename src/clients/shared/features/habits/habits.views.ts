import { DateTime } from 'luxon';
import type {
  HabitCardQuery,
  HabitFieldsFragment,
  HabitListQuery,
  HabitScheduleInput,
} from '../../gql/graphql.js';
import { markup, truncate } from '../../html.js';
import { button, screen, type Button, type Screen } from '../../screen.js';
import type { Texts } from '../../texts.js';

export const HABITS_PAGE_SIZE = 8;

/** The schedule presets a new habit picks from (their codes go into callback data). */
export type SchedulePreset = 'd' | 'wd' | 'w3' | 'n2';
export const SCHEDULE_PRESETS: Record<SchedulePreset, HabitScheduleInput> = {
  d: { kind: 'DAILY' },
  wd: { kind: 'WEEKDAYS', weekdays: [1, 2, 3, 4, 5] },
  w3: { kind: 'TIMES_PER_WEEK', count: 3 },
  n2: { kind: 'EVERY_N_DAYS', count: 2 },
};

/** A day's mark by its check-in status. */
export const CHECK_IN_MARKS: Record<string, string> = { DONE: '✅', SKIPPED: '⏭', MISSED: '✖️' };

/** Active habits first with today's ✅/⬜ and the streak; a check-in button for pending ones. */
export function habitsScreen(t: Texts, data: HabitListQuery, offset: number): Screen {
  const todayOf = new Map(data.today.habits.map((entry) => [entry.habit.id, entry.checkIn]));
  const items = data.habits.items;
  const lines = [markup`<b>${t.habitsTitle}</b>`];
  if (items.length === 0 && offset === 0) lines.push(markup`${t.noHabits}`);
  const rows: Button[][] = items.map((habit) => {
    const due = todayOf.has(habit.id);
    const mark = CHECK_IN_MARKS[todayOf.get(habit.id) ?? ''] ?? (due ? '⬜' : '▫️');
    const label = `${mark} ${truncate(habit.title, 32)} · 🔥${habit.currentStreak}`;
    const open = button(label, { a: 'habit', habitId: habit.id });
    const pending = due && !todayOf.get(habit.id) && habit.status === 'ACTIVE';
    return pending ? [open, button('✅', { a: 'habitDoneInList', habitId: habit.id })] : [open];
  });
  const paging: Button[] = [];
  if (offset > 0) {
    paging.push(button(t.prev, { a: 'habits', offset: Math.max(0, offset - HABITS_PAGE_SIZE) }));
  }
  if (data.habits.hasMore) {
    paging.push(button(t.next, { a: 'habits', offset: offset + HABITS_PAGE_SIZE }));
  }
  if (paging.length) rows.push(paging);
  rows.push([button(t.newHabit, { a: 'newHabit' }), button(t.toMenu, { a: 'menu' })]);
  return screen(lines.join('\n'), rows);
}

function scheduleLine(t: Texts, habit: HabitFieldsFragment): string {
  const { kind, count, weekdays } = habit.schedule;
  if (kind === 'DAILY') return t.schedules.d;
  if (kind === 'TIMES_PER_WEEK' && count === 3) return t.schedules.w3;
  if (kind === 'EVERY_N_DAYS' && count === 2) return t.schedules.n2;
  if (kind === 'WEEKDAYS' && weekdays.join() === '1,2,3,4,5') return t.schedules.wd;
  return `${kind.toLowerCase().replace(/_/g, ' ')}${count ? ` ${count}` : ''}`;
}

/** Schedule, streak, best, strength, the last 30 days as marks, and what can be done. */
export function habitCard(
  t: Texts,
  habit: NonNullable<HabitCardQuery['habit']>,
  today: string,
): Screen {
  const byDate = new Map(habit.checkIns.map((checkIn) => [checkIn.localDate, checkIn.status]));
  const first = DateTime.fromISO(today).minus({ days: 29 });
  const marks = Array.from({ length: 30 }, (_, i) => {
    const date = first.plus({ days: i }).toISODate() ?? '';
    return CHECK_IN_MARKS[byDate.get(date) ?? ''] ?? '▫️';
  });
  const lines = [
    markup`🔁 <b>${habit.title}</b>`,
    markup`📅 ${scheduleLine(t, habit)}`,
    habit.reminderTimes.length
      ? markup`${t.reminderAt(habit.reminderTimes.join(', '))}`
      : markup`${t.noReminder}`,
    markup`${t.streak(habit.currentStreak)} · ${t.best}: ${habit.bestStreak}`,
    markup`💪 ${t.strength}: ${Math.round(habit.strength * 100)}%`,
    markup`${t.last30}:`,
    `${marks.slice(0, 15).join('')}\n${marks.slice(15).join('')}`,
  ];
  if (habit.status === 'PAUSED') lines.push(markup`${t.paused}`);
  const habitId = habit.id;
  const checkedToday = byDate.has(today);
  const rows: Button[][] = [
    checkedToday
      ? [button(t.habitButtons.undo, { a: 'habitUndo', habitId })]
      : [
          button(t.habitButtons.done, { a: 'habitDone', habitId }),
          button(t.habitButtons.skip, { a: 'habitSkip', habitId }),
        ],
    [button(t.picture, { a: 'habitPicture', habitId })],
    [
      habit.status === 'PAUSED'
        ? button(t.habitButtons.resume, { a: 'habitResume', habitId })
        : button(t.habitButtons.pause, { a: 'habitPause', habitId }),
      button(t.habitButtons.time, { a: 'habitTime', habitId }),
      button(t.habitButtons.delete, { a: 'habitDelete', habitId }),
    ],
    [button(t.back, { a: 'habits', offset: 0 }), button(t.toMenu, { a: 'menu' })],
  ];
  return screen(lines.join('\n'), rows);
}

/** "How often?" right after a habit is named. */
export function scheduleChoice(t: Texts, habit: HabitFieldsFragment): Screen {
  const presets = Object.keys(SCHEDULE_PRESETS) as SchedulePreset[];
  return screen(markup`${t.askHabitSchedule(habit.title)}`, [
    ...presets.map((preset) => [
      button(t.schedules[preset], { a: 'habitSchedule', habitId: habit.id, preset }),
    ]),
  ]);
}

export function confirmHabitDelete(t: Texts, habit: HabitFieldsFragment): Screen {
  return screen(markup`${t.confirmDeleteHabit(habit.title)}`, [
    [
      button(t.habitButtons.yesDelete, { a: 'habitDeleteYes', habitId: habit.id }),
      button(t.back, { a: 'habit', habitId: habit.id }),
    ],
  ]);
}

/** What a habit that reached its target offers: the same distance again, or the archive. */
export function targetReachedScreen(
  t: Texts,
  habit: { id: string; title: string; target?: number | null; doneCount: number },
): Screen {
  const next = habit.doneCount + (habit.target ?? habit.doneCount);
  return screen(markup`${t.targetReached(habit.title, habit.doneCount)}`, [
    [
      button(t.keepGoing(next), { a: 'habitRaise', habitId: habit.id, target: next }),
      button(t.archiveHabit, { a: 'habitArchive', habitId: habit.id }),
    ],
  ]);
}
