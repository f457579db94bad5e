import { DateTime } from 'luxon';
import { isoDate, oneOf, uuid } from '../../callback-data.js';
import { beginDialog } from '../../dialog.js';
import { todayIn } from '../../format.js';
import {
  CalendarDocument,
  DeleteEventDocument,
  EventCardDocument,
  UpdateEventDocument,
} from '../../gql/graphql.js';
import { parseDate, parseTime } from '../../parse-input.js';
import { reminderPreset, toggled, type ReminderPreset } from '../../reminder-presets.js';
import type { Screen } from '../../screen.js';
import type { Turn } from '../../turn.js';
import { assistantAnswer } from '../assistant/assistant.feature.js';
import type { DialogOutcome, Dialogs, Feature } from '../feature.js';
import {
  connectionButtons,
  connectionDialogs,
  type CalendarConnectionsCallback,
  type CalendarConnectionsDialog,
} from './calendar-connections.feature.js';
import {
  calendarRange,
  calendarScreen,
  eventCard,
  eventDeleteConfirm,
  eventRemindersScreen,
  remindersOf,
  type CalendarMode,
} from './calendar.views.js';

export type CalendarCallback =
  | { a: 'calendar'; mode: CalendarMode; date: string }
  | { a: 'event'; eventId: string }
  | { a: 'eventEditDate'; eventId: string }
  | { a: 'eventEditTime'; eventId: string }
  | { a: 'eventDelete'; eventId: string }
  | { a: 'eventReminders'; eventId: string }
  | { a: 'eventReminderToggle'; eventId: string; minutes: ReminderPreset }
  | { a: 'eventReminderNone'; eventId: string }
  | { a: 'newEvent' }
  | { a: 'eventDeleteYes'; eventId: string }
  | CalendarConnectionsCallback;

export type CalendarDialog =
  | { kind: 'eventDate'; eventId: string }
  | { kind: 'eventTime'; eventId: string }
  | { kind: 'newEvent' }
  | CalendarConnectionsDialog;

export async function calendarOf(turn: Turn, mode: CalendarMode, date: string): Promise<Screen> {
  const { from, to } = calendarRange(mode, date, turn.timezone);
  const { events, externalBusy } = await turn.api(CalendarDocument, {
    from: from.toUTC().toISO() ?? '',
    to: to.toUTC().toISO() ?? '',
  });
  return calendarScreen(turn.t, turn.lang, turn.timezone, mode, date, events, externalBusy);
}

async function eventScreen(turn: Turn, eventId: string): Promise<Screen> {
  const { event } = await turn.api(EventCardDocument, { id: eventId });
  return eventCard(turn.t, turn.lang, turn.timezone, event);
}

/** Sets an event's reminder offsets ([] = none) and shows the choice again. */
async function setReminders(
  turn: Turn,
  eventId: string,
  change: (current: number[]) => number[],
): Promise<void> {
  const { event } = await turn.api(EventCardDocument, { id: eventId });
  const offsets = change(remindersOf(event));
  const { updateEvent } = await turn.api(UpdateEventDocument, {
    id: eventId,
    input: { reminderMinutesBefore: offsets, reminderEnabled: true },
  });
  await turn.show(eventRemindersScreen(turn.t, turn.lang, updateEvent));
}

/** A new date keeps the event's local time; a new time keeps its local date. */
async function moveEvent(
  turn: Turn,
  kind: CalendarDialog['kind'],
  eventId: string,
  text: string,
): Promise<DialogOutcome> {
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

const dialogs: Dialogs<CalendarDialog> = {
  ...connectionDialogs,
  eventDate: {
    prompt: (t) => t.askEventDate,
    fields: { eventId: uuid },
    answer: (turn, { kind, eventId }, text) => moveEvent(turn, kind, eventId, text),
  },
  eventTime: {
    prompt: (t) => t.askEventTime,
    fields: { eventId: uuid },
    answer: (turn, { kind, eventId }, text) => moveEvent(turn, kind, eventId, text),
  },
  newEvent: {
    prompt: (t) => t.askNewEvent,
    fields: {},
    // "What and when" in the user's words: the assistant reads it (and asks what is missing).
    answer: (turn, _dialog, text) => assistantAnswer(turn, text),
  },
};

const thisWeek = async (turn: Turn) =>
  turn.show(await calendarOf(turn, 'w', todayIn(turn.timezone)));

/**
 * The calendar by day and by week, an event's card, moving and deleting an event, and the
 * connected calendars (calendar-connections.feature.ts).
 */
export const calendarFeature: Feature<CalendarCallback, CalendarDialog, 'events' | 'week'> = {
  commands: {
    events: thisWeek,
    week: thisWeek,
  },
  buttons: {
    ...connectionButtons,
    calendar: {
      code: 'c',
      fields: { mode: oneOf('d', 'w'), date: isoDate },
      press: async (turn, { mode, date }) => turn.show(await calendarOf(turn, mode, date)),
    },
    event: {
      code: 'e',
      fields: { eventId: uuid },
      press: async (turn, { eventId }) => turn.show(await eventScreen(turn, eventId)),
    },
    eventEditDate: {
      code: 'eed',
      fields: { eventId: uuid },
      press: (turn, { eventId }) =>
        beginDialog(turn, dialogs.eventDate, { kind: 'eventDate', eventId }),
    },
    eventEditTime: {
      code: 'eet',
      fields: { eventId: uuid },
      press: (turn, { eventId }) =>
        beginDialog(turn, dialogs.eventTime, { kind: 'eventTime', eventId }),
    },
    eventReminders: {
      code: 'er',
      fields: { eventId: uuid },
      async press(turn, { eventId }) {
        const { event } = await turn.api(EventCardDocument, { id: eventId });
        await turn.show(eventRemindersScreen(turn.t, turn.lang, event));
      },
    },
    eventReminderToggle: {
      code: 'ert',
      fields: { eventId: uuid, minutes: reminderPreset },
      press: (turn, { eventId, minutes }) =>
        setReminders(turn, eventId, (current) => toggled(current, minutes)),
    },
    eventReminderNone: {
      code: 'ern',
      fields: { eventId: uuid },
      press: (turn, { eventId }) => setReminders(turn, eventId, () => []),
    },
    newEvent: {
      code: 'ne',
      fields: {},
      press: (turn) => beginDialog(turn, dialogs.newEvent, { kind: 'newEvent' }),
    },
    eventDelete: {
      code: 'ex',
      fields: { eventId: uuid },
      async press(turn, { eventId }) {
        const { event } = await turn.api(EventCardDocument, { id: eventId });
        await turn.show(eventDeleteConfirm(turn.t, event));
      },
    },
    eventDeleteYes: {
      code: 'exy',
      fields: { eventId: uuid },
      async press(turn, { eventId }) {
        await turn.api(DeleteEventDocument, { id: eventId });
        await turn.answer(turn.t.eventDeleted);
        await turn.show(await calendarOf(turn, 'd', todayIn(turn.timezone)));
      },
    },
  },
  dialogs,
};
