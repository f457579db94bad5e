import { startApiRole } from './api.role.js';
import { startMaxRole } from './max.role.js';
import type { StartRole } from './role.js';
import { startTelegramRole } from './telegram.role.js';
import { startWorkerRole } from './worker.role.js';

/**
 * Every role, in start order; a process stops its roles in reverse (bots first, then the
 * worker, then the API), and closes the shared core last.
 */
export const ROLES = {
  api: startApiRole,
  worker: startWorkerRole,
  telegram: startTelegramRole,
  max: startMaxRole,
} satisfies Record<string, StartRole>;

export type RoleName = keyof typeof ROLES;

export const ROLE_NAMES = Object.keys(ROLES) as RoleName[];

export const isRoleName = (name: string): name is RoleName => Object.hasOwn(ROLES, name);
