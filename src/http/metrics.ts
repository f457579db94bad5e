import express, { type Router } from 'express';
import { metricsAccess } from '../metrics/metrics-auth.js';
import { registry } from '../metrics/registry.js';

/** GET /metrics: this process's metrics in the Prometheus text format (401 without `token`). */
export function metricsRouter(token?: string): Router {
  const router = express.Router();
  const allowed = metricsAccess(token);
  router.get('/metrics', async (request, response) => {
    if (!allowed(request.header('authorization'))) {
      response.set('WWW-Authenticate', 'Bearer').status(401).send('Unauthorized');
      return;
    }
    response.type(registry.contentType).send(await registry.metrics());
  });
  return router;
}
