import { buildSchema } from 'type-graphql';
import { rejectNulCharacters } from './nul-character.middleware.js';
import { publishUserChanged } from './user-changed.middleware.js';
import type { GraphQLSchema } from 'graphql';
import { AdminResolver } from '../resolvers/admin/admin.resolver.js';
import { ApiTokenResolver } from '../resolvers/api-token/api-token.resolver.js';
import { CalendarConnectionResolver } from '../resolvers/calendar/calendar-connection.resolver.js';
import { CalendarFeedResolver } from '../resolvers/calendar/calendar-feed.resolver.js';
import { EventResolver } from '../resolvers/event/event.resolver.js';
import { GoalProgressResolver } from '../resolvers/goal-progress/goal-progress.resolver.js';
import { GoalPageResolver, GoalResolver } from '../resolvers/goal/goal.resolver.js';
import { CheckInResolver } from '../resolvers/habit/check-in.resolver.js';
import { HabitProgressResolver } from '../resolvers/habit/habit-progress.resolver.js';
import { HabitPageResolver, HabitResolver } from '../resolvers/habit/habit.resolver.js';
import { PictureResolver } from '../resolvers/picture/picture.resolver.js';
import { TodayResolver } from '../resolvers/habit/today.resolver.js';
import { StepResolver } from '../resolvers/step/step.resolver.js';
import { UserResolver } from '../resolvers/user/user.resolver.js';
import { JobsResolver } from '../resolvers/jobs/jobs.resolver.js';
import { AssistantResolver } from '../resolvers/assistant/assistant.resolver.js';
import { NotificationResolver } from '../resolvers/notification/notification.resolver.js';
import { ReminderResolver } from '../resolvers/reminder/reminder.resolver.js';
import { WebhookResolver } from '../resolvers/webhook/webhook.resolver.js';
import { WebSignInResolver } from '../resolvers/web/web-sign-in.resolver.js';
import { WebChatResolver } from '../resolvers/web/web-chat.resolver.js';
import type { AppPubSub } from '../pubsub.js';
import { authChecker } from './policies.js';

export const RESOLVERS = [
  UserResolver,
  GoalResolver,
  GoalPageResolver,
  StepResolver,
  EventResolver,
  ApiTokenResolver,
  GoalProgressResolver,
  ReminderResolver,
  NotificationResolver,
  WebhookResolver,
  WebSignInResolver,
  WebChatResolver,
  JobsResolver,
  AssistantResolver,
  HabitResolver,
  HabitPageResolver,
  CheckInResolver,
  HabitProgressResolver,
  TodayResolver,
  PictureResolver,
  CalendarFeedResolver,
  AdminResolver,
  CalendarConnectionResolver,
] as const;

/** Builds the executable schema from the resolvers; `emitSchemaFile` writes the SDL too. */
export function buildAppSchema(pubsub: AppPubSub, emitSchemaFile?: string): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    pubSub: pubsub,
    authChecker,
    validate: { forbidUnknownValues: false },
    globalMiddlewares: [rejectNulCharacters, publishUserChanged],
    emitSchemaFile: emitSchemaFile ? { path: emitSchemaFile, sortedSchema: true } : false,
  });
}
