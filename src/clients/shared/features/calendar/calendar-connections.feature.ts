import { ApiError } from '../../api-client.js';
import { nonNegativeInt, uuid, type Field } from '../../callback-data.js';
import { beginDialog } from '../../dialog.js';
import {
  BotCalendarConnectionsDocument,
  BotChooseConnectionCalendarsDocument,
  BotConnectCalDavDocument,
  BotConnectionCalendarsDocument,
  BotCreateCalendarFeedDocument,
  BotDisconnectCalendarDocument,
  BotSubscribeIcsCalendarDocument,
  BotSyncCalendarDocument,
  type BotConnectionCalendarsQuery,
} from '../../gql/graphql.js';
import { markup } from '../../html.js';
import { screen, type Screen } from '../../screen.js';
import type { Turn } from '../../turn.js';
import type { Buttons, DialogOutcome, Dialogs } from '../feature.js';
import {
  calendarsScreen,
  connectedScreen,
  connectionScreen,
  disconnectConfirm,
  feedCreated,
  feedRotateConfirm,
} from './calendar-connections.views.js';

export type CalendarConnectionsCallback =
  | { a: 'calendars' }
  | { a: 'calendarConnection'; connectionId: string }
  | { a: 'calendarBusy'; connectionId: string; index: number }
  | { a: 'calendarWrite'; connectionId: string; index: number }
  | { a: 'calendarSync'; connectionId: string }
  | { a: 'calendarDisconnect'; connectionId: string }
  | { a: 'calendarDisconnectYes'; connectionId: string }
  | { a: 'calendarFeed' }
  | { a: 'calendarFeedNew' }
  | { a: 'calendarCalDav' }
  | { a: 'calendarIcs' };

export type CalendarConnectionsDialog =
  | { kind: 'caldavUrl' }
  | { kind: 'caldavUser'; url: string }
  | { kind: 'caldavPassword'; url: string; username: string }
  | { kind: 'icsUrl' };

type Calendars = BotConnectionCalendarsQuery['connectionCalendars'];

/** A web address as typed (webcal:// is an https feed); null when it is not one. */
function webAddress(text: string): string | null {
  const trimmed = text.trim().replace(/^webcals?:\/\//i, 'https://');
  try {
    const url = new URL(trimmed);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
const savedText: Field<string> = (raw) => (raw.length > 0 && raw.length <= 2000 ? raw : undefined);

export async function showCalendars(turn: Turn): Promise<void> {
  const data = await turn.api(BotCalendarConnectionsDocument, {});
  await turn.show(calendarsScreen(turn.t, turn.timezone, data));
}

async function connectionOf(turn: Turn, connectionId: string) {
  const { calendarConnections } = await turn.api(BotCalendarConnectionsDocument, {});
  const connection = calendarConnections.find((candidate) => candidate.id === connectionId);
  if (!connection) throw new ApiError('Calendar connection not found', 'NOT_FOUND');
  return connection;
}

/** The provider's list of calendars; null when it cannot be read now (shown as such). */
async function calendarsOf(turn: Turn, connectionId: string): Promise<Calendars | null> {
  try {
    return (await turn.api(BotConnectionCalendarsDocument, { id: connectionId }))
      .connectionCalendars;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'BAD_USER_INPUT') return null;
    throw error;
  }
}

async function showConnection(turn: Turn, connectionId: string): Promise<void> {
  const connection = await connectionOf(turn, connectionId);
  const calendars = connection.kind === 'ICS' ? [] : await calendarsOf(turn, connectionId);
  await turn.show(connectionScreen(turn.t, connection, calendars));
}

/** Changes the busy ✅ or the ✍️ write calendar of the calendar at `index`. */
async function choose(
  turn: Turn,
  connectionId: string,
  index: number,
  change: (calendars: Calendars, picked: Calendars[number]) => Calendars,
): Promise<void> {
  const calendars = await calendarsOf(turn, connectionId);
  const picked = calendars?.[index];
  if (!calendars || !picked) return showConnection(turn, connectionId);
  const next = change(calendars, picked);
  const { chooseConnectionCalendars } = await turn.api(BotChooseConnectionCalendarsDocument, {
    id: connectionId,
    busyCalendarIds: next.filter((calendar) => calendar.busy).map((calendar) => calendar.id),
    writeCalendarId: next.find((calendar) => calendar.write)?.id ?? null,
  });
  await turn.show(connectionScreen(turn.t, chooseConnectionCalendars, next));
}

const retryOnBadInput = async (
  turn: Turn,
  connect: () => Promise<Screen>,
  onBadInput: (error: ApiError) => DialogOutcome,
): Promise<DialogOutcome> => {
  try {
    return await connect();
  } catch (error) {
    if (error instanceof ApiError && error.code === 'BAD_USER_INPUT') return onBadInput(error);
    throw error;
  }
};

const ask = (text: string) => screen(markup`${text}`);

export const connectionDialogs: Dialogs<CalendarConnectionsDialog> = {
  caldavUrl: {
    prompt: (t) => t.askCalDavUrl,
    fields: {},
    async answer(turn, _dialog, text) {
      const url = webAddress(text);
      if (!url) return { retry: turn.t.badUrl };
      return { screen: ask(turn.t.askCalDavUser), continueWith: { kind: 'caldavUser', url } };
    },
  },
  caldavUser: {
    prompt: (t) => t.askCalDavUser,
    fields: { url: savedText },
    async answer(turn, { url }, text) {
      const username = text.trim();
      if (!username || username.length > 200) return { retry: turn.t.askCalDavUser, keep: true };
      return {
        screen: ask(turn.t.askCalDavPassword),
        continueWith: { kind: 'caldavPassword', url, username },
      };
    },
  },
  caldavPassword: {
    prompt: (t) => t.askCalDavPassword,
    fields: { url: savedText, username: savedText },
    async answer(turn, { url, username }, text) {
      // The password never goes into dialog state or a reply; its message is deleted.
      await turn.forgetIncomingText();
      return retryOnBadInput(
        turn,
        async () => {
          const { connectCalDavCalendar } = await turn.api(BotConnectCalDavDocument, {
            input: { url, username, password: text },
          });
          return connectedScreen(turn.t, connectCalDavCalendar);
        },
        (error) =>
          error.extensions.field === 'password'
            ? { retry: turn.t.caldavRefused, keep: true }
            : {
                screen: screen(markup`${turn.t.caldavUnreachable}`, [
                  [{ label: turn.t.caldavButton, callback: { a: 'calendarCalDav' } }],
                  [{ label: turn.t.back, callback: { a: 'calendars' } }],
                ]),
              },
      );
    },
  },
  icsUrl: {
    prompt: (t) => t.askIcsUrl,
    fields: {},
    async answer(turn, _dialog, text) {
      const url = webAddress(text);
      if (!url) return { retry: turn.t.badUrl };
      return retryOnBadInput(
        turn,
        async () => {
          const { subscribeIcsCalendar } = await turn.api(BotSubscribeIcsCalendarDocument, { url });
          return connectedScreen(turn.t, subscribeIcsCalendar);
        },
        () => ({ retry: turn.t.icsRefused, keep: true }),
      );
    },
  },
};

async function createFeed(turn: Turn): Promise<void> {
  const { createCalendarFeed } = await turn.api(BotCreateCalendarFeedDocument, {});
  await turn.show(feedCreated(turn.t, createCalendarFeed.url));
}

/** "Connected calendars": buttons of the calendar feature with the prefix `k`. */
export const connectionButtons: Buttons<CalendarConnectionsCallback> = {
  calendars: { code: 'k', fields: {}, press: showCalendars },
  calendarConnection: {
    code: 'kc',
    fields: { connectionId: uuid },
    press: (turn, { connectionId }) => showConnection(turn, connectionId),
  },
  calendarBusy: {
    code: 'kb',
    fields: { connectionId: uuid, index: nonNegativeInt },
    press: (turn, { connectionId, index }) =>
      choose(turn, connectionId, index, (calendars, picked) =>
        calendars.map((calendar) =>
          calendar === picked ? { ...calendar, busy: !calendar.busy } : calendar,
        ),
      ),
  },
  calendarWrite: {
    code: 'kw',
    fields: { connectionId: uuid, index: nonNegativeInt },
    // One write calendar at most: pressing the chosen one again writes nowhere.
    press: (turn, { connectionId, index }) =>
      choose(turn, connectionId, index, (calendars, picked) =>
        calendars.map((calendar) => ({
          ...calendar,
          write: calendar === picked ? !calendar.write : false,
        })),
      ),
  },
  calendarSync: {
    code: 'ks',
    fields: { connectionId: uuid },
    async press(turn, { connectionId }) {
      const { syncCalendarConnection } = await turn.api(BotSyncCalendarDocument, {
        id: connectionId,
      });
      await turn.answer(syncCalendarConnection.statusText);
      await showConnection(turn, connectionId);
    },
  },
  calendarDisconnect: {
    code: 'kx',
    fields: { connectionId: uuid },
    async press(turn, { connectionId }) {
      await turn.show(disconnectConfirm(turn.t, await connectionOf(turn, connectionId)));
    },
  },
  calendarDisconnectYes: {
    code: 'kxy',
    fields: { connectionId: uuid },
    async press(turn, { connectionId }) {
      await turn.api(BotDisconnectCalendarDocument, { id: connectionId });
      await turn.answer(turn.t.disconnected);
      await showCalendars(turn);
    },
  },
  calendarFeed: {
    code: 'kf',
    fields: {},
    async press(turn) {
      const { calendarFeed } = await turn.api(BotCalendarConnectionsDocument, {});
      if (calendarFeed) await turn.show(feedRotateConfirm(turn.t));
      else await createFeed(turn);
    },
  },
  calendarFeedNew: { code: 'kfn', fields: {}, press: createFeed },
  calendarCalDav: {
    code: 'kd',
    fields: {},
    press: (turn) => beginDialog(turn, connectionDialogs.caldavUrl, { kind: 'caldavUrl' }),
  },
  calendarIcs: {
    code: 'ki',
    fields: {},
    press: (turn) => beginDialog(turn, connectionDialogs.icsUrl, { kind: 'icsUrl' }),
  },
};
