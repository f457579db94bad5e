import { DateTime } from 'luxon';
import { ApiError } from '../api-client.js';
import { DAILY_TIMES } from '../callback-data.js';
import type { Dialog } from '../dialog.js';
import {
  AddStepDocument,
  CreateGoalDocument,
  EventCardDocument,
  UpdateEventDocument,
  UpdateGoalDocument,
  UpdateSettingsDocument,
} from '../gql/graphql.js';
import { markup } from '../html.js';
import { meansNone, parseDate, parseTime, parseTimeRange } from '../parse-input.js';
import { screen, type Screen } from '../screen.js';
import { eventCard } from '../views/calendar.js';
import { goalCard } from '../views/goals.js';
import { settingsScreen } from '../views/settings.js';
import { goalScreen } from './screens.js';
import type { Turn } from './turn.js';

/** What the user's answer does; null = not understood (the dialog stays, the hint is shown). */
type Outcome = Screen | { retry: string };

/**
 * The user's answer in a dialog. A valid answer is applied and the dialog ends; an answer the
 * API rejects (BAD_USER_INPUT) or that cannot be read keeps the dialog and says why.
 */
export async function continueDialog(turn: Turn, dialog: Dialog, text: string): Promise<void> {
  let outcome: Outcome;
  try {
    outcome = await apply(turn, dialog, text.trim());
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'BAD_USER_INPUT') throw error;
    outcome = { retry: turn.t.rejected(error.message) };
  }
  if ('retry' in outcome) {
    await turn.send(screen(markup`${outcome.retry}`));
    return;
  }
  await turn.saveState({ ...turn.state, dialog: undefined });
  await turn.send(outcome);
}

async function apply(turn: Turn, dialog: Dialog, text: string): Promise<Outcome> {
  const { t } = turn;
  switch (dialog.kind) {
    case 'newGoal': {
      const { createGoal } = await turn.api(CreateGoalDocument, { input: { title: text } });
      return goalCard(t, createGoal);
    }
    case 'goalTitle': {
      const { updateGoal } = await turn.api(UpdateGoalDocument, {
        id: dialog.goalId,
        input: { title: text },
      });
      return goalCard(t, updateGoal);
    }
    case 'goalDeadline': {
      const targetDate = meansNone(text) ? null : parseDate(text, turn.timezone);
      if (targetDate === null && !meansNone(text)) return { retry: t.badDate };
      const { updateGoal } = await turn.api(UpdateGoalDocument, {
        id: dialog.goalId,
        input: { targetDate },
      });
      return goalCard(t, updateGoal);
    }
    case 'addStep':
      await turn.api(AddStepDocument, { goalId: dialog.goalId, input: { title: text } });
      return goalScreen(turn, dialog.goalId);
    case 'eventDate':
    case 'eventTime':
      return moveEvent(turn, dialog.kind, dialog.eventId, text);
    case 'timezone':
      return settingsAfter(turn, { timezone: text });
    case 'dailyTime': {
      const time = parseTime(text);
      if (!time) return { retry: t.badTime };
      return settingsAfter(turn, { [DAILY_TIMES[dialog.field]]: time });
    }
    case 'quietHours': {
      if (meansNone(text))
        return settingsAfter(turn, { quietHoursStart: null, quietHoursEnd: null });
      const range = parseTimeRange(text);
      if (!range) return { retry: t.badQuietHours };
      return settingsAfter(turn, { quietHoursStart: range.start, quietHoursEnd: range.end });
    }
  }
}

/** A new date keeps the event's local time; a new time keeps its local date. */
async function moveEvent(
  turn: Turn,
  kind: 'eventDate' | 'eventTime',
  eventId: string,
  text: string,
): Promise<Outcome> {
  const { event } = await turn.api(EventCardDocument, { id: eventId });
  const current = DateTime.fromISO(event.startsAt, { zone: event.timezone });
  let start: DateTime;
  if (kind === 'eventDate') {
    const date = parseDate(text, event.timezone);
    if (!date) return { retry: turn.t.badDate };
    const day = DateTime.fromISO(date, { zone: event.timezone });
    start = current.set({ year: day.year, month: day.month, day: day.day });
  } else {
    const time = parseTime(text);
    if (!time) return { retry: turn.t.badTime };
    const [hour, minute] = time.split(':').map(Number);
    start = current.set({ hour, minute });
  }
  const { updateEvent } = await turn.api(UpdateEventDocument, {
    id: eventId,
    input: { start: start.toISO() },
  });
  return eventCard(turn.t, turn.lang, turn.timezone, updateEvent);
}

async function settingsAfter(turn: Turn, input: Record<string, string | null>): Promise<Outcome> {
  const { updateSettings } = await turn.api(UpdateSettingsDocument, { input });
  return settingsScreen(turn.t, updateSettings.settings);
}
