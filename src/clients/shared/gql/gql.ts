/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query GoalList($status: GoalStatus, $offset: Int, $limit: Int) {\n  goals(status: $status, offset: $offset, limit: $limit) {\n    items {\n      id\n      title\n      status\n      progress\n      targetDate\n    }\n    hasMore\n    nextOffset\n  }\n}\n\nquery GoalCard($id: ID!) {\n  goal(id: $id) {\n    id\n    title\n    description\n    status\n    progress\n    targetDate\n    steps {\n      id\n      title\n      status\n      position\n    }\n  }\n}\n\nmutation CompleteStep($id: ID!) {\n  completeStep(id: $id) {\n    id\n    status\n    completedAt\n  }\n}": typeof types.GoalListDocument,
    "mutation RegisterChannelAccount($input: RegisterChannelAccountInput!) {\n  registerChannelAccount(input: $input) {\n    id\n    settings {\n      language\n      timezone\n    }\n  }\n}\n\nquery Me {\n  me {\n    id\n    displayName\n    settings {\n      timezone\n      language\n      notificationsEnabled\n      eventRemindersEnabled\n      deadlineWarningsEnabled\n      overdueStepRemindersEnabled\n      morningDigestEnabled\n      digestTime\n      deadlineCheckTime\n      eveningNudgeTime\n      quietHoursStart\n      quietHoursEnd\n    }\n  }\n}": typeof types.RegisterChannelAccountDocument,
};
const documents: Documents = {
    "query GoalList($status: GoalStatus, $offset: Int, $limit: Int) {\n  goals(status: $status, offset: $offset, limit: $limit) {\n    items {\n      id\n      title\n      status\n      progress\n      targetDate\n    }\n    hasMore\n    nextOffset\n  }\n}\n\nquery GoalCard($id: ID!) {\n  goal(id: $id) {\n    id\n    title\n    description\n    status\n    progress\n    targetDate\n    steps {\n      id\n      title\n      status\n      position\n    }\n  }\n}\n\nmutation CompleteStep($id: ID!) {\n  completeStep(id: $id) {\n    id\n    status\n    completedAt\n  }\n}": types.GoalListDocument,
    "mutation RegisterChannelAccount($input: RegisterChannelAccountInput!) {\n  registerChannelAccount(input: $input) {\n    id\n    settings {\n      language\n      timezone\n    }\n  }\n}\n\nquery Me {\n  me {\n    id\n    displayName\n    settings {\n      timezone\n      language\n      notificationsEnabled\n      eventRemindersEnabled\n      deadlineWarningsEnabled\n      overdueStepRemindersEnabled\n      morningDigestEnabled\n      digestTime\n      deadlineCheckTime\n      eveningNudgeTime\n      quietHoursStart\n      quietHoursEnd\n    }\n  }\n}": types.RegisterChannelAccountDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query GoalList($status: GoalStatus, $offset: Int, $limit: Int) {\n  goals(status: $status, offset: $offset, limit: $limit) {\n    items {\n      id\n      title\n      status\n      progress\n      targetDate\n    }\n    hasMore\n    nextOffset\n  }\n}\n\nquery GoalCard($id: ID!) {\n  goal(id: $id) {\n    id\n    title\n    description\n    status\n    progress\n    targetDate\n    steps {\n      id\n      title\n      status\n      position\n    }\n  }\n}\n\nmutation CompleteStep($id: ID!) {\n  completeStep(id: $id) {\n    id\n    status\n    completedAt\n  }\n}"): (typeof documents)["query GoalList($status: GoalStatus, $offset: Int, $limit: Int) {\n  goals(status: $status, offset: $offset, limit: $limit) {\n    items {\n      id\n      title\n      status\n      progress\n      targetDate\n    }\n    hasMore\n    nextOffset\n  }\n}\n\nquery GoalCard($id: ID!) {\n  goal(id: $id) {\n    id\n    title\n    description\n    status\n    progress\n    targetDate\n    steps {\n      id\n      title\n      status\n      position\n    }\n  }\n}\n\nmutation CompleteStep($id: ID!) {\n  completeStep(id: $id) {\n    id\n    status\n    completedAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegisterChannelAccount($input: RegisterChannelAccountInput!) {\n  registerChannelAccount(input: $input) {\n    id\n    settings {\n      language\n      timezone\n    }\n  }\n}\n\nquery Me {\n  me {\n    id\n    displayName\n    settings {\n      timezone\n      language\n      notificationsEnabled\n      eventRemindersEnabled\n      deadlineWarningsEnabled\n      overdueStepRemindersEnabled\n      morningDigestEnabled\n      digestTime\n      deadlineCheckTime\n      eveningNudgeTime\n      quietHoursStart\n      quietHoursEnd\n    }\n  }\n}"): (typeof documents)["mutation RegisterChannelAccount($input: RegisterChannelAccountInput!) {\n  registerChannelAccount(input: $input) {\n    id\n    settings {\n      language\n      timezone\n    }\n  }\n}\n\nquery Me {\n  me {\n    id\n    displayName\n    settings {\n      timezone\n      language\n      notificationsEnabled\n      eventRemindersEnabled\n      deadlineWarningsEnabled\n      overdueStepRemindersEnabled\n      morningDigestEnabled\n      digestTime\n      deadlineCheckTime\n      eveningNudgeTime\n      quietHoursStart\n      quietHoursEnd\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;