import { DateTime } from 'luxon';
import { nonNegativeInt, oneOf } from '../../callback-data.js';
import { UpdateSettingsDocument } from '../../gql/graphql.js';
import { markup } from '../../html.js';
import { button, screen, type Button, type Screen } from '../../screen.js';
import { langOf, textsFor, type Lang, type Texts } from '../../texts.js';
import { knownZone } from '../../timezone-input.js';
import type { Turn } from '../../turn.js';
import { askAssistant } from '../assistant/assistant.feature.js';
import type { ButtonSpec } from '../feature.js';

/**
 * /start: a greeting that asks the timezone (the likely zones for the messenger's language as
 * buttons, or a city in words) and the language, and shows what maxOn does with examples to
 * tap. It is its own message, so the menu sent after it never overwrites it.
 */
export type OnboardingCallback =
  | { a: 'startZone'; zone: string }
  | { a: 'startLang'; lang: Lang }
  | { a: 'tryExample'; n: number };

/** The zones people of a language most likely live in, first the ones most of them do. */
const LIKELY_ZONES: Record<Lang, string[]> = {
  ru: ['Europe/Moscow', 'Asia/Yekaterinburg', 'Asia/Novosibirsk', 'Europe/Kaliningrad'],
  en: ['Europe/London', 'America/New_York', 'America/Los_Angeles', 'Asia/Calcutta'],
};

/** The zone to register a new user with: a region in the language code, else a guess asked. */
export function zoneForLanguageCode(code: string | undefined): string {
  const lower = code?.toLowerCase() ?? '';
  if (lower.startsWith('ru')) return 'Europe/Moscow';
  const region: Record<string, string> = {
    'en-us': 'America/New_York',
    'en-gb': 'Europe/London',
    'en-au': 'Australia/Sydney',
    'en-in': 'Asia/Calcutta',
    'en-ca': 'America/Toronto',
  };
  // Without a region there is no good guess: UTC, and the greeting asks.
  return region[lower] ?? (lower.startsWith('en') ? 'UTC' : 'Europe/Moscow');
}

export function onboardingScreen(t: Texts, lang: Lang, name: string, timezone: string): Screen {
  const now = DateTime.now().setZone(timezone).toFormat('HH:mm');
  const text = [
    markup`${t.greeting(name)}`,
    '',
    markup`🌍 ${t.onboardingZone(timezone, now)}`,
    '',
    markup`<b>${t.onboardingTry}</b>`,
    ...t.examples.map((example) => markup`• ${example}`),
  ].join('\n');
  const zones = LIKELY_ZONES[lang].map((zone) =>
    button(`${zone === timezone ? '✅ ' : ''}${zone}`, { a: 'startZone', zone }),
  );
  const rows: Button[][] = [zones.slice(0, 2), zones.slice(2, 4)];
  rows.push([button(t.onboardingOtherZone, { a: 'timezone' })]);
  rows.push(...t.examples.map((example, n) => [button(`💬 ${example}`, { a: 'tryExample', n })]));
  rows.push([
    button(t.onboardingSwitchLang, { a: 'startLang', lang: lang === 'ru' ? 'en' : 'ru' }),
  ]);
  return screen(text, rows);
}

async function reshow(turn: Turn, input: { timezone?: string; language?: 'RU' | 'EN' }) {
  const { updateSettings } = await turn.api(UpdateSettingsDocument, { input });
  const lang = langOf(updateSettings.settings.language);
  await turn.show(
    onboardingScreen(
      textsFor(lang),
      lang,
      turn.incoming.user.name,
      updateSettings.settings.timezone,
    ),
  );
}

export const onboardingButtons: {
  [A in OnboardingCallback['a']]: ButtonSpec<Extract<OnboardingCallback, { a: A }>>;
} = {
  startZone: {
    code: 'oz',
    fields: { zone: knownZone },
    press: (turn, { zone }) => reshow(turn, { timezone: zone }),
  },
  startLang: {
    code: 'ol',
    fields: { lang: oneOf('ru', 'en') },
    press: (turn, { lang }) => reshow(turn, { language: lang === 'ru' ? 'RU' : 'EN' }),
  },
  tryExample: {
    code: 'ox',
    fields: { n: nonNegativeInt },
    async press(turn, { n }) {
      const example = turn.t.examples[n];
      if (!example) return turn.answer(turn.t.outdatedButton);
      await turn.answer();
      await askAssistant(turn, example);
    },
  },
};
