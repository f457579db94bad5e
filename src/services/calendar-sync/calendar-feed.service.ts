import { createHash, randomBytes } from 'node:crypto';
import { IsNull, MoreThan, Not, type DataSource } from 'typeorm';
import { CalendarFeed, Event, Step, User } from '../../entities/index.js';
import { notFound } from '../../errors/domain-error.js';
import { writeIcs, type FeedItem } from './ics/ics-writer.js';

/** Where a feed is served: `<public URL>/ics/<token>.ics`. */
export const ICS_FEED_PATH = '/ics';
const TOKEN_PREFIX = 'ics_';
/** One-off events older than this are left out of the feed (recurring ones always stay). */
const PAST_DAYS = 365;
const MAX_ITEMS = 5_000;
const DEFAULT_STEP_MINUTES = 30;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface RenderedFeed {
  body: string;
  /** Strong ETag over the body: clients' conditional GETs get 304 while nothing changed. */
  etag: string;
  lastModified: Date;
}

/**
 * The user's secret ICS feed (subscribe in Google/Apple/Yandex Calendar): the token is shown
 * once, only its hash is stored; creating a new one revokes the old (rotation).
 */
export class CalendarFeedService {
  constructor(
    private readonly db: DataSource,
    private readonly publicUrl: string,
  ) {}

  /** The active feed, if any (its address cannot be shown again: only rotated). */
  active(user: User): Promise<CalendarFeed | null> {
    return this.db
      .getRepository(CalendarFeed)
      .findOne({ where: { userId: user.id, revokedAt: IsNull() }, order: { createdAt: 'DESC' } });
  }

  /** Revokes any active feed and makes a new one; the URL is returned this once. */
  async create(user: User): Promise<{ feed: CalendarFeed; url: string }> {
    const token = TOKEN_PREFIX + randomBytes(24).toString('base64url');
    const feed = await this.db.transaction(async (manager) => {
      await manager.update(
        CalendarFeed,
        { userId: user.id, revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
      return manager.save(
        manager.create(CalendarFeed, { userId: user.id, tokenHash: hashToken(token) }),
      );
    });
    return { feed, url: `${this.publicUrl}${ICS_FEED_PATH}/${token}.ics` };
  }

  async revoke(user: User, feedId: string): Promise<CalendarFeed> {
    const repository = this.db.getRepository(CalendarFeed);
    const feed = await repository.findOneBy({ id: feedId, userId: user.id });
    if (!feed) throw notFound('Calendar feed');
    if (!feed.revokedAt) {
      feed.revokedAt = new Date();
      await repository.save(feed);
    }
    return feed;
  }

  /** The feed a token opens, rendered; null for an unknown or revoked token. */
  async render(token: string, now = new Date()): Promise<RenderedFeed | null> {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return null;
    const feed = await this.db
      .getRepository(CalendarFeed)
      .findOneBy({ tokenHash: hashToken(token), revokedAt: IsNull() });
    if (!feed) return null;
    const user = await this.db.getRepository(User).findOneByOrFail({ id: feed.userId });
    const items = await this.itemsOf(user, now);
    const body = writeIcs('maxOn', items, now);
    // Written at most once a minute: a calendar app polling the feed does not turn reads into writes.
    if (!feed.lastFetchedAt || now.getTime() - feed.lastFetchedAt.getTime() > 60_000) {
      await this.db.getRepository(CalendarFeed).update({ id: feed.id }, { lastFetchedAt: now });
    }
    const lastModified = new Date(
      Math.max(feed.createdAt.getTime(), ...items.map((item) => item.updatedAt.getTime())),
    );
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    return { body, etag, lastModified };
  }

  /** The user's events (recurring ones always, others from a year back) and planned steps. */
  private async itemsOf(user: User, now: Date): Promise<FeedItem[]> {
    const since = new Date(now.getTime() - PAST_DAYS * 86_400_000);
    const events = await this.db.getRepository(Event).find({
      where: [
        { userId: user.id, startsAt: MoreThan(since) },
        { userId: user.id, recurrence: Not(IsNull()) },
      ],
      order: { startsAt: 'ASC' },
      take: MAX_ITEMS,
    });
    const items: FeedItem[] = events.map((event) => ({
      uid: `${event.id}@maxon`,
      title: event.title,
      start: event.startsAt,
      durationMinutes: event.durationMinutes,
      allDay: event.allDay,
      timezone: event.timezone,
      recurrence: event.recurrence,
      exceptions: event.exceptions,
      notes: event.notes,
      reminders: event.reminderEnabled ? event.reminderMinutesBefore : [],
      updatedAt: event.updatedAt,
    }));
    // A planned step already placed as an event is that event; the others are written here.
    const placed = new Set(events.map((event) => event.stepId).filter(Boolean));
    const steps = await this.db.getRepository(Step).find({
      where: { goal: { userId: user.id }, plannedStart: MoreThan(since) },
      take: MAX_ITEMS,
    });
    for (const step of steps) {
      if (placed.has(step.id) || !step.plannedStart) continue;
      items.push({
        uid: `step-${step.id}@maxon`,
        title: step.title,
        start: step.plannedStart,
        durationMinutes:
          step.plannedDurationMinutes ?? step.estimatedMinutes ?? DEFAULT_STEP_MINUTES,
        allDay: false,
        timezone: user.settings.timezone,
        recurrence: null,
        notes: step.ifThenCue,
        reminders: [],
        updatedAt: step.updatedAt,
      });
    }
    return items;
  }
}
