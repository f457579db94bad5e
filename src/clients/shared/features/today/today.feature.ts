import { uuid } from '../../callback-data.js';
import { TodayViewDocument } from '../../gql/graphql.js';
import type { Turn } from '../../turn.js';
import type { Feature } from '../feature.js';
import { checkInHabit } from '../habits/habits.feature.js';
import { todayScreen } from './today.views.js';

export type TodayCallback = { a: 'today' } | { a: 'todayCheckIn'; habitId: string };

async function showToday(turn: Turn): Promise<void> {
  const { today } = await turn.api(TodayViewDocument, {});
  await turn.show(todayScreen(turn.t, turn.lang, turn.timezone, today));
}

/** /today and the menu's "☀️ Сегодня": habits, steps and events of the user's day. */
export const todayFeature: Feature<TodayCallback, never, 'today'> = {
  commands: { today: showToday },
  buttons: {
    today: { code: 'td', fields: {}, press: showToday },
    todayCheckIn: {
      code: 'tdc',
      fields: { habitId: uuid },
      async press(turn, { habitId }) {
        // A second press of the same (stale) button finds the habit checked: no second
        // check-in, no error, just the day as it is.
        const { today } = await turn.api(TodayViewDocument, {});
        const entry = today.habits.find((item) => item.habit.id === habitId);
        if (entry?.checkIn === null) {
          await checkInHabit(turn, habitId, 'DONE');
          return showToday(turn);
        }
        await turn.answer(entry ? turn.t.todayAlreadyChecked : turn.t.todayNotDue);
        await turn.show(todayScreen(turn.t, turn.lang, turn.timezone, today));
      },
    },
  },
  dialogs: {},
};
