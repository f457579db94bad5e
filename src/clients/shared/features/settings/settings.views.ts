import type { SettingsFieldsFragment } from '../../gql/graphql.js';
import { langOf } from '../../texts.js';
import { markup } from '../../html.js';
import { button, screen, type Screen } from '../../screen.js';
import { reminderPresetRows, remindersLine } from '../../reminder-presets.js';
import type { Lang, Texts } from '../../texts.js';
import { DAILY_TIMES, TOGGLES, type DailyTime, type Toggle } from './settings-fields.js';

export function settingsScreen(t: Texts, settings: SettingsFieldsFragment): Screen {
  const quiet =
    settings.quietHoursStart && settings.quietHoursEnd
      ? `${settings.quietHoursStart}–${settings.quietHoursEnd}`
      : t.off;
  // With all notifications off, a kind switched on does not notify: it shows as paused.
  const mark = (toggle: Toggle) =>
    !settings[TOGGLES[toggle]]
      ? '❌'
      : toggle !== 'all' && !settings.notificationsEnabled
        ? '⏸'
        : '✅';
  const toggles = (Object.keys(TOGGLES) as Toggle[]).map((toggle) => [
    button(`${mark(toggle)} ${t.toggles[toggle]}`, { a: 'toggle', toggle }),
  ]);
  const times = (Object.keys(DAILY_TIMES) as DailyTime[]).map((field) => [
    button(`🕗 ${t.dailyTimes[field]}: ${settings[DAILY_TIMES[field]]}`, {
      a: 'dailyTime',
      field,
    }),
  ]);
  return screen(
    [
      markup`⚙️ <b>${t.settingsTitle}</b>`,
      markup`🌍 ${t.timezone}: ${settings.timezone}`,
      markup`🌙 ${t.quietHours}: ${quiet}`,
      markup`${t.defaultReminders}: ${remindersLine(settings.defaultReminderMinutes, langOf(settings.language))}`,
      ...(settings.notificationsEnabled ? [] : [markup`<i>${t.pausedHint}</i>`]),
    ].join('\n'),
    [
      ...toggles,
      ...times,
      [
        button(`🌍 ${t.timezone}`, { a: 'timezone' }),
        button(`🌙 ${t.quietHours}`, { a: 'quietHours' }),
      ],
      [button(`🔔 ${t.defaultReminders}`, { a: 'defaultReminders' })],
      [button(t.calendarsButton, { a: 'calendars' })],
      [button(t.language, { a: 'language' })],
      [button(t.toMenu, { a: 'menu' })],
    ],
  );
}

/** The reminder offsets new events get, chosen from the presets. */
export function defaultRemindersScreen(t: Texts, lang: Lang, settings: SettingsFieldsFragment) {
  const chosen = settings.defaultReminderMinutes;
  return screen(
    [
      markup`<b>🔔 ${t.defaultReminders}</b>`,
      markup`${remindersLine(chosen, lang)}`,
      markup`${t.defaultRemindersHint}`,
    ].join('\n'),
    [
      ...reminderPresetRows(chosen, lang, (minutes) => ({ a: 'defaultReminderToggle', minutes }), {
        a: 'defaultReminderNone',
      }),
      [button(t.back, { a: 'settings' }), button(t.toMenu, { a: 'menu' })],
    ],
  );
}

/** Zones to choose from when the answer named none exactly. */
export function zoneChoice(t: Texts, zones: string[]): Screen {
  const text = zones.length
    ? `${t.unknownZone} ${t.zoneSuggestions}`
    : `${t.unknownZone} ${t.askTimezone}`;
  return screen(markup`${text}`, [
    ...zones.map((zone) => [button(zone, { a: 'timezoneSet', zone })]),
    [button(t.toMenu, { a: 'menu' })],
  ]);
}
