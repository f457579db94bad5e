import type { NextFunction, Request, Response } from 'express';
import { Counter, Histogram } from 'prom-client';
import { LATENCY_BUCKETS, registry } from './registry.js';

const labelNames = ['method', 'route', 'status'] as const;

const requests = new Counter({
  name: 'maxon_http_requests_total',
  help: 'HTTP requests answered, by method, route and status code',
  labelNames,
  registers: [registry],
});

const duration = new Histogram({
  name: 'maxon_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by method, route and status code',
  labelNames,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

/**
 * The route that answered, as declared, never the raw path, so label values stay few: the
 * mount path of a mounted handler ("/graphql"), else the matched route ("/health",
 * "/playground/assets/:name"); "unmatched" for 404s. The mount path comes first because a
 * route that passed the request on (`next()`) stays in `request.route`.
 */
function routeOf(request: Request): string {
  if (request.baseUrl) return request.baseUrl;
  const declared = (request.route as { path?: unknown } | undefined)?.path;
  return typeof declared === 'string' ? declared : 'unmatched';
}

/** Counts and times every HTTP request once its response is sent. */
export function httpMetrics() {
  return (request: Request, response: Response, next: NextFunction) => {
    const stop = duration.startTimer();
    response.on('finish', () => {
      const labels = {
        method: request.method,
        route: routeOf(request),
        status: String(response.statusCode),
      };
      requests.inc(labels);
      stop(labels);
    });
    next();
  };
}
