import type { MiddlewareFn } from 'type-graphql';
import { badInput } from '../errors/domain-error.js';

/** Where in `value` a string holds a NUL character (a path such as "input.notes"), or null. */
function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nulPath(item, `${path}.${index}`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const found = nulPath(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Refuses a NUL character in any text argument before a resolver runs: PostgreSQL cannot
 * store it in text or jsonb, and the insert's error used to reach users as an internal one.
 */
export const rejectNulCharacters: MiddlewareFn = async ({ args }, next) => {
  const field = nulPath(args, '');
  if (field) throw badInput('Text must not contain the NUL character (\\u0000)', { field });
  return next();
};
