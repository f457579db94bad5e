import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { type Router } from 'express';

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

export function playgroundHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>maxOn GraphQL playground</title>
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
  <script>
    const url = location.origin + '/graphql';
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
  </script>
</body>
</html>
`;
}

/** Serves the playground page (GET /graphql from a browser) and its assets. */
export function playgroundRouter(): Router {
  const router = express.Router();
  const html = playgroundHtml();
  router.get('/graphql', (request, response, next) => {
    if (request.accepts(['application/json', 'text/html']) !== 'text/html') return next();
    if (request.query.query) return next();
    response.type('html').send(html);
  });
  router.get(`${ASSET_PREFIX}/:name`, (request, response, next) => {
    const file = ASSETS[request.params.name];
    if (!file) return next();
    response.sendFile(file, { maxAge: '1d' });
  });
  return router;
}
