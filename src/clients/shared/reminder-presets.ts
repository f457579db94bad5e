import { offsetLabel, offsetsLabel, REMINDER_PRESETS } from '../../common/reminder-offsets.js';
import type { Lang } from '../../common/texts.js';
import type { Callback, Field } from './callback-data.js';
import { button, type Button } from './screen.js';

export type ReminderPreset = (typeof REMINDER_PRESETS)[number];

/** A preset offset from callback data; anything else (an old or forged button) is refused. */
export const reminderPreset: Field<ReminderPreset> = (raw) =>
  REMINDER_PRESETS.find((minutes) => String(minutes) === raw);

/** The offsets with `minutes` switched on or off, sorted. */
export const toggled = (offsets: readonly number[], minutes: number): number[] =>
  (offsets.includes(minutes) ? offsets.filter((m) => m !== minutes) : [...offsets, minutes]).sort(
    (a, b) => a - b,
  );

/** "🔔 за день и за 15 мин" / "🔕 без напоминания" for a card or the settings. */
export const remindersLine = (offsets: readonly number[], lang: Lang): string =>
  `${offsets.length ? '🔔' : '🔕'} ${offsetsLabel(offsets, lang)}`;

/**
 * The preset buttons, two per row, each ✅ when chosen, then "🔕 none": shared by an event's
 * card and the default in settings, which differ only in the callbacks.
 */
export function reminderPresetRows(
  chosen: readonly number[],
  lang: Lang,
  toggle: (minutes: ReminderPreset) => Callback,
  none: Callback,
): Button[][] {
  const buttons = REMINDER_PRESETS.map((minutes) =>
    button(
      `${chosen.includes(minutes) ? '✅' : '⬜'} ${offsetLabel(minutes, lang)}`,
      toggle(minutes),
    ),
  );
  const rows: Button[][] = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  rows.push([button(`${chosen.length ? '⬜' : '✅'} 🔕 ${offsetsLabel([], lang)}`, none)]);
  return rows;
}
