/** The languages maxOn speaks; Russian is the default. */
export type Lang = 'ru' | 'en';

export const DEFAULT_LANG: Lang = 'ru';

/**
 * The one shape of user-facing texts: one object per area, `{ ru, en }`, where the English
 * side must have exactly the keys (and argument types) of the Russian one — a key missing in
 * either language is a type error, not a runtime `undefined`.
 */
export function defineTexts<T>(texts: { ru: T; en: NoInfer<T> }): Readonly<Record<Lang, T>> {
  return texts;
}

/** Picks a language from any stored or platform-reported value (`EN`, `en-GB`, null…). */
export function langOf(value: string | null | undefined): Lang {
  return value?.toLowerCase().startsWith('en') ? 'en' : DEFAULT_LANG;
}
