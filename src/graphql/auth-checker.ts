import type { AuthChecker } from 'type-graphql';
import { createParameterDecorator } from 'type-graphql';
import { signInRequired } from '../errors/domain-error.js';
import type { User } from '../entities/index.js';
import type { Context } from './context.type.js';

/** Roles for `@Authorized(...)`. No role: any caller acting for a user. */
export enum Role {
  /** Our own bots, holding the service key. */
  Service = 'SERVICE',
}

export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  if (context.authError) throw context.authError;
  if (roles.includes(Role.Service)) {
    // No credentials at all: ask to sign in (UNAUTHENTICATED), not FORBIDDEN.
    if (context.caller.kind === 'anonymous') {
      throw signInRequired();
    }
    return context.caller.kind === 'service';
  }
  return context.user !== null;
};

/** The user the caller acts for; use under `@Authorized()`. */
export function CurrentUser() {
  return createParameterDecorator<Context>(({ context }): User => {
    if (context.authError) throw context.authError;
    if (!context.user) throw signInRequired();
    return context.user;
  });
}
