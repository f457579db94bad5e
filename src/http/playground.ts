import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { type Response, type Router } from 'express';

const require = createRequire(import.meta.url);
const packageFile = (name: string, file: string) =>
  join(dirname(require.resolve(`${name}/package.json`)), file);

/** Browser assets of the IDE, served from node_modules so the playground works offline. */
const ASSETS: Record<string, string> = {
  'react.js': packageFile('react', 'umd/react.production.min.js'),
  'react-dom.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
  'graphiql.js': packageFile('graphiql', 'graphiql.min.js'),
  'graphiql.css': packageFile('graphiql', 'graphiql.min.css'),
  'graphql-ws.js': packageFile('graphql-ws', 'umd/graphql-ws.min.js'),
};

const ASSET_PREFIX = '/playground/assets';

const DEFAULT_QUERY = `# maxOn GraphQL API.
# Put your credentials in the Headers tab, e.g.
#   { "Authorization": "Bearer mxn_…" }
# Bots add "X-Maxon-Platform" and "X-Maxon-Platform-User-Id" to the service key.
query Me {
  me { id settings { timezone language } }
}
`;

/** The page's own script: a file of its own, so the CSP allows no inline script. */
function playgroundScript(): string {
  return `const url = location.origin + '/graphql';
// Subscriptions go over graphql-ws and take the credentials from the Headers tab.
const savedHeaders = () => {
  try { return JSON.parse(JSON.parse(localStorage.getItem('graphiql:headers') || '""') || '{}'); }
  catch { return {}; }
};
const header = (headers, name) =>
  Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
const wsClient = graphqlWs.createClient({
  url: url.replace(/^http/, 'ws'),
  lazy: true,
  connectionParams: () => {
    const headers = savedHeaders();
    return {
      authorization: header(headers, 'authorization'),
      platform: header(headers, 'x-maxon-platform'),
      platformUserId: header(headers, 'x-maxon-platform-user-id'),
    };
  },
});
const fetcher = GraphiQL.createFetcher({ url, wsClient });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultQuery: ${JSON.stringify(DEFAULT_QUERY)},
    shouldPersistHeaders: true,
  }),
);
`;
}

export function playgroundHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>maxOn GraphQL playground (GraphiQL)</title>
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <link rel="stylesheet" href="${ASSET_PREFIX}/graphiql.css" />
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading…</div>
  <script src="${ASSET_PREFIX}/react.js"></script>
  <script src="${ASSET_PREFIX}/react-dom.js"></script>
  <script src="${ASSET_PREFIX}/graphql-ws.js"></script>
  <script src="${ASSET_PREFIX}/graphiql.js"></script>
  <script src="${ASSET_PREFIX}/playground.js"></script>
</body>
</html>
`;
}

/** A Host header fit to name in the CSP (else only 'self' covers the WebSocket). */
const SAFE_HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * Only this server's scripts (no inline ones, no eval), styles (GraphiQL sets inline ones),
 * images and fonts (its CSS embeds data: URLs), requests to this server over HTTP and
 * WebSocket; never framed.
 */
export function playgroundCsp(host: string | undefined): string {
  const sockets = host && SAFE_HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${sockets}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const protect = (response: Response, host: string | undefined) =>
  response.set({
    'Content-Security-Policy': playgroundCsp(host),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });

/** Serves the playground page (GET /graphql from a browser) and its assets. */
export function playgroundRouter(): Router {
  const router = express.Router();
  const html = playgroundHtml();
  const script = playgroundScript();
  router.get('/graphql', (request, response, next) => {
    if (request.accepts(['application/json', 'text/html']) !== 'text/html') return next();
    if (request.query.query) return next();
    protect(response, request.headers.host).type('html').send(html);
  });
  router.get(`${ASSET_PREFIX}/:name`, (request, response, next) => {
    const name = request.params.name;
    if (name === 'playground.js') {
      return void protect(response, request.headers.host).type('js').send(script);
    }
    const file = ASSETS[name];
    if (!file) return next();
    protect(response, request.headers.host).sendFile(file, { maxAge: '1d' });
  });
  return router;
}
