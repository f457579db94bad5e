import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync, version as swcVersion } from '@swc/core';

// Imports nothing of ours: global-setup.ts loads it outside jest's module mapping.

const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** Inside the repo, so the copies find package.json ("type": "module") and node_modules. */
const BUILDS = join(REPO, 'dist/test-build');
const STALE_MS = 24 * 60 * 60 * 1000;

/**
 * The node arguments that run a TypeScript file of src/ or tests/support/ in a child process.
 * `--liftoff-only`: V8 optimises no WebAssembly, which saves the embedded PostgreSQL (PGlite)
 * ~40 % of its start's CPU; a test process's short life never earns that optimising back.
 */
export function nodeArguments(tsFile: string): string[] {
  return ['--enable-source-maps', '--liftoff-only', builtFile(tsFile)];
}

/**
 * The path of the JavaScript for a TypeScript file of src/ or tests/support/ (a child's entry
 * point), in a copy of those folders transpiled by swc with the repo's .swcrc.json. Child
 * processes run it with plain node: a loader hook that transpiles on import made each start
 * of src/main.ts cost ~3 s of CPU against ~1.8 s for this copy, mostly in the hook thread's
 * round trips for every module (caching its output saved next to nothing). The copy is named
 * by a hash of its sources, so it is built once per change of them (~0.2 s) and every other
 * call only hashes them.
 */
function builtFile(tsFile: string): string {
  return join(buildSources(), relative(REPO, tsFile)).replace(/\.ts$/, '.js');
}

function buildSources(): string {
  const files = [
    ...sourceFiles('src', '.ts'),
    // The entry points of the tests' child processes, which import from src/.
    ...sourceFiles('tests/support', '-main.ts'),
  ];
  const hash = createHash('sha256').update(`${swcVersion}\0${readFileSync(swcrcPath(), 'utf8')}`);
  const sources = files.map((file) => {
    const source = readFileSync(join(REPO, file), 'utf8');
    hash.update(`\0${file}\0${source}`);
    return { file, source };
  });
  const out = join(BUILDS, hash.digest('hex').slice(0, 16));
  if (existsSync(out)) return out;

  const options = JSON.parse(readFileSync(swcrcPath(), 'utf8'));
  // Written under a name of its own, then renamed: runs starting at once never see half a copy.
  const partial = `${out}.${process.pid}.tmp`;
  for (const { file, source } of sources) {
    const target = join(partial, file.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    const filename = join(REPO, file);
    writeFileSync(target, transformSync(source, { ...options, swcrc: false, filename }).code);
  }
  try {
    renameSync(partial, out);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(out)) throw error;
  }
  removeStaleBuilds(out);
  return out;
}

function swcrcPath(): string {
  return join(REPO, '.swcrc.json');
}

/** The files under `folder` (relative to the repo) whose names end with `suffix`. */
function sourceFiles(folder: string, suffix: string): string[] {
  return readdirSync(join(REPO, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(suffix))
    .map((file) => join(folder, file))
    .sort();
}

/** Copies of earlier sources a day old: a run still using one started long ago. */
function removeStaleBuilds(current: string): void {
  for (const name of readdirSync(BUILDS)) {
    const build = join(BUILDS, name);
    if (build !== current && Date.now() - statSync(build).mtimeMs > STALE_MS) {
      rmSync(build, { recursive: true, force: true });
    }
  }
}
