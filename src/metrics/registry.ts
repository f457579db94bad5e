import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The one metrics registry of this process: every maxOn metric and the default Node.js ones
 * (CPU, memory, event loop lag, GC). Whatever roles a process runs share it, and it is
 * served at /metrics (on the API port, or on METRICS_PORT in a process without the api role).
 */
export const registry = new Registry();

collectDefaultMetrics({ register: registry });

/** Latency buckets in seconds, from 5 ms to 30 s. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
