import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { DateTime } from 'luxon';
import { BotCheckEventsBetweenDocument } from '../gql/graphql.js';

/** A generated operation as one messenger user (the suites' `op`). */
type Op = <TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
) => Promise<TData>;

/** Tomorrow's event occurrences (Moscow, the default timezone) as the user's API sees them. */
export async function eventsTomorrow(op: Op) {
  const tomorrow = DateTime.now().setZone('Europe/Moscow').plus({ days: 1 }).startOf('day');
  const { events } = await op(BotCheckEventsBetweenDocument, {
    from: tomorrow.toISO()!,
    to: tomorrow.plus({ days: 1 }).toISO()!,
  });
  return events;
}
