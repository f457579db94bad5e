#!/usr/bin/env node
// The container's health check: exits 0 when GET /health answers 200 within 4 s.
// `healthcheck.js` asks the API (PORT); `healthcheck.js metrics` asks the metrics server
// that a process without the api role serves (METRICS_PORT). Defaults as in src/config.ts.
const [variable, fallback] =
  process.argv[2] === 'metrics' ? ['METRICS_PORT', '9464'] : ['PORT', '4000'];
const port = process.env[variable] || fallback;

globalThis
  .fetch(`http://127.0.0.1:${port}/health`, { signal: globalThis.AbortSignal.timeout(4000) })
  .then(
    (response) => process.exit(response.ok ? 0 : 1),
    () => process.exit(1),
  );
