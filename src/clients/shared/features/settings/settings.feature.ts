import { keyOf } from '../../callback-data.js';
import { beginDialog, endDialog } from '../../dialog.js';
import { knownZone, readTimezone } from '../../timezone-input.js';
import { UpdateSettingsDocument } from '../../gql/graphql.js';
import { meansNone, parseTime, parseTimeRange } from '../../parse-input.js';
import { langOf, textsFor } from '../../texts.js';
import type { Screen } from '../../screen.js';
import type { Turn } from '../../turn.js';
import type { Dialogs, Feature } from '../feature.js';
import { DAILY_TIMES, TOGGLES, type DailyTime, type Toggle } from './settings-fields.js';
import { reminderPreset, toggled, type ReminderPreset } from '../../reminder-presets.js';
import { defaultRemindersScreen, settingsScreen, zoneChoice } from './settings.views.js';

export type SettingsCallback =
  | { a: 'settings' }
  | { a: 'toggle'; toggle: Toggle }
  | { a: 'language' }
  | { a: 'timezone' }
  | { a: 'dailyTime'; field: DailyTime }
  | { a: 'quietHours' }
  | { a: 'defaultReminders' }
  | { a: 'defaultReminderToggle'; minutes: ReminderPreset }
  | { a: 'defaultReminderNone' }
  | { a: 'timezoneSet'; zone: string };

export type SettingsDialog =
  { kind: 'timezone' } | { kind: 'dailyTime'; field: DailyTime } | { kind: 'quietHours' };

async function saved(turn: Turn, input: Record<string, string | null>): Promise<Screen> {
  const { updateSettings } = await turn.api(UpdateSettingsDocument, { input });
  return settingsScreen(turn.t, updateSettings.settings);
}

const dialogs: Dialogs<SettingsDialog> = {
  timezone: {
    prompt: (t) => t.askTimezone,
    fields: {},
    async answer(turn, _dialog, text) {
      const answer = readTimezone(text);
      if ('zone' in answer) return saved(turn, { timezone: answer.zone });
      return { retry: turn.t.unknownZone, screen: zoneChoice(turn.t, answer.suggestions) };
    },
  },
  dailyTime: {
    prompt: (t) => t.askDailyTime,
    fields: { field: keyOf(DAILY_TIMES) },
    async answer(turn, { field }, text) {
      const time = parseTime(text);
      if (!time) return { retry: turn.t.badTime };
      return saved(turn, { [DAILY_TIMES[field]]: time });
    },
  },
  quietHours: {
    prompt: (t) => t.askQuietHours,
    fields: {},
    async answer(turn, _dialog, text) {
      if (meansNone(text)) return saved(turn, { quietHoursStart: null, quietHoursEnd: null });
      const range = parseTimeRange(text);
      if (!range) return { retry: turn.t.badQuietHours };
      return saved(turn, { quietHoursStart: range.start, quietHoursEnd: range.end });
    },
  },
};

async function setDefaultReminders(turn: Turn, offsets: number[]): Promise<void> {
  const { updateSettings } = await turn.api(UpdateSettingsDocument, {
    input: { defaultReminderMinutes: offsets },
  });
  await turn.show(defaultRemindersScreen(turn.t, turn.lang, updateSettings.settings));
}

const showSettings = async (turn: Turn) => turn.show(settingsScreen(turn.t, turn.settings));

/** The user's settings: notification toggles, daily times, timezone, quiet hours, language. */
export const settingsFeature: Feature<SettingsCallback, SettingsDialog, 'settings'> = {
  commands: { settings: showSettings },
  buttons: {
    settings: { code: 's', fields: {}, press: showSettings },
    toggle: {
      code: 'st',
      fields: { toggle: keyOf(TOGGLES) },
      async press(turn, { toggle }) {
        const field = TOGGLES[toggle];
        const { updateSettings } = await turn.api(UpdateSettingsDocument, {
          input: { [field]: !turn.settings[field] },
        });
        await turn.show(settingsScreen(turn.t, updateSettings.settings));
      },
    },
    language: {
      code: 'sl',
      fields: {},
      async press(turn) {
        const language = turn.lang === 'ru' ? 'EN' : 'RU';
        const { updateSettings } = await turn.api(UpdateSettingsDocument, { input: { language } });
        await turn.show(settingsScreen(textsFor(langOf(language)), updateSettings.settings));
      },
    },
    timezone: {
      code: 'stz',
      fields: {},
      press: (turn) => beginDialog(turn, dialogs.timezone, { kind: 'timezone' }),
    },
    dailyTime: {
      code: 'stm',
      fields: { field: keyOf(DAILY_TIMES) },
      press: (turn, { field }) =>
        beginDialog(turn, dialogs.dailyTime, { kind: 'dailyTime', field }),
    },
    quietHours: {
      code: 'sq',
      fields: {},
      press: (turn) => beginDialog(turn, dialogs.quietHours, { kind: 'quietHours' }),
    },
    defaultReminders: {
      code: 'sdr',
      fields: {},
      press: (turn) => turn.show(defaultRemindersScreen(turn.t, turn.lang, turn.settings)),
    },
    defaultReminderToggle: {
      code: 'sdt',
      fields: { minutes: reminderPreset },
      press: (turn, { minutes }) =>
        setDefaultReminders(turn, toggled(turn.settings.defaultReminderMinutes, minutes)),
    },
    defaultReminderNone: {
      code: 'sdn',
      fields: {},
      press: (turn) => setDefaultReminders(turn, []),
    },
    timezoneSet: {
      code: 'stzs',
      fields: { zone: knownZone },
      async press(turn, { zone }) {
        await endDialog(turn);
        await turn.show(await saved(turn, { timezone: zone }));
      },
    },
  },
  dialogs,
};
