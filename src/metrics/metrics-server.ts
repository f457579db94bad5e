import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metricsAccess } from './metrics-auth.js';
import { registry } from './registry.js';

export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

/** True when the process can do its work; a process without a database is up when it answers. */
export type HealthCheck = () => Promise<boolean>;

/**
 * A small HTTP server for a process without the api role (a worker, a bot): GET /health for
 * the container's health check and, when `metrics` is on, GET /metrics for Prometheus.
 */
export async function startMetricsServer(options: {
  host: string;
  port: number;
  metrics: boolean;
  /** When set, GET /metrics needs `Authorization: Bearer <token>`. */
  token?: string;
  health: HealthCheck;
}): Promise<MetricsServer> {
  const allowed = metricsAccess(options.token);
  const server: Server = createServer((request, response) => {
    const path = request.url?.split('?')[0];
    const answer = async () => {
      if (request.method === 'GET' && path === '/metrics' && options.metrics) {
        if (!allowed(request.headers.authorization)) {
          response.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' });
          return response.end('Unauthorized');
        }
        response.writeHead(200, { 'content-type': registry.contentType });
        return response.end(await registry.metrics());
      }
      if (request.method === 'GET' && path === '/health') {
        const healthy = await options.health().catch(() => false);
        response.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
        return response.end(JSON.stringify({ status: healthy ? 'ok' : 'unavailable' }));
      }
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    };
    answer().catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
