import type { AssistantLanguage, MissingSlot } from '../intent.types.js';
import { questionFor } from './questions.js';
import { capitalize, type Scanner, words } from './text.js';

/** Words that are left at the edges of a phrase once dates and times are cut out. */
const EDGE_WORDS = new Set([
  'в',
  'во',
  'на',
  'к',
  'ко',
  'с',
  'со',
  'и',
  'а',
  'по',
  'про',
  'о',
  'об',
  'что',
  'чтобы',
  'мне',
  'меня',
  'у',
  'до',
  'от',
  'для',
  'мой',
  'мою',
  'моя',
  'мое',
  'моё',
  'мои',
  'это',
  'эту',
  'пожалуйста',
  // "нет, в 8:30" with no event just made: a correction, not an event called «Нет».
  'нет',
  'ой',
  'no',
  'nope',
  'sorry',
  'oops',
  'to',
  'at',
  'on',
  'in',
  'for',
  'the',
  'a',
  'an',
  'and',
  'about',
  'that',
  'of',
  'by',
  'from',
  'my',
  'me',
  'please',
  'is',
  'it',
  'with',
]);

const TRIM = /^[\s,.:;!?—–\-"'«»“”‘’()]+|[\s,.:;!?—–\-"'«»“”‘’()]+$/gu;

/** Drops punctuation and leftover prepositions, articles and pronouns at both ends. */
export function cleanPhrase(text: string): string {
  let parts = text.replace(TRIM, '').split(/\s+/).filter(Boolean);
  const isEdge = (word: string | undefined) =>
    word !== undefined && EDGE_WORDS.has(word.toLowerCase().replace(TRIM, ''));
  while (parts.length > 0 && isEdge(parts[0])) parts = parts.slice(1);
  while (parts.length > 0 && isEdge(parts[parts.length - 1])) parts = parts.slice(0, -1);
  return parts.join(' ').replace(TRIM, '');
}

const CONSONANT_U = /([бвгджзклмнпрстфхцчшщ])у$/u;

/**
 * After "запланируй", "добавь", "напомни про", a Russian noun is in the accusative:
 * "встречу с Олей" → "встреча с Олей", "новую пробежку" → "новая пробежка". Only
 * feminine forms change; masculine inanimate ones are the same as the nominative.
 */
export function toNominative(phrase: string): string {
  const parts = phrase.split(' ');
  for (let i = 0; i < Math.min(parts.length, 2); i++) {
    const word = parts[i] ?? '';
    if (!/^\p{Script=Cyrillic}+$/u.test(word) || word.length < 4) return parts.join(' ');
    if (/[ую]ю$/u.test(word)) {
      parts[i] = word.replace(/ую$/u, 'ая').replace(/юю$/u, 'яя');
      continue; // an adjective: the noun follows
    }
    if (CONSONANT_U.test(word)) parts[i] = word.replace(CONSONANT_U, '$1а');
    else if (/ию$/u.test(word)) parts[i] = word.replace(/ию$/u, 'ия');
    break;
  }
  return parts.join(' ');
}

/** Takes every phrase matching one of `fillers` out of the scanner; true when any was found. */
export function takeFillers(scanner: Scanner, fillers: readonly string[]): boolean {
  let found = false;
  for (const filler of fillers) {
    if (scanner.takeAll(words(filler)).length > 0) found = true;
  }
  return found;
}

/** What is left of the message as a title: cleaned and capitalised; undefined when empty. */
export function titleFrom(
  scanner: Scanner,
  options: { accusative?: boolean } = {},
): string | undefined {
  const phrase = cleanPhrase(scanner.rest());
  if (!phrase) return undefined;
  return capitalize(options.accusative ? toNominative(phrase) : phrase);
}

/**
 * Words that point at an item without naming it: "одну цель надо удалить", "delete one of my
 * goals", "отметь галочку", "cancel the thing". A target of only these is no target: ask which.
 */
const VAGUE =
  /^(?:(?:один|одну|одна|одно|одного|одной|какую-?то|какой-?то|какое-?то|какую-?нибудь|кое-?что|что-?то|что-?нибудь|надо|нужно|бы|хочу|хотел\p{L}*|тот|ту|то|эту|этот|это|эти|их|из|него|неё|нее|галочк\p{L}*|галк\p{L}*|отметк\p{L}*|поставь|поставить|пж|пжл|плз|плиз|пожалуйста|pls|plz|please|wait|actually|hmm+|oh|ой|хотя|стоп|нет|no|one|ones|some|some?thing|somethin|smth|sth|thing|stuff|it|this|that|these|those|of|my|mine|them|the|a|an|tick|off|as)(?:\s+|$))+$/iu;

/** "шаг добавь пж", "add somthing": words that name nothing, so there is still a title to ask for. */
export function isVague(phrase: string): boolean {
  return VAGUE.test(phrase.trim());
}

/** What is left of the message as words naming an existing thing (not capitalised). */
export function targetFrom(
  scanner: Scanner,
  options: { accusative?: boolean } = {},
): string | undefined {
  const phrase = cleanPhrase(scanner.rest());
  // "done ✔ tick it": a mark left over names nothing.
  if (VAGUE.test(phrase) || !/[\p{L}\p{N}]/u.test(phrase)) return undefined;
  return (options.accusative ? toNominative(phrase) : phrase) || undefined;
}

const QUOTED = /(?<![\p{L}\p{N}])(?:«[^»]+»|"[^"]+"|“[^”]+”|'[^']+'|‘[^’]+’)(?![\p{L}\p{N}])/gu;

/** A phrase in quotes («…», "…", '…'), taken out of the scanner, as written. */
export function takeQuoted(scanner: Scanner): string | undefined {
  const match = scanner.take(QUOTED);
  if (!match) return undefined;
  const phrase = cleanPhrase(scanner.slice(match.index + 1, match.index + match[0].length - 1));
  return phrase || undefined;
}

/**
 * "удали цель про марафон", "remove the step find a tutor": the item to delete, named by its
 * quoted or remaining words once the delete verbs (`fillers`) are taken; asks when none is left.
 */
export function buildDeleteByName<N extends 'goal_delete' | 'step_delete'>(
  intent: N,
  scanner: Scanner,
  language: AssistantLanguage,
  fillers: string[],
): {
  intent: N;
  language: AssistantLanguage;
  missing: MissingSlot[];
  target?: string;
  question?: string;
} {
  const quoted = takeQuoted(scanner);
  takeFillers(scanner, fillers);
  const target = quoted ?? targetFrom(scanner);
  if (target) return { intent, language, missing: [], target };
  return {
    intent,
    language,
    missing: ['target'],
    question: questionFor(intent, 'target', language),
  };
}
