import type { DataSource } from 'typeorm';
import { AuditEvent } from '../entities/index.js';
import type { Logger } from '../logger.js';

export type AuditAction =
  | 'user_blocked'
  | 'user_unblocked'
  | 'broadcast_started'
  | 'broadcast_cancelled'
  | 'admin_token_created'
  | 'rate_limited'
  | 'revoked_token_used'
  | 'webhook_refused';

export interface AuditEntry {
  /** "telegram:123" for an operator, "token:<id>", "user:<id>", or "system". */
  actor: string;
  action: AuditAction;
  targetUserId?: string | null;
  details?: Record<string, unknown>;
}

/**
 * The audit log of operator actions and security events. Recording never fails the action
 * it records (a security event must not become a way to break a request): a failed insert
 * is logged instead.
 */
export class AuditLog {
  constructor(
    private readonly db: DataSource,
    private readonly logger: Logger,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    try {
      const repository = this.db.getRepository(AuditEvent);
      await repository.save(
        repository.create({
          actor: entry.actor.slice(0, 120),
          action: entry.action,
          targetUserId: entry.targetUserId ?? null,
          details: entry.details ?? {},
        }),
      );
    } catch (error) {
      this.logger.warn({ err: error, action: entry.action }, 'audit event not recorded');
    }
  }

  /** Newest first; `targetUserId` narrows to one user's. */
  list(limit: number, targetUserId?: string | null): Promise<AuditEvent[]> {
    return this.db.getRepository(AuditEvent).find({
      where: targetUserId ? { targetUserId } : {},
      order: { createdAt: 'DESC' },
      take: limit,
    });
  }
}
