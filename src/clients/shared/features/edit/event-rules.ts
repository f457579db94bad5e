import { uuid } from '../../callback-data.js';
import { beginDialog } from '../../dialog.js';
import { UpdateEventDocument, type UpdateEventInput } from '../../gql/graphql.js';
import { parseReminderOffsets } from '../../parse-input.js';
import { parseRepeat } from '../../recurrence-input.js';
import type { Screen } from '../../screen.js';
import type { Turn } from '../../turn.js';
import { eventCard } from '../calendar/calendar.views.js';
import type { ButtonSpec, Dialogs } from '../feature.js';

/** The API's limit on an event's reminder offsets. */
const MAX_OFFSETS = 5;
/** The API's farthest offset: four weeks. */
const MAX_OFFSET_MINUTES = 40_320;

export type EventRulesCallback =
  { a: 'eventRemindersCustom'; eventId: string } | { a: 'eventRepeatCustom'; eventId: string };

export type EventRulesDialog =
  { kind: 'eventReminderOffsets'; eventId: string } | { kind: 'eventRepeatWords'; eventId: string };

/** Saves a change of the event and shows its card: the card is the confirmation. */
export async function updateEvent(
  turn: Turn,
  eventId: string,
  input: UpdateEventInput,
): Promise<Screen> {
  const { updateEvent } = await turn.api(UpdateEventDocument, { id: eventId, input });
  return eventCard(turn.t, turn.lang, turn.timezone, updateEvent);
}

/** Several reminder offsets and a repeat typed in words, from an event's card. */
export const eventRulesDialogs: Dialogs<EventRulesDialog> = {
  eventReminderOffsets: {
    prompt: (t) => t.askOffsets,
    fields: { eventId: uuid },
    async answer(turn, { eventId }, text) {
      const offsets = parseReminderOffsets(text);
      if (!offsets) return { retry: turn.t.badOffsets };
      if (offsets.length > MAX_OFFSETS) return { retry: turn.t.tooManyOffsets(MAX_OFFSETS) };
      if (offsets.some((minutes) => minutes > MAX_OFFSET_MINUTES)) {
        return { retry: turn.t.offsetTooFar, keep: true };
      }
      return updateEvent(turn, eventId, { reminderMinutesBefore: offsets, reminderEnabled: true });
    },
  },
  eventRepeatWords: {
    prompt: (t) => t.askRepeatWords,
    fields: { eventId: uuid },
    async answer(turn, { eventId }, text) {
      const repeat = parseRepeat(text);
      if (!repeat) return { retry: turn.t.badRepeat };
      return updateEvent(turn, eventId, { recurrence: repeat.rule });
    },
  },
};

export const eventRulesButtons: {
  [A in EventRulesCallback['a']]: ButtonSpec<Extract<EventRulesCallback, { a: A }>>;
} = {
  eventRemindersCustom: {
    code: 'erc',
    fields: { eventId: uuid },
    press: (turn, { eventId }) =>
      beginDialog(turn, eventRulesDialogs.eventReminderOffsets, {
        kind: 'eventReminderOffsets',
        eventId,
      }),
  },
  eventRepeatCustom: {
    code: 'uerw',
    fields: { eventId: uuid },
    press: (turn, { eventId }) =>
      beginDialog(turn, eventRulesDialogs.eventRepeatWords, { kind: 'eventRepeatWords', eventId }),
  },
};
