import type { DataSource } from 'typeorm';
import { badInput, DomainError, notFound } from '../errors/domain-error.js';
import {
  ChannelAccount,
  type Language,
  type Platform,
  User,
  UserSettings,
} from '../entities/index.js';
import { queryEntities } from '../db/entity-rows.js';
import type { DomainEvents } from './domain-events.js';
import { assertTimezone, minutesOfDay } from './timezone.js';

export interface ChannelIdentity {
  platform: Platform;
  platformUserId: string;
}

export interface RegisterChannelAccountInput extends ChannelIdentity {
  chatId: string;
  displayName?: string | null;
  language?: Language | null;
  timezone?: string | null;
}

const DIALOG_STATE_MAX_BYTES = 4096;
const ACTIVE_RESOLUTION_MS = 5 * 60_000;

export type SettingsChanges = {
  [K in keyof UserSettings]?: UserSettings[K] | null;
};

/** Users, their messenger identities and their settings. */
export class UserService {
  /** userId → when its last_active_at was last written by this process. */
  private readonly activeWritten = new Map<string, number>();

  constructor(
    private readonly db: DataSource,
    private readonly domainEvents: DomainEvents,
  ) {}

  /** One query: it runs for every bot request. */
  async findByChannel(identity: ChannelIdentity): Promise<User | null> {
    const [user] = await queryEntities(
      this.db,
      User,
      `SELECT u.* FROM users u JOIN channel_accounts a ON a.user_id = u.id
        WHERE a.platform = $1 AND a.platform_user_id = $2`,
      [identity.platform, identity.platformUserId],
    );
    return user ?? null;
  }

  /**
   * Notes that the user did something now (the operators' active-user counts): at most one
   * write per user every few minutes per process, and never in the caller's way.
   */
  markActive(userId: string, now = Date.now()): void {
    if ((this.activeWritten.get(userId) ?? 0) > now - ACTIVE_RESOLUTION_MS) return;
    if (this.activeWritten.size > 50_000) this.activeWritten.clear();
    this.activeWritten.set(userId, now);
    void this.db
      .query(`UPDATE users SET last_active_at = now() WHERE id = $1`, [userId])
      .catch(() => this.activeWritten.delete(userId));
  }

  /** The user's messenger identities. */
  channelAccountsOf(user: User): Promise<ChannelAccount[]> {
    return this.db.getRepository(ChannelAccount).findBy({ userId: user.id });
  }

  /**
   * First contact from a messenger creates the user and the channel account; later calls
   * return the same user and keep the chat id current. Safe under concurrent calls. A bot
   * acting for a messenger account (`actingAs`) may register that account only.
   */
  async registerChannelAccount(
    input: RegisterChannelAccountInput,
    actingAs: ChannelIdentity | null = null,
  ): Promise<User> {
    if (
      actingAs &&
      (actingAs.platform !== input.platform || actingAs.platformUserId !== input.platformUserId)
    ) {
      throw new DomainError(
        'FORBIDDEN',
        'A bot acting for one messenger account cannot register another',
      );
    }
    if (input.timezone) assertTimezone(input.timezone);
    const { user, created } = await this.db.transaction(async (manager) => {
      const existing = await manager.findOne(ChannelAccount, {
        where: { platform: input.platform, platformUserId: input.platformUserId },
        relations: { user: true },
      });
      if (existing) {
        if (existing.chatId !== input.chatId) {
          await manager.update(ChannelAccount, { id: existing.id }, { chatId: input.chatId });
        }
        return { user: existing.user, created: false };
      }
      const user = manager.create(User, { displayName: input.displayName ?? null });
      user.settings = Object.assign(new UserSettings(), {
        ...(input.language ? { language: input.language } : {}),
        ...(input.timezone ? { timezone: input.timezone } : {}),
      });
      await manager.save(user);
      await manager.insert(ChannelAccount, {
        platform: input.platform,
        platformUserId: input.platformUserId,
        chatId: input.chatId,
        userId: user.id,
      });
      return { user: await manager.findOneOrFail(User, { where: { id: user.id } }), created: true };
    });
    if (created) await this.domainEvents.emit('userSettingsChanged', { userId: user.id });
    return user;
  }

  /** A bot's dialog with one messenger account; null when none is in progress. */
  async dialogState(identity: ChannelIdentity): Promise<Record<string, unknown> | null> {
    const account = await this.db.getRepository(ChannelAccount).findOne({
      where: { platform: identity.platform, platformUserId: identity.platformUserId },
      select: { id: true, dialogState: true },
    });
    if (!account) throw notFound('Channel account');
    return account.dialogState;
  }

  async setDialogState(
    identity: ChannelIdentity,
    state: Record<string, unknown> | null,
  ): Promise<void> {
    if (state && Buffer.byteLength(JSON.stringify(state)) > DIALOG_STATE_MAX_BYTES) {
      throw badInput(`A dialog state is at most ${DIALOG_STATE_MAX_BYTES} bytes of JSON`);
    }
    const result = await this.db.getRepository(ChannelAccount).update(
      { platform: identity.platform, platformUserId: identity.platformUserId },
      // TypeORM's update typing cannot express a jsonb column holding any object.
      { dialogState: state as never },
    );
    if (!result.affected) throw notFound('Channel account');
  }

  async updateSettings(user: User, changes: SettingsChanges): Promise<User> {
    if (changes.timezone) assertTimezone(changes.timezone);
    const updated = await this.db.transaction(async (manager) => {
      const current = await manager.findOne(User, {
        where: { id: user.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) throw notFound('User');
      const next: UserSettings = { ...current.settings };
      for (const [key, value] of Object.entries(changes) as [keyof UserSettings, never][]) {
        if (value !== undefined && (value !== null || isNullableSetting(key))) next[key] = value;
      }
      next.defaultReminderMinutes = [...new Set(next.defaultReminderMinutes)].sort((a, b) => a - b);
      assertConsistent(next);
      current.settings = Object.assign(new UserSettings(), next);
      return manager.save(current);
    });
    await this.domainEvents.emit('userSettingsChanged', { userId: user.id });
    return updated;
  }
}

/** A habit day starting after noon would file most of a day under the day before. */
export const DAY_START_LATEST = '12:00';

function isNullableSetting(key: keyof UserSettings): boolean {
  return key === 'quietHoursStart' || key === 'quietHoursEnd';
}

function assertConsistent(settings: UserSettings): void {
  if ((settings.quietHoursStart === null) !== (settings.quietHoursEnd === null)) {
    throw badInput('Set both quietHoursStart and quietHoursEnd, or clear both', {
      field: 'quietHoursStart',
    });
  }
  if (minutesOfDay(settings.workDayStart) >= minutesOfDay(settings.workDayEnd)) {
    throw badInput('workDayStart must be before workDayEnd', { field: 'workDayStart' });
  }
  if (minutesOfDay(settings.dayStart) > minutesOfDay(DAY_START_LATEST)) {
    throw badInput(`dayStart must be between 00:00 and ${DAY_START_LATEST}`, { field: 'dayStart' });
  }
  const days = settings.workDays;
  if (days.length === 0 || new Set(days).size !== days.length) {
    throw badInput('workDays must list distinct ISO weekdays 1…7', { field: 'workDays' });
  }
}
