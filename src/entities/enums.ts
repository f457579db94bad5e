import { registerEnumType } from 'type-graphql';

export enum Platform {
  TELEGRAM = 'telegram',
  MAX = 'max',
  /** The web client at /app (browser or mini app); platform user id = the user's id. */
  WEB = 'web',
}

export enum Language {
  RU = 'ru',
  EN = 'en',
}

export enum GoalStatus {
  ACTIVE = 'active',
  PAUSED = 'paused',
  COMPLETED = 'completed',
  ARCHIVED = 'archived',
}

export enum StepStatus {
  PENDING = 'pending',
  IN_PROGRESS = 'in_progress',
  DONE = 'done',
  SKIPPED = 'skipped',
}

export enum EventKind {
  USER = 'user',
  STEP = 'step',
  DEADLINE = 'deadline',
}

registerEnumType(Platform, { name: 'Platform', description: 'A messenger maxOn lives in' });
registerEnumType(Language, { name: 'Language' });
registerEnumType(GoalStatus, { name: 'GoalStatus' });
registerEnumType(StepStatus, { name: 'StepStatus' });
registerEnumType(EventKind, {
  name: 'EventKind',
  description: 'user: made by the person; step: a planned step; deadline: a goal deadline',
});
