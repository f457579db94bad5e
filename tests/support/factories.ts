import { randomUUID } from 'node:crypto';
import {
  ChannelAccount,
  CheckInSource,
  type CheckInStatus,
  Event,
  EventKind,
  Goal,
  GoalStatus,
  Habit,
  HabitCheckIn,
  HabitScheduleKind,
  HabitStatus,
  Language,
  Platform,
  Step,
  User,
  UserSettings,
} from '../../src/entities/index.js';
import { CreateGoalDocument, RegisterChannelAccountDocument } from '../gql/graphql.js';
import { asBot, executeOperationOk, type Credentials } from './graphql-client.js';
import type { TestApp } from './test-app.js';

/**
 * Two kinds of factories. `build*` go through the API, as a client would: use them where
 * registration or creation is itself under test, or where what follows it matters (a
 * registered user gets daily jobs scheduled). `seed*` write rows with TypeORM through the
 * app's DataSource in one round trip: use them for setup that is not under test.
 */

export interface TestUser {
  id: string;
  platformUserId: string;
  credentials: Credentials;
}

export interface UserOverrides {
  timezone?: string;
  language?: 'RU' | 'EN';
  platform?: 'TELEGRAM' | 'MAX';
}

const newPlatformUserId = () => randomUUID().replace(/-/g, '').slice(0, 16);

/** Registers a fresh messenger user through the API, as a bot would on first contact. */
export async function buildUser(app: TestApp, overrides: UserOverrides = {}): Promise<TestUser> {
  const platformUserId = newPlatformUserId();
  const platform = overrides.platform ?? 'TELEGRAM';
  const { timezone, language } = overrides;
  const data = await executeOperationOk(
    app,
    RegisterChannelAccountDocument,
    { input: { platform, platformUserId, chatId: platformUserId, timezone, language } },
    asBot(),
  );
  return {
    id: data.registerChannelAccount.id,
    platformUserId,
    credentials: asBot(platform.toLowerCase(), platformUserId),
  };
}

/**
 * A user with a messenger account, written straight to the database (no daily jobs are
 * scheduled for it). `settings` overrides any of the defaults.
 */
export async function seedUser(
  app: TestApp,
  overrides: UserOverrides & { displayName?: string; settings?: Partial<UserSettings> } = {},
): Promise<TestUser> {
  const platformUserId = newPlatformUserId();
  const platform = overrides.platform === 'MAX' ? Platform.MAX : Platform.TELEGRAM;
  const id = await app.db.transaction(async (manager) => {
    const user = manager.create(User, { displayName: overrides.displayName ?? null });
    user.settings = Object.assign(new UserSettings(), {
      ...(overrides.language && { language: Language[overrides.language] }),
      ...(overrides.timezone && { timezone: overrides.timezone }),
      ...overrides.settings,
    });
    await manager.save(user);
    const account = { platform, platformUserId, chatId: platformUserId, userId: user.id };
    await manager.insert(ChannelAccount, account);
    return user.id;
  });
  return { id, platformUserId, credentials: asBot(platform, platformUserId) };
}

export interface TestGoal {
  id: string;
  steps: { id: string; title: string }[];
}

export interface GoalSeed {
  title?: string;
  targetDate?: string;
  /** Step titles, in order. */
  steps?: string[];
}

/** Creates a goal with its first steps through the API (createGoal). */
export async function buildGoal(
  app: TestApp,
  user: TestUser,
  input: GoalSeed = {},
): Promise<TestGoal> {
  const data = await executeOperationOk(
    app,
    CreateGoalDocument,
    {
      input: {
        title: input.title ?? 'Run a half marathon',
        targetDate: input.targetDate,
        steps: (input.steps ?? []).map((title) => ({ title })),
      },
    },
    user,
  );
  return data.createGoal;
}

/** An active goal with pending steps (progress 0), written straight to the database. */
export async function seedGoal(
  app: TestApp,
  user: TestUser,
  input: GoalSeed & { status?: GoalStatus } = {},
): Promise<TestGoal> {
  return app.db.transaction(async (manager) => {
    const goal = await manager.save(
      manager.create(Goal, {
        userId: user.id,
        title: input.title ?? 'Run a half marathon',
        targetDate: input.targetDate ?? null,
        status: input.status ?? GoalStatus.ACTIVE,
      }),
    );
    const titles = input.steps ?? [];
    const steps = await manager.save(
      titles.map((title, position) => manager.create(Step, { goalId: goal.id, title, position })),
    );
    return { id: goal.id, steps: steps.map(({ id, title }) => ({ id, title })) };
  });
}

export interface EventSeed {
  title: string;
  /** The first occurrence's start, an ISO instant. */
  start: string;
  timezone?: string;
  durationMinutes?: number;
  /** An RRULE without the `RRULE:` prefix, as the API stores it. */
  recurrence?: string;
  kind?: EventKind;
  goalId?: string;
  stepId?: string;
}

/** A timed event (Europe/Moscow unless given), written straight to the database. */
export async function seedEvent(app: TestApp, user: TestUser, input: EventSeed): Promise<string> {
  const event = await app.db.getRepository(Event).save({
    userId: user.id,
    title: input.title,
    startsAt: new Date(input.start),
    timezone: input.timezone ?? 'Europe/Moscow',
    durationMinutes: input.durationMinutes ?? 60,
    recurrence: input.recurrence ?? null,
    kind: input.kind ?? EventKind.USER,
    goalId: input.goalId ?? null,
    stepId: input.stepId ?? null,
  });
  return event.id;
}

export interface HabitSeed {
  title?: string;
  /** The first day that counts; a local date. */
  startedOn: string;
  schedule?: { kind: HabitScheduleKind; weekdays?: number[]; count?: number | null };
  target?: number | null;
  status?: HabitStatus;
  /** Check-ins by local date. Stats are left at zero: the next write through the API derives them. */
  checkIns?: Record<string, CheckInStatus>;
}

/** A habit with a past (check-ins before today), written straight to the database. */
export async function seedHabit(app: TestApp, user: TestUser, input: HabitSeed): Promise<string> {
  return app.db.transaction(async (manager) => {
    const habit = await manager.save(
      manager.create(Habit, {
        userId: user.id,
        title: input.title ?? 'Read 10 pages',
        schedule: {
          kind: input.schedule?.kind ?? HabitScheduleKind.DAILY,
          weekdays: input.schedule?.weekdays ?? [],
          count: input.schedule?.count ?? null,
        },
        target: input.target ?? null,
        status: input.status ?? HabitStatus.ACTIVE,
        startedOn: input.startedOn,
        pauses: [],
      }),
    );
    const checkIns = Object.entries(input.checkIns ?? {});
    if (checkIns.length > 0) {
      await manager.insert(
        HabitCheckIn,
        checkIns.map(([localDate, status]) => ({
          userId: user.id,
          habitId: habit.id,
          localDate,
          status,
          source: CheckInSource.API,
        })),
      );
    }
    return habit.id;
  });
}
