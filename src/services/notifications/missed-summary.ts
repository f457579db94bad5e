import type { DataSource } from 'typeorm';
import { NotificationKind, User } from '../../entities/index.js';
import type { NotificationOutbox } from './outbox.js';
import { localWhen, textsFor } from './texts.js';

/** The kinds a user would miss as a reminder (digests and overdue lists are not repeated). */
const REMINDER_KINDS = [
  NotificationKind.REMINDER,
  NotificationKind.EVENT_REMINDER,
  NotificationKind.HABIT_REMINDER,
  NotificationKind.DEADLINE_WARNING,
];
/** At most this many missed reminders are listed; the rest is a count. */
const LISTED = 10;
/** Missed rows older than this are not reported any more (a summary for last week helps no one). */
const LOOK_BACK = '1 day';

interface MissedRow {
  userId: string;
  text: string;
  occurrenceAt: Date;
  /** The newest missed row of the user: the summary covers everything up to it. */
  newest: Date;
}

/**
 * After an outage the worker marks what it ran too late as missed (written expired, never
 * offered). This tells each such user once, in one message, what was missed: it waits until
 * the user's catch-up has settled (no missed row for `settleSeconds`), then writes one
 * notification per channel covering every missed reminder since the previous summary. Its
 * idempotency key carries the newest covered moment, so a second run writes nothing.
 */
export class MissedReminderSummary {
  constructor(
    private readonly db: DataSource,
    private readonly outbox: NotificationOutbox,
    private readonly settleSeconds: number,
  ) {}

  /** Writes and offers the summaries that are due; returns how many users were told. */
  async sendDue(now = new Date()): Promise<number> {
    const rows = (await this.db.query(
      `WITH missed AS (
         SELECT n.user_id, split_part(n.idempotency_key, '#', 1) AS occurrence, n.text,
                n.occurrence_at, n.created_at
           FROM notifications n
          WHERE n.status = 'expired' AND n.failure_reason LIKE 'missed%'
            AND n.kind = ANY($2::text[]) AND n.created_at > $1::timestamptz - $3::interval
            AND NOT EXISTS (
              SELECT 1 FROM notifications s
               WHERE s.user_id = n.user_id AND s.kind = 'missed_summary'
                 AND s.occurrence_at >= date_trunc('milliseconds', n.created_at))),
       settled AS (
         -- In milliseconds, as the summary's occurrence_at will hold it (a JavaScript Date).
         SELECT user_id, date_trunc('milliseconds', max(created_at)) AS newest
           FROM missed GROUP BY user_id
         HAVING max(created_at) <= $1::timestamptz - make_interval(secs => $4))
       SELECT DISTINCT ON (m.user_id, m.occurrence)
              m.user_id AS "userId", m.text, m.occurrence_at AS "occurrenceAt",
              s.newest AS "newest"
         FROM missed m JOIN settled s USING (user_id)
        ORDER BY m.user_id, m.occurrence`,
      [now, REMINDER_KINDS, LOOK_BACK, this.settleSeconds],
    )) as MissedRow[];
    if (rows.length === 0) return 0;
    const byUser = new Map<string, MissedRow[]>();
    for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
    const users = await this.db
      .getRepository(User)
      .findBy([...byUser.keys()].map((id) => ({ id })));
    const drafts = users.map((user) => {
      const missed = byUser
        .get(user.id)!
        .sort((a, b) => a.occurrenceAt.getTime() - b.occurrenceAt.getTime());
      return {
        missed: false,
        draft: {
          user,
          kind: NotificationKind.MISSED_SUMMARY,
          source: `missed-summary:${user.id}`,
          occurrenceAt: missed[0]!.newest,
          text: summaryText(user, missed, now),
          payload: { actions: [], refs: { missed: missed.length } },
        },
      };
    });
    const written = await this.db.transaction((manager) => this.outbox.write(manager, drafts, now));
    await this.outbox.dispatch(written.flat());
    return drafts.length;
  }
}

function summaryText(user: User, missed: MissedRow[], now: Date): string {
  const { language, timezone } = user.settings;
  const texts = textsFor(language);
  const lines = missed
    .slice(0, LISTED)
    .map((row) => `• ${localWhen(row.occurrenceAt, timezone, language, now)} — ${row.text}`);
  if (missed.length > LISTED) lines.push(texts.missedMore(missed.length - LISTED));
  return [texts.missedHeader(missed.length), ...lines].join('\n');
}
