import express, { type Router } from 'express';
import type { DataSource } from 'typeorm';

/** GET /health: 200 when the database answers, 503 otherwise. */
export function healthRouter(db: DataSource): Router {
  const router = express.Router();
  router.get('/health', async (_request, response) => {
    try {
      await db.query('SELECT 1');
      response.json({ status: 'ok', database: 'up' });
    } catch {
      response.status(503).json({ status: 'unavailable', database: 'down' });
    }
  });
  return router;
}
