import type { Reminder, ReminderAudit } from '../entities/index.js';

/** One line of a reminder's audit trail, as saved by the service and by the worker. */
export type AuditEntry = Pick<
  ReminderAudit,
  'reminderId' | 'userId' | 'action' | 'actor' | 'details'
>;

export function auditEntry(
  reminder: Reminder,
  action: string,
  actor: string,
  details: Record<string, unknown> | null,
): AuditEntry {
  return { reminderId: reminder.id, userId: reminder.userId, action, actor, details };
}
