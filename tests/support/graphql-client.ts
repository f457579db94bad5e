import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { subscribe, type LiveSubscription } from './subscriptions.js';
import { TEST_SERVICE_KEY } from './test-app.js';

export interface Credentials {
  headers: Record<string, string>;
  connectionParams: Record<string, string>;
}

export interface GraphQLResponse<T> {
  status: number;
  data: T | null | undefined;
  errors?: readonly GraphQLFormattedError[];
}

/** Who sends an operation: credentials, or a test user (its credentials). */
export type Caller = Credentials | { credentials: Credentials };

/** Where operations go: a started test app. */
export interface ApiEndpoint {
  graphqlUrl: string;
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

const credentialsOf = (caller: Caller): Credentials =>
  'credentials' in caller ? caller.credentials : caller;

/** Printed once per document: a test file sends the same operation many times. */
const printed = new WeakMap<DocumentNode, string>();
function sourceOf(document: DocumentNode): string {
  let source = printed.get(document);
  if (source === undefined) printed.set(document, (source = print(document)));
  return source;
}

/**
 * Sends a generated operation (tests/operations/*.graphql → `npm run codegen` → tests/gql/)
 * to the app's HTTP server as `asUser`: variables and data are typed by the document.
 */
export function executeOperation<TData, TVariables>(
  app: ApiEndpoint,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  asUser: Caller = anonymous,
): Promise<GraphQLResponse<TData>> {
  return execute<TData>(
    app.graphqlUrl,
    sourceOf(document),
    variables as Record<string, unknown>,
    credentialsOf(asUser),
  );
}

/** Like `executeOperation`, but fails the test on any GraphQL error; resolves with the data. */
export async function executeOperationOk<TData, TVariables>(
  app: ApiEndpoint,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  asUser: Caller = anonymous,
): Promise<TData> {
  return dataOf(await executeOperation(app, document, variables, asUser));
}

/** Subscribes over the app's WebSocket to a generated subscription document. */
export function subscribeTo<TData, TVariables>(
  client: Client,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): LiveSubscription<TData> {
  return subscribe<TData>(client, sourceOf(document), variables as Record<string, unknown>);
}

function dataOf<T>(result: GraphQLResponse<T>): T {
  if (result.errors?.length || !result.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}

/**
 * POSTs a query string to the real HTTP server. In tests/api only for what a document cannot
 * express (malformed or hostile queries) and the list queries whose shape is being changed.
 */
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
  return dataOf(await execute<T>(url, query, variables, credentials));
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
