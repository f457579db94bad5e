import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { TEST_SERVICE_KEY } from './test-app.js';

export interface Credentials {
  headers: Record<string, string>;
  connectionParams: Record<string, string>;
}

export interface GraphQLResponse<T> {
  status: number;
  data: T | null | undefined;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export const anonymous: Credentials = { headers: {}, connectionParams: {} };

/** A bot acting for a messenger identity. */
export function asBot(platform = 'telegram', platformUserId?: string): Credentials {
  const identity: Record<string, string> = platformUserId ? { platform, platformUserId } : {};
  return {
    headers: {
      authorization: `Bearer ${TEST_SERVICE_KEY}`,
      ...(platformUserId
        ? { 'x-maxon-platform': platform, 'x-maxon-platform-user-id': platformUserId }
        : {}),
    },
    connectionParams: { authorization: `Bearer ${TEST_SERVICE_KEY}`, ...identity },
  };
}

/** A third party holding a personal API token. */
export function asToken(token: string): Credentials {
  return {
    headers: { authorization: `Bearer ${token}` },
    connectionParams: { authorization: `Bearer ${token}` },
  };
}

/** POSTs one operation to the real HTTP server. */
export async function execute<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  credentials: Credentials = anonymous,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...credentials.headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

/** Like `execute`, but fails the test on any GraphQL error. */
export async function executeOk<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  credentials: Credentials = anonymous,
): Promise<T> {
  const result = await execute<T>(url, query, variables, credentials);
  if (result.errors?.length || !result.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}

/** The code of the first error, for asserting failures. */
export function errorCode(result: GraphQLResponse<unknown>): unknown {
  return result.errors?.[0]?.extensions?.code;
}

export function wsClient(wsUrl: string, credentials: Credentials): Client {
  return createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: credentials.connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
}
