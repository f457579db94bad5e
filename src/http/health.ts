import express, { type Router } from 'express';
import type { DataSource } from 'typeorm';

/**
 * GET /health: 200 when the database answers within `timeoutMs`, 503 otherwise (a
 * partition must not hang the check: an orchestrator waiting on it learns nothing).
 * `details` adds parts that do not make the service unavailable (the model: the offline
 * engine answers without it).
 */
export function healthRouter(
  db: DataSource,
  timeoutMs: number,
  details: () => Record<string, unknown> = () => ({}),
): Router {
  const router = express.Router();
  router.get('/health', async (_request, response) => {
    try {
      await withTimeout(db.query('SELECT 1'), timeoutMs);
      response.json({ status: 'ok', database: 'up', ...details() });
    } catch {
      response.status(503).json({ status: 'unavailable', database: 'down', ...details() });
    }
  });
  return router;
}

/** `work`, or a rejection once `ms` passed (the work itself goes on, and is ignored). */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
