import type { AssistantLanguage } from '../intent.types.js';

/** A letter or digit, for word boundaries: `\b` does not know Cyrillic. */
const WORD_CHAR = '[\\p{L}\\p{N}_]';

/** A case-insensitive global regex whose match starts and ends on word boundaries. */
export function words(source: string, flags = 'giu'): RegExp {
  return new RegExp(`(?<!${WORD_CHAR})(?:${source})(?!${WORD_CHAR})`, flags);
}

/** Like `words`, but only at the start (taken phrases are blanks, so they may come before). */
export function startsWith(source: string): RegExp {
  return new RegExp(`^\\s*(?:${source})(?!${WORD_CHAR})`, 'iu');
}

/** A greeting that opens a request: "Привет! Напомни…", "Hi, schedule…". */
export const GREETING_OPENING = new RegExp(
  `^[\\s,.!]*(?:привет\\p{L}*|здравствуй\\p{L}*|добр(?:ый|ое)\\s+(?:день|утро|вечер)|hi|hello|hey|good\\s+(?:morning|afternoon|evening))(?!${WORD_CHAR})[\\s,.!]*`,
  'iu',
);

/**
 * Lower case with "ё" read as "е", keeping every character at its index so that a match in
 * the normalised text can be cut out of the original one.
 */
export function normalize(text: string): string {
  let out = '';
  for (const char of text) {
    const lower = char.toLowerCase();
    const same = lower.length === char.length ? lower : char;
    out += same === 'ё' ? 'е' : same;
  }
  return out;
}

/** 'ru' when Cyrillic letters outnumber Latin ones; the fallback when there are none. */
export function detectLanguage(
  text: string,
  fallback: AssistantLanguage = 'ru',
): AssistantLanguage {
  const cyrillic = (text.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const latin = (text.match(/\p{Script=Latin}/gu) ?? []).length;
  if (cyrillic === 0 && latin === 0) return fallback;
  return cyrillic >= latin ? 'ru' : 'en';
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A message being taken apart: extractors find phrases in the normalised text, and every
 * phrase they take is blanked out, so that later extractors do not see it again and what
 * is left of the original text becomes a title.
 */
export class Scanner {
  readonly original: string;
  private work: string;
  /** Where the opening words (a greeting, "please schedule") end. */
  private opened = 0;

  constructor(text: string) {
    this.original = text;
    this.work = normalize(text);
  }

  /** The normalised text with taken phrases blanked out. */
  get text(): string {
    return this.work;
  }

  /** Finds the first match of a global `pattern`, blanks it out and returns it. */
  take(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = 0;
    const match = pattern.exec(this.work);
    if (match) this.blank(match.index, match.index + match[0].length);
    return match;
  }

  /**
   * Takes a match of `pattern` (anchored with ^) only where the message opens: at its start
   * or right after earlier opening words ("Привет! Напомни…"). With `afterTaken`, phrases
   * already taken may come before it too ("завтра в 3 schedule a call").
   */
  takeOpening(pattern: RegExp, afterTaken = false): RegExpExecArray | null {
    const match = pattern.exec(this.work.slice(this.opened));
    if (!match) return null;
    const start = this.opened + match.index;
    const end = start + match[0].length;
    const before = this.original.slice(this.opened, end - match[0].trimStart().length);
    if (!afterTaken && /[\p{L}\p{N}]/u.test(before)) return null;
    this.opened = end;
    this.blank(start, end);
    return match;
  }

  /** Takes every match of a global `pattern`. */
  takeAll(pattern: RegExp): RegExpExecArray[] {
    const found: RegExpExecArray[] = [];
    for (let match = this.take(pattern); match; match = this.take(pattern)) found.push(match);
    return found;
  }

  /** Finds without taking. */
  peek(pattern: RegExp): RegExpExecArray | null {
    pattern.lastIndex = 0;
    return pattern.exec(this.work);
  }

  blank(start: number, end: number): void {
    this.work = this.work.slice(0, start) + ' '.repeat(end - start) + this.work.slice(end);
  }

  /** The original text of what has not been taken, with spaces collapsed. */
  rest(): string {
    let out = '';
    for (let i = 0; i < this.original.length; i++) {
      out += this.work[i] === ' ' ? ' ' : this.original[i];
    }
    return out.replace(/\s+/g, ' ').trim();
  }

  /** A scanner over the text from `start` on (taken phrases stay taken); blanks it here. */
  cutFrom(start: number): Scanner {
    const tail = new Scanner(this.original.slice(start));
    tail.work = this.work.slice(start);
    this.blank(start, this.work.length);
    return tail;
  }

  /** Puts back the normalised text from `start` on, as it was before `cutFrom`. */
  restore(start: number, work: string): void {
    this.work = this.work.slice(0, start) + work;
  }

  /** The original text of [start, end). */
  slice(start: number, end: number): string {
    return this.original.slice(start, end);
  }
}
