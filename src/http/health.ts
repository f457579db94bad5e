import express, { type Router } from 'express';
import type { DataSource } from 'typeorm';

/**
 * GET /health: 200 when the database answers, 503 otherwise. `details` adds parts that do
 * not make the service unavailable (the model: the offline engine answers without it).
 */
export function healthRouter(
  db: DataSource,
  details: () => Record<string, unknown> = () => ({}),
): Router {
  const router = express.Router();
  router.get('/health', async (_request, response) => {
    try {
      await db.query('SELECT 1');
      response.json({ status: 'ok', database: 'up', ...details() });
    } catch {
      response.status(503).json({ status: 'unavailable', database: 'down', ...details() });
    }
  });
  return router;
}
