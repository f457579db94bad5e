import type { DataSource } from 'typeorm';
import type { AppPubSub } from '../pubsub.js';
import { ApiTokenService } from './api-token.service.js';
import { AuthService } from './auth.service.js';
import { EventService } from './event.service.js';
import { GoalService } from './goal.service.js';
import { StepService } from './step.service.js';
import { UserService } from './user.service.js';

export interface Services {
  users: UserService;
  goals: GoalService;
  steps: StepService;
  events: EventService;
  apiTokens: ApiTokenService;
  auth: AuthService;
}

/** Wires the domain services once per process. */
export function createServices(
  db: DataSource,
  pubsub: AppPubSub,
  options: { serviceKey?: string },
): Services {
  const users = new UserService(db);
  const goals = new GoalService(db);
  const apiTokens = new ApiTokenService(db);
  return {
    users,
    goals,
    steps: new StepService(db, goals, pubsub),
    events: new EventService(db),
    apiTokens,
    auth: new AuthService(options.serviceKey, users, apiTokens),
  };
}
