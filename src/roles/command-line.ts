import { ROLE_NAMES, isRoleName, type RoleName } from './index.js';

/** What to run: the roles named, or every role (no argument, or "all"). */
export interface RoleSelection {
  roles: RoleName[];
  allInOne: boolean;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage: maxon [role...]
Roles: ${ROLE_NAMES.join(', ')}. Without a role (or with "all") every role runs in this process.`;

/** `maxon`, `maxon all`, `maxon worker`, `maxon api worker`; roles run in registry order. */
export function parseRoleArguments(args: readonly string[]): RoleSelection {
  const named = args.filter((arg) => arg !== 'all');
  const unknown = named.filter((arg) => !isRoleName(arg));
  if (unknown.length > 0) {
    const list = unknown.map((arg) => `"${arg}"`).join(', ');
    throw new UsageError(
      `Unknown role ${list}: choose from ${ROLE_NAMES.join(', ')} (or none for all in one)`,
    );
  }
  if (named.length === 0) return { roles: [...ROLE_NAMES], allInOne: true };
  return { roles: ROLE_NAMES.filter((role) => named.includes(role)), allInOne: false };
}
