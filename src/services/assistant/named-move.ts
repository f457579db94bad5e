import type { DataSource } from 'typeorm';
import type { ParseContext, ParsedIntent } from '../../assistant/intent.types.js';
import { readAnswer } from '../../assistant/offline/answers.js';

/** "груминг бублика на 13:30", "grooming to 1:30": a name, then only "на/to" and a new hour. */
const NAME_THEN_NEW_HOUR =
  /^\s*(\p{L}[\p{L}\p{N}\s'’-]*?)\s+((?:на|to)\s+\d{1,2}(?:[:.]\d{2})?(?:\s*[ap]m)?)[\s.!]*$/iu;

const plain = (title: string) => title.toLowerCase().replace(/ё/gu, 'е').trim();

/**
 * A new event said with only "на <время>" whose name is exactly that of one upcoming event of
 * the user's is that event moved: nobody makes a second «Груминг Бублика» this way (a new one
 * is said with "в 13:30" or a day).
 */
export async function moveOfNamedEvent(
  db: DataSource,
  userId: string,
  text: string,
  fresh: ParsedIntent,
  context: ParseContext,
): Promise<ParsedIntent | undefined> {
  if (fresh.intent !== 'event_create') return undefined;
  const said = NAME_THEN_NEW_HOUR.exec(text);
  if (!said) return undefined;
  const rows: { id: string; title: string }[] = await db.query(
    `SELECT id, title FROM events
      WHERE user_id = $1 AND starts_at >= $2 AND recurrence IS NULL
        AND lower(replace(title, 'ё', 'е')) = $3
      LIMIT 2`,
    [userId, context.now, plain(said[1]!)],
  );
  if (rows.length !== 1) return undefined;
  const edit: ParsedIntent = {
    intent: 'event_update',
    language: fresh.language,
    missing: ['change'],
    target: { text: rows[0]!.title },
    pickedId: rows[0]!.id,
  };
  const answered = readAnswer(edit, said[2]!, context);
  if (!answered || answered.leftover || answered.intent.missing.length > 0) return undefined;
  return answered.intent;
}
