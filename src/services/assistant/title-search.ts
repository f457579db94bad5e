import type { DataSource } from 'typeorm';
import { GoalStatus, HabitStatus, StepStatus } from '../../entities/index.js';

/** One of the user's items a message may name, with how well the words fit its title. */
export interface TitleCandidate {
  id: string;
  title: string;
  score: number;
}

export type TitleKind = 'events' | 'goals' | 'steps' | 'openSteps' | 'habits';

/** The rows searched per kind: the user's own (steps through their active goals). */
const FROM: Record<TitleKind, string> = {
  events: `events t WHERE t.user_id = $1`,
  goals: `goals t WHERE t.user_id = $1`,
  steps: `steps t JOIN goals g ON g.id = t.goal_id WHERE g.user_id = $1 AND g.status = '${GoalStatus.ACTIVE}'`,
  openSteps: `steps t JOIN goals g ON g.id = t.goal_id WHERE g.user_id = $1 AND g.status = '${GoalStatus.ACTIVE}' AND t.status <> '${StepStatus.DONE}'`,
  habits: `habits t WHERE t.user_id = $1 AND t.status = '${HabitStatus.ACTIVE}'`,
};

const VECTOR = `(to_tsvector('russian', t.title) || to_tsvector('english', t.title))`;

/** Two capitals are an abbreviation that names a thing ("OB", "ТО"), not a short word. */
const ABBREVIATION = /^\p{Lu}{2}$/u;

/**
 * Words of three letters or more (and abbreviations), for an OR query ("цель по испанскому" →
 * цель or испанскому, "OB moved" → ob or moved).
 */
const queryWords = (text: string) =>
  text
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 3 || ABBREVIATION.test(word))
    .map((word) => word.toLowerCase().replace(/ё/g, 'е'));

/** A word for a kind of thing, and the words its items are titled by ("врача" → «Кардиолог»). */
const KINDS: [RegExp, string[]][] = [
  [
    /^(?:врач|доктор|doctor|doc)/u,
    'кардиолог терапевт стоматолог окулист офтальмолог невролог педиатр гинеколог дерматолог лор хирург поликлиника dentist physician clinic cardiologist pediatrician dermatologist orthodontist gp'.split(
      ' ',
    ),
  ],
];

/** "inspector" → "inspect": the doer's word also finds the deed («Health inspection»). */
const DOER = /^(\p{L}{5,}?)(?:or|er)$/u;

/** The words, with the titles their kind goes by and the deed of a doer. */
const widened = (words: string[]) => [
  ...words,
  ...words.flatMap((word) => KINDS.find(([kind]) => kind.test(word))?.[1] ?? []),
  ...words.flatMap((word) => DOER.exec(word)?.[1] ?? []),
];

/**
 * Finds the user's items by the words a person uses for them, in the database: full-text
 * search over Russian and English stems ("испанскому" finds «Выучить испанский»), plus
 * pg_trgm word similarity for typos and word parts ("стоматолга" finds «Стоматолог»). Both
 * are indexed (migration TitleSearch). Best first; `score` is the share of the words'
 * stems the title holds plus the trigram similarity, so an item that matches more words
 * ranks higher.
 */
export class TitleSearch {
  constructor(private readonly db: DataSource) {}

  async find(userId: string, kind: TitleKind, text: string, limit = 10): Promise<TitleCandidate[]> {
    const words = queryWords(text);
    if (words.length === 0) return [];
    const orQuery = widened(words).join(' or ');
    const rows: { id: string; title: string; score: string | number }[] = await this.db.query(
      `WITH q AS (
         SELECT websearch_to_tsquery('russian', $2) || websearch_to_tsquery('english', $2) AS query,
                $3::text AS phrase
       )
       SELECT t.id, t.title,
              ts_rank(${VECTOR}, q.query, 0) * 10 + word_similarity(q.phrase, lower(t.title)) AS score
         FROM q, ${FROM[kind]}
          AND (${VECTOR} @@ q.query OR q.phrase <% lower(t.title) OR lower(t.title) % q.phrase)
        ORDER BY score DESC, t.title
        LIMIT ${Number(limit)}`,
      [userId, orQuery, words.join(' ')],
    );
    return rows.map((row) => ({ id: row.id, title: row.title, score: Number(row.score) }));
  }
}

/** How sure a pick is: the best candidate clearly ahead of the next, or several close ones. */
export type ItemPick<T> = { one: T } | { several: T[] } | { none: true };

/** Close: within 15% of the best score. */
const CLOSE = 0.85;

/**
 * The one item the words name, or the close ones to ask between. Items of the same title
 * (two "Встреча") are several too: only the person knows which is meant.
 */
export function pickBest<T>(ranked: T[], scoreOf: (item: T) => number): ItemPick<T> {
  if (ranked.length === 0) return { none: true };
  const best = scoreOf(ranked[0]!);
  const close = ranked.filter((item) => scoreOf(item) >= best * CLOSE);
  return close.length === 1 ? { one: close[0]! } : { several: close };
}
