import { In, type DataSource } from 'typeorm';
import { ChannelAccount, NotificationStatus, Platform, User } from '../../entities/index.js';
import { badInput, notFound } from '../../errors/domain-error.js';
import { rateLimitedTotal } from '../../metrics/messages.js';
import type { AuditLog } from '../audit-log.js';

/** What an operator sees of the service (GraphQL AdminStats, the bots' /admin). */
export interface AdminStatsData {
  usersTotal: number;
  activeToday: number;
  activeThisWeek: number;
  blockedUsers: number;
  messagesHandled24h: number;
  goals: number;
  events: number;
  notificationsFired24h: number;
  notificationsFailed24h: number;
  messenger429s: number;
  pendingNotifications: number;
}

/** One user as an operator sees it: no content, only what support needs. */
export interface AdminUserData {
  user: User;
  accounts: ChannelAccount[];
  goals: number;
  events: number;
  reminders: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IDENTITY = /^(telegram|max|web):([\w-]{1,64})$/i;

/** Operator tools: stats, user lookup, block and unblock (each change in the audit log). */
export class AdminService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async stats(now = new Date()): Promise<AdminStatsData> {
    const [row] = (await this.db.query(
      `SELECT
         (SELECT count(*) FROM users) AS "usersTotal",
         (SELECT count(*) FROM users WHERE last_active_at >= $1) AS "activeToday",
         (SELECT count(*) FROM users WHERE last_active_at >= $2) AS "activeThisWeek",
         (SELECT count(*) FROM users WHERE blocked_at IS NOT NULL) AS "blockedUsers",
         (SELECT count(*) FROM conversation_messages WHERE role = 'user' AND created_at >= $1)
           AS "messagesHandled24h",
         (SELECT count(*) FROM goals) AS "goals",
         (SELECT count(*) FROM events) AS "events",
         (SELECT count(*) FROM notifications WHERE created_at >= $1) AS "notificationsFired24h",
         (SELECT count(*) FROM notifications WHERE created_at >= $1 AND status = $3)
           AS "notificationsFailed24h",
         (SELECT count(*) FROM notifications WHERE status = $4) AS "pendingNotifications"`,
      [
        new Date(now.getTime() - 86_400_000),
        new Date(now.getTime() - 7 * 86_400_000),
        NotificationStatus.FAILED,
        NotificationStatus.PENDING,
      ],
    )) as Record<string, string>[];
    const counts = Object.fromEntries(
      Object.entries(row ?? {}).map(([key, value]) => [key, Number(value)]),
    ) as Omit<AdminStatsData, 'messenger429s'>;
    return { ...counts, messenger429s: await rateLimitedTotal() };
  }

  /** By user id or by messenger identity ("telegram:123"); null when there is none. */
  async lookup(query: string): Promise<AdminUserData | null> {
    const text = query.trim();
    let userId: string | null = null;
    if (UUID.test(text)) userId = text;
    else {
      const identity = IDENTITY.exec(text);
      if (!identity) {
        throw badInput('Look a user up by id or by "telegram:<id>" / "max:<id>"', {
          field: 'query',
        });
      }
      const account = await this.db.getRepository(ChannelAccount).findOneBy({
        platform: identity[1]!.toLowerCase() as Platform,
        platformUserId: identity[2]!,
      });
      userId = account?.userId ?? null;
    }
    return userId ? this.describe(userId) : null;
  }

  /**
   * What an operator typed to find someone: an id or identity as `lookup`, else a bare
   * messenger id (any platform) or a display name ("@Anna", case-insensitive); at most 10.
   */
  async search(query: string): Promise<AdminUserData[]> {
    const text = query.trim();
    if (!text || text.length > 200) {
      throw badInput('Type an id, "telegram:<id>" or a name (1…200 characters)', {
        field: 'query',
      });
    }
    if (UUID.test(text) || IDENTITY.test(text)) {
      const found = await this.lookup(text);
      return found ? [found] : [];
    }
    // Each side on its index: (platform, platform_user_id) and lower(display_name).
    const rows = (await this.db.query(
      `SELECT u.id FROM users u
        WHERE u.id IN (SELECT c.user_id FROM channel_accounts c
                        WHERE c.platform = ANY($3) AND c.platform_user_id = $1
                       UNION
                       SELECT n.id FROM users n WHERE lower(n.display_name) = lower($2))
        ORDER BY u.created_at LIMIT 10`,
      [text, text.replace(/^@/, ''), Object.values(Platform)],
    )) as { id: string }[];
    const found = await Promise.all(rows.map((row) => this.describe(row.id)));
    return found.filter((data) => data !== null);
  }

  async block(actor: string, userId: string, reason: string | null): Promise<AdminUserData> {
    const user = await this.userOrFail(userId);
    // Pressing "block" twice changes nothing and audits once.
    if (user.blockedAt) return (await this.describe(user.id))!;
    const text = reason?.trim().slice(0, 300) || null;
    await this.db.transaction(async (manager) => {
      await manager.update(User, { id: user.id }, { blockedAt: new Date(), blockedReason: text });
      // Their notifications stop: what is waiting is never offered.
      await manager.query(
        `UPDATE notifications SET status = $1, failure_reason = 'user blocked'
          WHERE user_id = $2 AND status = $3`,
        [NotificationStatus.EXPIRED, user.id, NotificationStatus.PENDING],
      );
    });
    await this.audit.record({
      actor,
      action: 'user_blocked',
      targetUserId: user.id,
      details: { reason: text },
    });
    return (await this.describe(user.id))!;
  }

  async unblock(actor: string, userId: string): Promise<AdminUserData> {
    const user = await this.userOrFail(userId);
    if (!user.blockedAt) return (await this.describe(user.id))!;
    await this.db
      .getRepository(User)
      .update({ id: user.id }, { blockedAt: null, blockedReason: null });
    await this.audit.record({ actor, action: 'user_unblocked', targetUserId: user.id });
    return (await this.describe(user.id))!;
  }

  private async userOrFail(userId: string): Promise<User> {
    if (!UUID.test(userId)) throw notFound('User');
    const user = await this.db.getRepository(User).findOneBy({ id: userId });
    if (!user) throw notFound('User');
    return user;
  }

  private async describe(userId: string): Promise<AdminUserData | null> {
    const user = await this.db.getRepository(User).findOneBy({ id: userId });
    if (!user) return null;
    const accounts = await this.db.getRepository(ChannelAccount).findBy({ userId: In([userId]) });
    const [row] = (await this.db.query(
      `SELECT (SELECT count(*) FROM goals WHERE user_id = $1) AS goals,
              (SELECT count(*) FROM events WHERE user_id = $1) AS events,
              (SELECT count(*) FROM reminders WHERE user_id = $1) AS reminders`,
      [userId],
    )) as { goals: string; events: string; reminders: string }[];
    return {
      user,
      accounts,
      goals: Number(row?.goals ?? 0),
      events: Number(row?.events ?? 0),
      reminders: Number(row?.reminders ?? 0),
    };
  }
}
