import { DateTime } from 'luxon';
import { keyOf, nonNegativeInt, uuid } from '../../callback-data.js';
import { beginDialog } from '../../dialog.js';
import { todayIn } from '../../format.js';
import {
  ArchiveHabitDocument,
  CheckInHabitDocument,
  CreateHabitDocument,
  DeleteHabitDocument,
  HabitCardDocument,
  HabitHeatmapPictureDocument,
  HabitListDocument,
  PauseHabitDocument,
  ResumeHabitDocument,
  UndoHabitCheckInDocument,
  UpdateHabitDocument,
  type CheckInStatus,
} from '../../gql/graphql.js';
import { meansNone, parseTime } from '../../parse-input.js';
import { markup } from '../../html.js';
import type { Screen } from '../../screen.js';
import type { Turn } from '../../turn.js';
import type { Dialogs, Feature } from '../feature.js';
import {
  confirmHabitDelete,
  habitCard,
  habitsScreen,
  scheduleChoice,
  SCHEDULE_PRESETS,
  targetReachedScreen,
  type SchedulePreset,
} from './habits.views.js';

export type HabitsCallback =
  | { a: 'habits'; offset: number }
  | { a: 'habit'; habitId: string }
  | { a: 'newHabit' }
  | { a: 'habitSchedule'; habitId: string; preset: SchedulePreset }
  | { a: 'habitDone'; habitId: string }
  | { a: 'habitDoneInList'; habitId: string }
  | { a: 'habitSkip'; habitId: string }
  | { a: 'habitUndo'; habitId: string }
  | { a: 'habitPause'; habitId: string }
  | { a: 'habitResume'; habitId: string }
  | { a: 'habitTime'; habitId: string }
  | { a: 'habitDelete'; habitId: string }
  | { a: 'habitDeleteYes'; habitId: string }
  | { a: 'habitPicture'; habitId: string }
  | { a: 'habitRaise'; habitId: string; target: number }
  | { a: 'habitArchive'; habitId: string };

export type HabitsDialog = { kind: 'habitTitle' } | { kind: 'habitTime'; habitId: string };

async function listOf(turn: Turn, offset: number): Promise<Screen> {
  return habitsScreen(turn.t, await turn.api(HabitListDocument, { offset }), offset);
}

export async function cardOf(turn: Turn, habitId: string): Promise<Screen> {
  const today = todayIn(turn.timezone);
  const from = DateTime.fromISO(today).minus({ days: 29 }).toISODate() ?? today;
  const { habit } = await turn.api(HabitCardDocument, { id: habitId, from, to: today });
  return habitCard(turn.t, habit, today);
}

/** Checks today in (done or skipped), says the streak in a toast, celebrates a target. */
export async function checkInHabit(
  turn: Turn,
  habitId: string,
  status: CheckInStatus,
): Promise<void> {
  const { checkIn: result } = await turn.api(CheckInHabitDocument, {
    habitId,
    input: { status, source: 'BOT' },
  });
  const { t } = turn;
  await turn.answer(status === 'DONE' ? t.checkedIn(result.habit.currentStreak) : t.skipped);
  if (result.targetReached) await turn.send(targetReachedScreen(t, result.habit));
}

const dialogs: Dialogs<HabitsDialog> = {
  habitTitle: {
    prompt: (t) => t.askHabitTitle,
    fields: {},
    async answer(turn, _dialog, text) {
      const { createHabit } = await turn.api(CreateHabitDocument, {
        input: { title: text, schedule: { kind: 'DAILY' } },
      });
      return scheduleChoice(turn.t, createHabit);
    },
  },
  habitTime: {
    prompt: (t) => t.askHabitTime,
    fields: { habitId: uuid },
    async answer(turn, { habitId }, text) {
      const time = meansNone(text) ? null : parseTime(text);
      if (time === null && !meansNone(text)) return { retry: turn.t.badTime };
      await turn.api(UpdateHabitDocument, {
        id: habitId,
        input: { reminderTimes: time ? [time] : [] },
      });
      return cardOf(turn, habitId);
    },
  },
};

const showList = async (turn: Turn) => turn.show(await listOf(turn, 0));

/** Habits: the list with today's marks, a habit's card, check-ins, creating and editing. */
export const habitsFeature: Feature<HabitsCallback, HabitsDialog, 'habits'> = {
  commands: { habits: showList },
  buttons: {
    habits: {
      code: 'hl',
      fields: { offset: nonNegativeInt },
      press: async (turn, { offset }) => turn.show(await listOf(turn, offset)),
    },
    habit: {
      code: 'hb',
      fields: { habitId: uuid },
      press: async (turn, { habitId }) => turn.show(await cardOf(turn, habitId)),
    },
    newHabit: {
      code: 'hn',
      fields: {},
      press: (turn) => beginDialog(turn, dialogs.habitTitle, { kind: 'habitTitle' }),
    },
    habitSchedule: {
      code: 'hs',
      fields: { habitId: uuid, preset: keyOf(SCHEDULE_PRESETS) },
      async press(turn, { habitId, preset }) {
        await turn.api(UpdateHabitDocument, {
          id: habitId,
          input: { schedule: SCHEDULE_PRESETS[preset] },
        });
        await turn.show(await cardOf(turn, habitId));
      },
    },
    habitDone: {
      code: 'hc',
      fields: { habitId: uuid },
      async press(turn, { habitId }) {
        await checkInHabit(turn, habitId, 'DONE');
        await turn.show(await cardOf(turn, habitId));
      },
    },
    habitDoneInList: {
      code: 'hcl',
      fields: { habitId: uuid },
      async press(turn, { habitId }) {
        await checkInHabit(turn, habitId, 'DONE');
        await turn.show(await listOf(turn, 0));
      },
    },
    habitSkip: {
      code: 'hk',
      fields: { habitId: uuid },
      async press(turn, { habitId }) {
        await checkInHabit(turn, habitId, 'SKIPPED');
        await turn.show(await cardOf(turn, habitId));
      },
    },
    habitUndo: {
      code: 'hu',
      fields: { habitId: uuid },
      async press(turn, { habitId }) {
        await turn.api(UndoHabitCheckInDocument, { habitId });
        await turn.answer(turn.t.undone);
        await turn.show(await cardOf(turn, habitId));
      },
    },
    habitPause: {
      code: 'hp',
      fields: { habitId: uuid },
      async press(turn, { habitId }) {
        await turn.api(PauseHabitDocument, { id: habitId });
        await turn.show(await cardOf(turn, habitId));
      },
    },
    habitResume: {
      code: 'hr',
      fields: { habitId: uuid },
      async press(turn, { habitId }) {
        await turn.api(ResumeHabitDocument, { id: habitId });
        await turn.show(await cardOf(turn, habitId));
      },
    },
    habitTime: {
      code: 'ht',
      fields: { habitId: uuid },
      press: (turn, { habitId }) =>
        beginDialog(turn, dialogs.habitTime, { kind: 'habitTime', habitId }),
    },
    habitDelete: {
      code: 'hx',
      fields: { habitId: uuid },
      async press(turn, { habitId }) {
        const today = todayIn(turn.timezone);
        const { habit } = await turn.api(HabitCardDocument, {
          id: habitId,
          from: today,
          to: today,
        });
        await turn.show(confirmHabitDelete(turn.t, habit));
      },
    },
    habitDeleteYes: {
      code: 'hxy',
      fields: { habitId: uuid },
      async press(turn, { habitId }) {
        await turn.api(DeleteHabitDocument, { id: habitId });
        await turn.answer(turn.t.habitDeleted);
        await turn.show(await listOf(turn, 0));
      },
    },
    habitPicture: {
      code: 'hpic',
      fields: { habitId: uuid },
      async press(turn, { habitId }) {
        const [{ habitHeatmap }, { habit }] = await Promise.all([
          turn.api(HabitHeatmapPictureDocument, { habitId }),
          turn.api(HabitCardDocument, {
            id: habitId,
            from: todayIn(turn.timezone),
            to: todayIn(turn.timezone),
          }),
        ]);
        await turn.sendPicture(
          habitHeatmap.url,
          'habit.png',
          markup`${turn.t.pictureCaption(habit.title)}`,
        );
      },
    },
    habitRaise: {
      code: 'htr',
      fields: { habitId: uuid, target: nonNegativeInt },
      async press(turn, { habitId, target }) {
        await turn.api(UpdateHabitDocument, { id: habitId, input: { target } });
        await turn.answer(turn.t.targetRaised(target));
        await turn.show(await cardOf(turn, habitId));
      },
    },
    habitArchive: {
      code: 'hta',
      fields: { habitId: uuid },
      async press(turn, { habitId }) {
        await turn.api(ArchiveHabitDocument, { id: habitId });
        await turn.answer(turn.t.habitArchived);
        await turn.show(await listOf(turn, 0));
      },
    },
  },
  dialogs,
};
