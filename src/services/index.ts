import type { DataSource } from 'typeorm';
import type { Logger } from '../logger.js';
import type { AppPubSub } from '../pubsub.js';
import { ApiTokenService } from './api-token.service.js';
import { AuthService } from './auth.service.js';
import { EventService } from './event.service.js';
import { GoalService } from './goal.service.js';
import { HabitCheckInService } from './habits/habit-check-in.service.js';
import { HabitService } from './habits/habit.service.js';
import { TodayService } from './habits/today.service.js';
import { scheduleAfterCommit, type JobQueue } from './job-queue.js';
import {
  NotificationService,
  type NotificationSettings,
} from './notifications/notification.service.js';
import { WebhookService, type WebhookSettings } from './notifications/webhook.service.js';
import { ReminderPlanner } from './reminder-planner.js';
import { ReminderService } from './reminder.service.js';
import { StepService } from './step.service.js';
import { UserService } from './user.service.js';
import { AutoScheduleService } from './auto-schedule.service.js';
import { CoachService } from './assistant/coach.service.js';
import { ConversationService } from './assistant/conversation.service.js';
import { IntentExecutor } from './assistant/intent-executor.js';
import type { ModelClient } from '../assistant/model/model-client.js';
import { FallbackIntentEngine, ModelIntentEngine } from '../assistant/model/model-engine.js';
import { offlineEngine } from '../assistant/offline/offline-engine.js';

export interface Services {
  users: UserService;
  goals: GoalService;
  habits: HabitService;
  habitCheckIns: HabitCheckInService;
  today: TodayService;
  steps: StepService;
  events: EventService;
  apiTokens: ApiTokenService;
  auth: AuthService;
  planner: ReminderPlanner;
  reminders: ReminderService;
  notifications: NotificationService;
  webhooks: WebhookService;
  jobs: JobQueue;
  autoSchedule: AutoScheduleService;
  coach: CoachService;
  conversation: ConversationService;
  /** Null when no model is configured: the offline engine answers, voice is unavailable. */
  model: ModelClient | null;
}

export interface ServiceOptions {
  serviceKey?: string;
  notifications: NotificationSettings;
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
  const planner = new ReminderPlanner(db, jobs, logger);
  const users = new UserService(db, {
    userChanged: (userId) => scheduleAfterCommit(logger, () => planner.syncUser(userId)),
  });
  const goals = new GoalService(db);
  const apiTokens = new ApiTokenService(db);
  const notifications = new NotificationService(db, pubsub, jobs, options.notifications);
  const events = new EventService(db, {
    eventChanged: (eventId) => scheduleAfterCommit(logger, () => planner.syncEvent(eventId)),
  });
  const steps = new StepService(db, goals, pubsub);
  const habits = new HabitService(db, goals, pubsub);
  const autoSchedule = new AutoScheduleService(db, goals, events, async (eventIds) => {
    for (const eventId of eventIds) {
      await scheduleAfterCommit(logger, () => planner.syncEvent(eventId));
    }
  });
  const core: Omit<Services, 'conversation'> = {
    users,
    goals,
    habits,
    habitCheckIns: new HabitCheckInService(db, habits),
    today: new TodayService(db, habits, events),
    steps,
    events,
    apiTokens,
    auth: new AuthService(options.serviceKey, users, apiTokens),
    planner,
    reminders: new ReminderService(db, planner, logger, options.reminderPayloadMaxBytes),
    notifications,
    webhooks: new WebhookService(db, options.webhooks),
    jobs,
    autoSchedule,
    coach: new CoachService(db, goals, steps, pubsub, options.model, logger),
    model: options.model,
  };
  const engine = options.model
    ? new FallbackIntentEngine(new ModelIntentEngine(options.model), logger)
    : offlineEngine;
  return { ...core, conversation: new ConversationService(db, engine, new IntentExecutor(core)) };
}
