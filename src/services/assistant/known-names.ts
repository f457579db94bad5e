import type { DataSource } from 'typeorm';
import type { KnownNames } from '../../assistant/intent.types.js';

/** Names of each kind put into a model prompt. */
const LIMIT = 30;

/**
 * The titles of the user's active goals, upcoming (or repeating) events and active habits,
 * newest first: what a model engine matches a message's words against. One query.
 */
export async function knownNamesOf(db: DataSource, userId: string, now: Date): Promise<KnownNames> {
  const rows: { kind: keyof KnownNames; title: string }[] = await db.query(
    `(SELECT 'goals' AS kind, title FROM goals
       WHERE user_id = $1 AND status = 'active' ORDER BY created_at DESC LIMIT ${LIMIT})
     UNION ALL
     (SELECT 'events', title FROM events
       WHERE user_id = $1 AND (starts_at >= $2 OR recurrence IS NOT NULL)
       ORDER BY starts_at LIMIT ${LIMIT})
     UNION ALL
     (SELECT 'habits', title FROM habits
       WHERE user_id = $1 AND status = 'active' ORDER BY created_at DESC LIMIT ${LIMIT})`,
    [userId, now],
  );
  const known: KnownNames = { goals: [], events: [], habits: [] };
  for (const row of rows) if (!known[row.kind].includes(row.title)) known[row.kind].push(row.title);
  return known;
}
