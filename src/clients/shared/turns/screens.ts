import {
  CalendarDocument,
  EventCardDocument,
  GoalCardDocument,
  GoalListDocument,
} from '../gql/graphql.js';
import type { Screen } from '../screen.js';
import { calendarRange, calendarScreen, eventCard, type CalendarMode } from '../views/calendar.js';
import { goalCard, goalList, GOALS_PAGE_SIZE } from '../views/goals.js';
import type { Turn } from './turn.js';

/** Screens that need data: each loads what it shows through the API. */

export async function goalsScreen(turn: Turn, offset: number): Promise<Screen> {
  const { goals } = await turn.api(GoalListDocument, { offset, limit: GOALS_PAGE_SIZE });
  return goalList(turn.t, goals, offset);
}

export async function goalScreen(turn: Turn, goalId: string): Promise<Screen> {
  const { goal } = await turn.api(GoalCardDocument, { id: goalId });
  return goalCard(turn.t, goal);
}

export async function calendarOf(turn: Turn, mode: CalendarMode, date: string): Promise<Screen> {
  const { from, to } = calendarRange(mode, date, turn.timezone);
  const { events } = await turn.api(CalendarDocument, {
    from: from.toUTC().toISO() ?? '',
    to: to.toUTC().toISO() ?? '',
  });
  return calendarScreen(turn.t, turn.lang, turn.timezone, mode, date, events);
}

export async function eventScreen(turn: Turn, eventId: string): Promise<Screen> {
  const { event } = await turn.api(EventCardDocument, { id: eventId });
  return eventCard(turn.t, turn.lang, turn.timezone, event);
}
