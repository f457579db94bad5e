// @ts-check
import { readFileSync } from 'node:fs';

const swcOptions = JSON.parse(readFileSync(new URL('./.swcrc.json', import.meta.url), 'utf8'));

/** @type {import('jest').Config} */
const config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  // Our imports name `./x.js` for `./x.ts` (mapped below): trying .ts first saves four failed
  // lookups (.js, .mjs, .cjs, .jsx) per import of every file.
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json', 'node'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcOptions, swcrc: false }] },
  setupFiles: ['<rootDir>/tests/support/setup-env.ts'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 30_000,
  // Three workers on the two-core machine: many files spend most of their time waiting (for
  // a job due in a few seconds, a child process, a retry back-off) rather than on the CPU,
  // and a third worker loads the next file's modules meanwhile.
  maxWorkers: 3,
  // Each file's modules stay reachable in its worker (~30 MB a file, as --logHeapUsage shows),
  // and every full garbage collection marks them again: a worker past this is replaced.
  workerIdleMemoryLimit: '600MB',
};

export default config;
