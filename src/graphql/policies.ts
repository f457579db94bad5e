import type { AuthChecker } from 'type-graphql';
import { createParameterDecorator } from 'type-graphql';
import { DomainError, signInRequired } from '../errors/domain-error.js';
import type { User } from '../entities/index.js';
import type { ChannelIdentity } from '../services/user.service.js';
import type { NotificationScope } from '../services/notifications/notification.service.js';
import type { Context } from './context.type.js';

/**
 * Who may call what, in one place: roles for `@Authorized(...)` and parameter decorators that
 * hand a resolver what the caller is allowed to act as. Resolvers only parse, authorise (by
 * naming a role or decorator from here) and delegate; services scope every row to the user.
 *
 * Denials: no or bad credentials → UNAUTHENTICATED; credentials of the wrong kind → FORBIDDEN.
 */
export enum Role {
  /** Our own bots, holding the service key (with or without an acting messenger account). */
  Service = 'SERVICE',
  /** A bot with the service key acting for a registered messenger account. */
  Bot = 'BOT',
  /** The person through one of our clients: a user is acted for, not by a third party's token. */
  FirstParty = 'FIRST_PARTY',
  /** An operator: a bot acting for an ADMIN_IDS identity, or an admin-scoped API token. */
  Admin = 'ADMIN',
}

/** Throws for a denial that has its own message; `false` lets type-graphql deny as usual. */
const POLICIES: Record<Role, (context: Context) => boolean> = {
  [Role.Service]: (context) => {
    // No credentials at all: ask to sign in (UNAUTHENTICATED), not FORBIDDEN.
    if (context.caller.kind === 'anonymous') throw signInRequired();
    return context.caller.kind === 'service';
  },
  [Role.Bot]: (context) => {
    if (!POLICIES[Role.Service](context)) return false;
    if (!context.user) throw signInRequired();
    return true;
  },
  [Role.Admin]: (context) => {
    if (context.caller.kind === 'anonymous') throw signInRequired();
    if (context.caller.kind === 'service' || context.caller.kind === 'token') {
      if (context.caller.admin) return true;
    }
    throw new DomainError('FORBIDDEN', 'Operators only');
  },
  [Role.FirstParty]: (context) => {
    if (!context.user) throw signInRequired();
    if (context.caller.kind === 'token') {
      throw new DomainError('FORBIDDEN', 'A third party’s API token cannot do this');
    }
    return true;
  },
};

/** `@Authorized()` without roles: any caller acting for a user; with roles: any of them. */
export const authChecker = (({ context }, roles) => {
  if (context.authError) throw context.authError;
  if (roles.length === 0) return context.user !== null;
  return roles.some((role) => POLICIES[role](context));
}) satisfies AuthChecker<Context, Role>;

/** The user the caller acts for; use under `@Authorized()`. */
export function CurrentUser() {
  return createParameterDecorator<Context>(({ context }): User => {
    if (context.authError) throw context.authError;
    if (!context.user) throw signInRequired();
    return context.user;
  });
}

/** The messenger account a bot acts for; use under `@Authorized(Role.Bot)`. */
export function ActingAccount() {
  return createParameterDecorator<Context>(({ context }): ChannelIdentity => {
    if (context.caller.kind !== 'service' || !context.caller.identity) {
      throw new DomainError('FORBIDDEN', 'Only a bot acting for a messenger account has a dialog');
    }
    return context.caller.identity;
  });
}

/**
 * The messenger account a bot names in its headers, or null for a bot that names none; use
 * under `@Authorized(Role.Service)`. A bot acting for one identity may not register another.
 */
export function ActingIdentityIfAny() {
  return createParameterDecorator<Context>(({ context }): ChannelIdentity | null =>
    context.caller.kind === 'service' ? context.caller.identity : null,
  );
}

/** A bot with the service key acts on any notification; a user on their own. */
export function NotificationScopeOfCaller() {
  return createParameterDecorator<Context>(({ context }): NotificationScope => {
    if (context.caller.kind === 'service' && !context.user) return 'service';
    if (!context.user) throw context.authError ?? signInRequired();
    return { userId: context.user.id };
  });
}

/** Who an operator is, for the audit log ("telegram:123", "token:<id>"); under Role.Admin. */
export function OperatorActor() {
  return createParameterDecorator<Context>(({ context }): string => {
    const { caller } = context;
    if (caller.kind === 'service' && caller.identity) {
      return `${caller.identity.platform}:${caller.identity.platformUserId}`;
    }
    if (caller.kind === 'token') return `token:${caller.tokenId}`;
    throw new DomainError('FORBIDDEN', 'Operators only');
  });
}
