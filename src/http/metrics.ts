import express, { type Router } from 'express';
import { registry } from '../metrics/registry.js';

/** GET /metrics: this process's metrics in the Prometheus text format. */
export function metricsRouter(): Router {
  const router = express.Router();
  router.get('/metrics', async (_request, response) => {
    response.type(registry.contentType).send(await registry.metrics());
  });
  return router;
}
