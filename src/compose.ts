import type { DataSource } from 'typeorm';
import { CoachService } from './services/assistant/coach.service.js';
import { ConversationService } from './services/assistant/conversation.service.js';
import { IntentExecutor } from './services/assistant/intent-executor.js';
import { TitleSearch } from './services/assistant/title-search.js';
import { modelClientFrom } from './assistant/model/model-config.js';
import { FallbackIntentEngine, ModelIntentEngine } from './assistant/model/model-engine.js';
import { offlineEngine } from './assistant/offline/offline-engine.js';
import type { Config } from './config.js';
import { createSecretBox, secretKeysFrom, type SecretBox } from './common/secret-box.js';
import { wireDomainEventHandlers } from './domain-event-handlers.js';
import type { Logger } from './logger.js';
import type { AppPubSub } from './pubsub.js';
import { CalendarFeedService } from './services/calendar-sync/calendar-feed.service.js';
import { CalendarAccountsService } from './services/calendar-sync/calendar-accounts.service.js';
import { GOOGLE_PUSH_PATH } from './services/calendar-sync/push-channels.js';
import { CalendarSyncService } from './services/calendar-sync/calendar-sync.service.js';
import { CalendarSyncEngine } from './services/calendar-sync/sync-engine.js';
import { calendarProviderFactories } from './services/calendar-sync/provider-factories.js';
import { CalendarConnectionService } from './services/calendar-sync/calendar-connection.service.js';
import { GoogleOAuthService } from './services/calendar-sync/google-oauth.service.js';
import { ApiTokenService } from './services/api-token.service.js';
import { AuthService } from './services/auth.service.js';
import { WebAuthService } from './services/web-auth/web-auth.service.js';
import { DomainEvents } from './services/domain-events.js';
import { EventService } from './services/event.service.js';
import { GoalService } from './services/goal.service.js';
import type { Services } from './services/index.js';
import type { JobQueue } from './services/job-queue.js';
import { DailyNotifications } from './services/notifications/daily-notifications.js';
import { NotificationService } from './services/notifications/notification.service.js';
import { NotificationOutbox } from './services/notifications/outbox.js';
import { MissedReminderSummary } from './services/notifications/missed-summary.js';
import { ReminderFiring } from './services/notifications/reminder-firing.js';
import { HabitNotifications } from './services/notifications/habit-notifications.js';
import { ReminderNotifications } from './services/notifications/reminder-notifications.js';
import { WebhookService } from './services/notifications/webhook.service.js';
import { AutoScheduleService } from './services/auto-schedule.service.js';
import { PictureService } from './services/pictures/picture.service.js';
import { PictureUrlSigner } from './services/pictures/picture-urls.js';
import { ReminderScheduler } from './services/reminder-scheduler.js';
import { ReminderService } from './services/reminder.service.js';
import { HabitCheckInService } from './services/habits/habit-check-in.service.js';
import { HabitService } from './services/habits/habit.service.js';
import { TodayService } from './services/habits/today.service.js';
import { StepService } from './services/step.service.js';
import { UserService } from './services/user.service.js';
import { RateLimits, type RateLimitStore } from './services/rate-limits.js';
import { AuditLog } from './services/audit-log.js';
import { AdminService } from './services/admin/admin.service.js';
import { BroadcastService } from './services/admin/broadcast.service.js';
import { adminIdentities } from './config.js';

/** Only for benchmarks that replay messages at a fixed moment: production passes none. */
export interface CompositionOptions {
  clock?: () => Date;
}

/**
 * The composition root: builds the domain services of a process once, from its database,
 * PubSub and job queue, and wires what follows a committed change (domain events →
 * handlers). `openCore()` calls it; nothing else constructs services.
 */
/**
 * The process's SecretBox from SECRETS_KEY (the config has validated it and refused its
 * absence in production).
 */
/** One Google API or token call that takes longer fails ('unavailable'); the sync retries. */
const GOOGLE_TIMEOUT_MS = 15_000;

export function secretBoxFrom(config: Config): SecretBox {
  return createSecretBox(secretKeysFrom(config));
}

export function composeServices(
  db: DataSource,
  pubsub: AppPubSub,
  jobs: JobQueue,
  logger: Logger,
  config: Config,
  options: CompositionOptions = {},
): Services {
  const model = modelClientFrom(config);
  const secrets = secretBoxFrom(config);
  const publicUrl = config.PUBLIC_URL ?? `http://127.0.0.1:${config.PORT}`;
  const domainEvents = new DomainEvents(logger);
  const reminderScheduler = new ReminderScheduler(db, jobs, logger);
  wireDomainEventHandlers(domainEvents, { reminderScheduler, pubsub });

  const audit = new AuditLog(db, logger);
  const users = new UserService(db, domainEvents);
  const goals = new GoalService(db);
  const apiTokens = new ApiTokenService(db, domainEvents);
  const events = new EventService(db, domainEvents, config.MAX_EVENTS_PER_USER);
  const steps = new StepService(db, goals, domainEvents);
  const habits = new HabitService(db, goals, domainEvents, options.clock);
  const webhooks = new WebhookService(
    db,
    {
      allowLocalhost: config.WEBHOOK_ALLOW_LOCALHOST,
      timeoutMs: 10_000,
      maxPerUser: config.MAX_WEBHOOKS_PER_USER,
    },
    secrets,
    audit,
  );
  const outbox = new NotificationOutbox(db, pubsub, jobs, webhooks, {
    ackTimeoutSeconds: config.NOTIFICATION_ACK_TIMEOUT_SECONDS,
    maxAttempts: config.NOTIFICATION_MAX_ATTEMPTS,
    webhookRetry: {
      maxAttempts: config.WEBHOOK_MAX_ATTEMPTS,
      baseDelayMs: config.WEBHOOK_RETRY_BASE_SECONDS * 1000,
    },
  });
  const reminderNotifications = new ReminderNotifications(db);
  const webAuth = new WebAuthService(db, users, {
    sessionDays: config.WEB_SESSION_DAYS,
    linkTtlSeconds: config.WEB_LINK_TTL_SECONDS,
    initDataMaxAgeSeconds: config.WEB_INIT_DATA_MAX_AGE_SECONDS,
    botTokens: { telegram: config.TELEGRAM_BOT_TOKEN, max: config.MAX_BOT_TOKEN },
    publicUrl,
  });
  const habitCheckIns = new HabitCheckInService(db, habits);
  const today = new TodayService(db, habits, events);
  const calendarConnections = new CalendarConnectionService(db, secrets);
  const pictureSecret = config.PICTURE_URL_SECRET ?? config.SERVICE_API_KEY ?? null;
  const googleOAuth = new GoogleOAuthService(
    db,
    secrets,
    calendarConnections,
    config.GOOGLE_CLIENT_ID && config.GOOGLE_CLIENT_SECRET
      ? {
          clientId: config.GOOGLE_CLIENT_ID,
          clientSecret: config.GOOGLE_CLIENT_SECRET,
          oauthBaseUrl: config.GOOGLE_OAUTH_BASE_URL ?? null,
          apiBaseUrl: config.GOOGLE_API_BASE_URL,
          publicUrl,
          timeoutMs: GOOGLE_TIMEOUT_MS,
        }
      : null,
    logger.child({ component: 'google-oauth' }),
  );
  const outboundPolicy = { allowLocalhost: config.WEBHOOK_ALLOW_LOCALHOST };
  const calendarSync = new CalendarSyncService(
    db,
    calendarConnections,
    new CalendarSyncEngine(
      db,
      calendarConnections,
      calendarProviderFactories(config, googleOAuth),
      { events, steps },
      {
        intervalMinutes: config.CALENDAR_SYNC_MINUTES,
        busyDays: config.CALENDAR_BUSY_DAYS,
        // Google calls this when a calendar changes; only with a public address to call.
        pushAddress: config.PUBLIC_URL ? `${config.PUBLIC_URL}${GOOGLE_PUSH_PATH}` : null,
      },
      logger,
    ),
    jobs,
    outboundPolicy,
  );
  const pictureUrls = new PictureUrlSigner(pictureSecret, config.PICTURE_URL_TTL_SECONDS);
  const rateLimits = new RateLimits(
    {
      mutationsPerMinute: config.RATE_LIMIT_MUTATIONS_PER_MINUTE,
      assistantPerMinute: config.RATE_LIMIT_ASSISTANT_PER_MINUTE,
    },
    rateLimitStoreFor(config, db),
    (userId, budget, retryAfterSeconds) =>
      void audit.record({
        actor: `user:${userId}`,
        action: 'rate_limited',
        targetUserId: userId,
        details: { budget, retryAfterSeconds },
      }),
  );
  const core: Omit<Services, 'conversation' | 'clock'> = {
    users,
    goals,
    steps,
    habits,
    habitCheckIns,
    pictures: new PictureService(db, habits, habitCheckIns, goals, pictureUrls),
    today,
    events,
    apiTokens,
    auth: new AuthService(
      config.SERVICE_API_KEY,
      users,
      apiTokens,
      webAuth,
      adminIdentities(config),
      audit,
    ),
    webAuth,
    reminderScheduler,
    reminders: new ReminderService(db, domainEvents, {
      payloadMaxBytes: config.REMINDER_PAYLOAD_MAX_BYTES,
      maxLivePerUser: config.MAX_LIVE_REMINDERS_PER_USER,
      minIntervalMinutes: config.REMINDER_MIN_INTERVAL_MINUTES,
    }),
    notifications: new NotificationService(db, outbox, reminderNotifications),
    outbox,
    reminderNotifications,
    habitNotifications: new HabitNotifications(db),
    dailyNotifications: new DailyNotifications({ db, events, today }),
    reminderFiring: new ReminderFiring(db),
    missedSummary: new MissedReminderSummary(db, outbox, config.MISSED_SUMMARY_DELAY_SECONDS),
    webhooks,
    jobs,
    autoSchedule: new AutoScheduleService(db, goals, events, domainEvents),
    calendarConnections,
    calendarSync,
    calendarAccounts: new CalendarAccountsService(
      db,
      calendarConnections,
      calendarSync,
      googleOAuth,
      outboundPolicy,
    ),
    googleOAuth,
    calendarFeeds: new CalendarFeedService(db, publicUrl),
    coach: new CoachService(db, goals, steps, pubsub, model, logger),
    model,
    secrets,
    rateLimits,
    audit,
    admin: new AdminService(db, audit),
    broadcasts: new BroadcastService(db, outbox, jobs, audit, config.BROADCAST_PER_SECOND),
  };
  const engine = model
    ? new FallbackIntentEngine(new ModelIntentEngine(model), logger)
    : offlineEngine;
  return {
    ...core,
    conversation: new ConversationService(
      db,
      engine,
      new IntentExecutor(core, new TitleSearch(db)),
    ),
    clock: options.clock ?? (() => new Date()),
  };
}

/**
 * Redis when configured (shared by every instance); else the PostgreSQL server; the embedded
 * database serves one process, whose memory is as good and costs no query.
 */
function rateLimitStoreFor(config: Config, db: DataSource): RateLimitStore {
  if (config.REDIS_URL) return { kind: 'redis', url: config.REDIS_URL };
  if (config.DATABASE_URL) return { kind: 'postgres', db };
  return { kind: 'memory' };
}
