import type { DataSource } from 'typeorm';
import { DomainError } from '../errors/domain-error.js';
import { Event } from '../entities/index.js';
import type { Logger } from '../logger.js';

/**
 * Runs one row's share of planning so that its failure is logged and the others go on: the
 * worker's start-up reconcile must never depend on every row being valid.
 */
export async function isolated(
  logger: Logger,
  row: Record<string, string>,
  plan: () => Promise<void>,
): Promise<unknown> {
  try {
    await plan();
    return null;
  } catch (error) {
    logger.error({ err: error, ...row }, 'could not plan the jobs of one row; going on');
    return error;
  }
}

/**
 * Plans an event's reminders; when its own schedule makes that impossible (a rule stored
 * before today's limits), switches them off with a reason the user sees, instead of failing
 * at every start.
 */
export async function planEventIsolated(
  db: DataSource,
  logger: Logger,
  event: Event,
  plan: () => Promise<void>,
): Promise<void> {
  const error = await isolated(logger, { eventId: event.id }, plan);
  if (!(error instanceof DomainError)) return;
  const reason = `Reminders were switched off: ${error.message}`.slice(0, 300);
  await db
    .getRepository(Event)
    .update({ id: event.id }, { reminderEnabled: false, remindersDisabledReason: reason });
}
