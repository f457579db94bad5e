import { randomUUID } from 'node:crypto';
import { asBot, executeOk, type Credentials } from './graphql-client.js';
import type { TestApp } from './test-app.js';

export interface TestUser {
  id: string;
  platformUserId: string;
  credentials: Credentials;
}

/** Registers a fresh messenger user through the API, as a bot would on first contact. */
export async function buildUser(
  app: TestApp,
  overrides: { timezone?: string; language?: 'RU' | 'EN'; platform?: 'TELEGRAM' | 'MAX' } = {},
): Promise<TestUser> {
  const platformUserId = randomUUID().replace(/-/g, '').slice(0, 16);
  const platform = overrides.platform ?? 'TELEGRAM';
  const data = await executeOk<{ registerChannelAccount: { id: string } }>(
    app.graphqlUrl,
    `mutation Register($input: RegisterChannelAccountInput!) {
      registerChannelAccount(input: $input) { id }
    }`,
    {
      input: {
        platform,
        platformUserId,
        chatId: platformUserId,
        timezone: overrides.timezone,
        language: overrides.language,
      },
    },
    asBot(),
  );
  return {
    id: data.registerChannelAccount.id,
    platformUserId,
    credentials: asBot(platform.toLowerCase(), platformUserId),
  };
}

export interface TestGoal {
  id: string;
  steps: { id: string; title: string }[];
}

export async function buildGoal(
  app: TestApp,
  user: TestUser,
  input: { title?: string; targetDate?: string; steps?: string[] } = {},
): Promise<TestGoal> {
  const data = await executeOk<{ createGoal: TestGoal }>(
    app.graphqlUrl,
    `mutation CreateGoal($input: CreateGoalInput!) {
      createGoal(input: $input) { id steps { id title } }
    }`,
    {
      input: {
        title: input.title ?? 'Run a half marathon',
        targetDate: input.targetDate,
        steps: (input.steps ?? []).map((title) => ({ title })),
      },
    },
    user.credentials,
  );
  return data.createGoal;
}
