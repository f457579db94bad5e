import type { DataSource } from 'typeorm';
import type { Logger } from '../logger.js';
import type { AppPubSub } from '../pubsub.js';
import { ApiTokenService } from './api-token.service.js';
import { AuthService } from './auth.service.js';
import { EventService } from './event.service.js';
import { GoalService } from './goal.service.js';
import { scheduleAfterCommit, type JobQueue } from './job-queue.js';
import { DailyNotifications } from './notifications/daily-notifications.js';
import { NotificationService } from './notifications/notification.service.js';
import { NotificationOutbox, type OutboxSettings } from './notifications/outbox.js';
import { ReminderFiring } from './notifications/reminder-firing.js';
import { ReminderNotifications } from './notifications/reminder-notifications.js';
import { WebhookService, type WebhookSettings } from './notifications/webhook.service.js';
import { ReminderScheduler } from './reminder-scheduler.js';
import { ReminderService } from './reminder.service.js';
import { StepService } from './step.service.js';
import { UserService } from './user.service.js';
import { PlanningService } from './planning.service.js';
import { CoachService } from '../assistant/coach/coach.service.js';
import { ConversationService } from '../assistant/conversation/conversation.service.js';
import { IntentExecutor } from '../assistant/conversation/executor.js';
import type { ModelClient } from '../assistant/model/model-client.js';
import { FallbackIntentEngine, ModelIntentEngine } from '../assistant/model/model-engine.js';
import { offlineEngine } from '../assistant/offline/offline-engine.js';

export interface Services {
  users: UserService;
  goals: GoalService;
  steps: StepService;
  events: EventService;
  apiTokens: ApiTokenService;
  auth: AuthService;
  reminderScheduler: ReminderScheduler;
  reminders: ReminderService;
  notifications: NotificationService;
  outbox: NotificationOutbox;
  reminderNotifications: ReminderNotifications;
  dailyNotifications: DailyNotifications;
  reminderFiring: ReminderFiring;
  webhooks: WebhookService;
  jobs: JobQueue;
  planning: PlanningService;
  coach: CoachService;
  conversation: ConversationService;
  /** Null when no model is configured: the offline engine answers, voice is unavailable. */
  model: ModelClient | null;
}

export interface ServiceOptions {
  serviceKey?: string;
  notifications: OutboxSettings;
  webhooks: WebhookSettings;
  reminderPayloadMaxBytes: number;
  model: ModelClient | null;
}

/** Wires the domain services once per process. */
export function createServices(
  db: DataSource,
  pubsub: AppPubSub,
  jobs: JobQueue,
  logger: Logger,
  options: ServiceOptions,
): Services {
  const reminderScheduler = new ReminderScheduler(db, jobs, logger);
  const users = new UserService(db, {
    userChanged: (userId) => scheduleAfterCommit(logger, () => reminderScheduler.syncUser(userId)),
  });
  const goals = new GoalService(db);
  const apiTokens = new ApiTokenService(db);
  const webhooks = new WebhookService(db, options.webhooks);
  const outbox = new NotificationOutbox(db, pubsub, jobs, webhooks, options.notifications);
  const events = new EventService(db, {
    eventChanged: (eventId) =>
      scheduleAfterCommit(logger, () => reminderScheduler.syncEvent(eventId)),
  });
  const steps = new StepService(db, goals, pubsub);
  const planning = new PlanningService(db, goals, events, async (eventIds) => {
    for (const eventId of eventIds) {
      await scheduleAfterCommit(logger, () => reminderScheduler.syncEvent(eventId));
    }
  });
  const core: Omit<Services, 'conversation'> = {
    users,
    goals,
    steps,
    events,
    apiTokens,
    auth: new AuthService(options.serviceKey, users, apiTokens),
    reminderScheduler,
    reminders: new ReminderService(db, reminderScheduler, logger, options.reminderPayloadMaxBytes),
    notifications: new NotificationService(db, outbox),
    outbox,
    reminderNotifications: new ReminderNotifications(db),
    dailyNotifications: new DailyNotifications({ db, events }),
    reminderFiring: new ReminderFiring(db),
    webhooks,
    jobs,
    planning,
    coach: new CoachService(db, goals, steps, pubsub, options.model, logger),
    model: options.model,
  };
  const engine = options.model
    ? new FallbackIntentEngine(new ModelIntentEngine(options.model), logger)
    : offlineEngine;
  return { ...core, conversation: new ConversationService(db, engine, new IntentExecutor(core)) };
}
