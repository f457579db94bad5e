import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/**
 * The web client's page. Vite + Preact: a maintained toolchain that installs from the registry
 * on Node 20, and Preact keeps the chat + calendar bundle small (React 18 alone is ~45 kB gzip).
 * Built into dist/web, served by the API at /app with content-hashed asset names.
 */
// eslint-disable-next-line no-restricted-syntax -- Vite reads the default export of its config.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  plugins: [preact()],
  build: {
    outDir: fileURLToPath(new URL('../../../../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // No inline script or style: the CSP allows neither.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
