import { existsSync, readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnownNames } from '../intent.types.js';

export type PromptName = 'intent' | 'smart-analysis' | 'plan';

/**
 * The folder holding package.json, walking up from `fromUrl`. Works from the sources
 * (src/assistant/model) and from the build (dist/src/assistant/model), which does not copy
 * the prompts: they are always read from src/assistant/prompts.
 */
export function findProjectRoot(fromUrl: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(fromUrl));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${fileURLToPath(fromUrl)}`);
    dir = parent;
  }
}

const cache = new Map<PromptName, string>();

/** The text of src/assistant/prompts/<name>.md, read once. */
export function loadPrompt(name: PromptName): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(findProjectRoot(), 'src/assistant/prompts', `${name}.md`), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** Substitutes every `{{var}}`; a placeholder without a value is a programming error. */
export function fillTemplate(template: string, vars: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/gu, (_match, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new Error(`No value for {{${key}}} in the prompt`);
    return value;
  });
}

export function renderPrompt(name: PromptName, vars: Record<string, string>): string {
  return fillTemplate(loadPrompt(name), vars);
}

const LANGUAGE_NAMES = { ru: 'Russian (ru)', en: 'English (en)' } as const;

/** At most this many names of each kind go into a prompt. */
const KNOWN_LIMIT = 30;

/** The user's items as prompt lines: `Goals: «…», «…»`; "none" for an empty list. */
export function knownText(known: KnownNames | undefined): string {
  const list = (names: string[] | undefined) =>
    names?.length
      ? names
          .slice(0, KNOWN_LIMIT)
          .map((name) => JSON.stringify(name.slice(0, 100)))
          .join(', ')
      : 'none';
  return [
    `- Goals: ${list(known?.goals)}`,
    `- Upcoming events: ${list(known?.events)}`,
    `- Habits: ${list(known?.habits)}`,
  ].join('\n');
}

/**
 * `{{today}}`, `{{weekday}}`, `{{now}}`, `{{timezone}}`, `{{language}}` and `{{known}}` (the
 * user's items) for a prompt.
 */
export function contextVars(
  now: Date,
  timezone: string,
  language: 'ru' | 'en' | undefined,
  known?: KnownNames,
): Record<string, string> {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  return {
    known: knownText(known),
    today: local.toISODate() ?? '',
    weekday: local.setLocale('en').toFormat('cccc'),
    now: local.toISO({ suppressMilliseconds: true }) ?? '',
    timezone,
    language: language ? LANGUAGE_NAMES[language] : 'not set',
  };
}
