import type { MiddlewareFn } from 'type-graphql';
import type { Context } from './context.type.js';

/** Mutations that change nothing a page shows of the user (bookkeeping, credentials). */
const BOOKKEEPING = new Set([
  'acknowledgeNotification',
  'setDialogState',
  'createWebSignInLink',
  'createApiToken',
  'revokeApiToken',
  'createCalendarFeed',
  'revokeCalendarFeed',
]);

/**
 * After a mutation acting for a user succeeded (its service committed), tells the user's open
 * pages (`userChanged`) to reload: one place catches every change, whichever client made it —
 * the web chat, a bot, a third party.
 */
export const publishUserChanged: MiddlewareFn<Context> = async ({ info, context }, next) => {
  // Every field passes here: anything but a mutation's root field goes straight on.
  if (info.parentType.name !== 'Mutation') return next();
  const result: unknown = await next();
  if (context.user && !BOOKKEEPING.has(info.fieldName)) {
    context.pubsub.publish('USER_CHANGED', context.user.id, {
      reason: 'DATA',
      changedAt: new Date(),
    });
  }
  return result;
};
