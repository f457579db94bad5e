import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Response, type Router } from 'express';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Where `vite build` put the page (dist/web): found from the compiled server (dist/src/http),
 * from the sources (src/http, under jest) or from the working directory.
 */
export function webAppDir(): string | null {
  const candidates = [
    join(here, '../../web'),
    join(here, '../../dist/web'),
    join(process.cwd(), 'dist/web'),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/**
 * Only this server's scripts, styles and images; requests to this server only; no inline
 * script, no eval, no third-party origin. Framed only by the messengers' web clients, which
 * open the mini app in a frame.
 */
export const WEB_APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // 'self' covers ws(s):// to this host too (CSP 3): the page's graphql-ws socket.
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  'frame-ancestors https://web.telegram.org https://web.max.ru',
].join('; ');

export const protectPage = (response: Response) =>
  response.set({
    'Content-Security-Policy': WEB_APP_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });

/**
 * The page (never cached: it names the current assets) and its assets, whose names carry a
 * content hash, so they are cached for a year and never revalidated.
 */
export function webAppAssetsRouter(dir: string): Router {
  const router = express.Router();
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  router.use(
    '/app/assets',
    express.static(join(dir, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
      fallthrough: false,
      setHeaders: (response) => response.setHeader('X-Content-Type-Options', 'nosniff'),
    }),
  );
  router.get(['/app', '/app/', '/app/{*rest}'], (_request, response) => {
    protectPage(response).set('Cache-Control', 'no-cache').type('html').send(html);
  });
  return router;
}
