import { DateTime } from 'luxon';
import type {
  BotCalendarConnectionFieldsFragment,
  BotCalendarConnectionsQuery,
  BotConnectionCalendarsQuery,
} from '../../gql/graphql.js';
import { markup, truncate } from '../../html.js';
import { button, screen, type Button, type Screen } from '../../screen.js';
import type { Texts } from '../../texts.js';

type Connection = BotCalendarConnectionFieldsFragment;
type ConnectionCalendar = BotConnectionCalendarsQuery['connectionCalendars'][number];

const connectionLine = (t: Texts, connection: Connection) =>
  markup`${t.kinds[connection.kind]} <b>${connection.name}</b> — ${connection.statusText}`;

/** The list of connections, the ICS feed out, and the ways to connect one more. */
export function calendarsScreen(
  t: Texts,
  timezone: string,
  data: BotCalendarConnectionsQuery,
): Screen {
  const lines = [markup`<b>${t.calendarsTitle}</b>`, markup`<i>${t.calendarsHint}</i>`, ''];
  if (data.calendarConnections.length === 0) lines.push(markup`${t.calendarsNone}`);
  for (const connection of data.calendarConnections) lines.push(connectionLine(t, connection));
  if (data.calendarFeed) {
    const since = DateTime.fromISO(data.calendarFeed.createdAt, { zone: timezone });
    lines.push('', markup`${t.feedActive(since.toFormat('dd.MM.yyyy'))}`);
  }
  const rows: Button[][] = data.calendarConnections.map((connection) => [
    button(`${t.kinds[connection.kind]} ${truncate(connection.name, 40)}`, {
      a: 'calendarConnection',
      connectionId: connection.id,
    }),
  ]);
  if (data.googleCalendarConnectUrl) {
    rows.push([{ label: t.googleButton, url: data.googleCalendarConnectUrl }]);
  }
  rows.push(
    [button(t.caldavButton, { a: 'calendarCalDav' })],
    [button(t.icsButton, { a: 'calendarIcs' })],
    [button(t.feedButton, { a: 'calendarFeed' })],
    [button(t.back, { a: 'settings' }), button(t.toMenu, { a: 'menu' })],
  );
  if (data.googleCalendarConnectUrl) lines.push('', markup`<i>${t.googleHint}</i>`);
  return screen(lines.join('\n').trim(), rows);
}

/**
 * One connection: its status and last error, its calendars with the busy ✅ and the ✍️
 * write choice (buttons carry the calendar's index: provider ids are too long for a button),
 * sync now and disconnect.
 */
export function connectionScreen(
  t: Texts,
  connection: Connection,
  calendars: ConnectionCalendar[] | null,
): Screen {
  const connectionId = connection.id;
  const lines = [connectionLine(t, connection)];
  const rows: Button[][] = [];
  if (connection.kind !== 'ICS') {
    lines.push('', markup`${calendars ? t.connectionCalendars : t.calendarsUnavailable}`);
    (calendars ?? []).forEach((calendar, index) => {
      const row = [
        button(`${calendar.busy ? t.busyOn : t.busyOff} ${truncate(calendar.name, 30)}`, {
          a: 'calendarBusy',
          connectionId,
          index,
        }),
      ];
      if (!calendar.readOnly) {
        row.push(
          button(calendar.write ? `${t.writeHere} ✔️` : t.writeHere, {
            a: 'calendarWrite',
            connectionId,
            index,
          }),
        );
      }
      rows.push(row);
    });
  }
  rows.push(
    [
      button(t.syncButton, { a: 'calendarSync', connectionId }),
      button(t.disconnectButton, { a: 'calendarDisconnect', connectionId }),
    ],
    [button(t.back, { a: 'calendars' }), button(t.toMenu, { a: 'menu' })],
  );
  return screen(lines.join('\n'), rows);
}

export function disconnectConfirm(t: Texts, connection: Connection): Screen {
  return screen(markup`${t.disconnectAsk(connection.name)}`, [
    [
      button(t.disconnectYes, { a: 'calendarDisconnectYes', connectionId: connection.id }),
      button(t.back, { a: 'calendarConnection', connectionId: connection.id }),
    ],
  ]);
}

export function feedRotateConfirm(t: Texts): Screen {
  return screen(markup`${t.feedRotateAsk}`, [
    [button(t.feedNewButton, { a: 'calendarFeedNew' }), button(t.back, { a: 'calendars' })],
  ]);
}

export function feedCreated(t: Texts, url: string): Screen {
  return screen(markup`${t.feedCreated(url)}`, [
    [button(t.back, { a: 'calendars' }), button(t.toMenu, { a: 'menu' })],
  ]);
}

/** After a connect dialog: what was connected, and its screen to choose calendars. */
export function connectedScreen(t: Texts, connection: Connection): Screen {
  return screen(markup`${t.connected(connection.name)}`, [
    [
      button(`${t.kinds[connection.kind]} ${truncate(connection.name, 40)}`, {
        a: 'calendarConnection',
        connectionId: connection.id,
      }),
    ],
    [button(t.back, { a: 'calendars' }), button(t.toMenu, { a: 'menu' })],
  ]);
}
