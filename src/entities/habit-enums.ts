import { registerEnumType } from 'type-graphql';

export enum HabitStatus {
  ACTIVE = 'active',
  PAUSED = 'paused',
  COMPLETED = 'completed',
  ARCHIVED = 'archived',
}

export enum HabitScheduleKind {
  DAILY = 'daily',
  WEEKDAYS = 'weekdays',
  TIMES_PER_WEEK = 'times_per_week',
  TIMES_PER_MONTH = 'times_per_month',
  EVERY_N_DAYS = 'every_n_days',
}

export enum CheckInStatus {
  DONE = 'done',
  SKIPPED = 'skipped',
  MISSED = 'missed',
}

export enum CheckInSource {
  BOT = 'bot',
  API = 'api',
  REMINDER = 'reminder',
  /** Written by `markMissedDays` when the user's day ended. */
  SYSTEM = 'system',
}

registerEnumType(HabitStatus, { name: 'HabitStatus' });
registerEnumType(HabitScheduleKind, {
  name: 'HabitScheduleKind',
  description:
    'DAILY; WEEKDAYS (chosen ISO weekdays); TIMES_PER_WEEK / TIMES_PER_MONTH (count times in a ' +
    'calendar week / month); EVERY_N_DAYS (count days apart, from the start date)',
});
registerEnumType(CheckInStatus, { name: 'CheckInStatus' });
registerEnumType(CheckInSource, { name: 'CheckInSource' });
