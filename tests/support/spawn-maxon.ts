import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_KEYS } from '../../src/config.js';
import { nodeArguments } from './source-build.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = join(REPO, 'src/main.ts');

/** The log line main.ts writes once every role of the process has started. */
const READY = /^maxOn running/;

export interface SpawnOptions {
  /**
   * maxOn settings for the child. Settings in this process's environment are not passed on
   * (nor is a .env, as the child runs in its own folder), so what is not given here takes its
   * default: HOST 127.0.0.1, PORT 0 (a free port), LOG_LEVEL info, METRICS_PORT 0.
   */
  env?: Record<string, string>;
  /** Command-line arguments for src/main.ts (e.g. role names). */
  args?: string[];
  /** Working folder; by default a fresh temporary one, removed when the process exits. */
  cwd?: string;
  /** The log line to wait for; by default the one written once every role started. */
  readyLine?: RegExp;
  /** How long to wait for the ready line before killing the child and failing. */
  readyTimeoutMs?: number;
}

export interface SpawnedMaxon {
  pid: number;
  /** Where GET /health answers: the API, or the metrics server of a process without it. */
  url: string;
  /** Everything the child wrote to stdout and stderr so far. */
  output(): string;
  /** Its pino log records so far (stdout lines that are JSON). */
  records(): Record<string, unknown>[];
  kill(signal?: NodeJS.Signals): void;
  /** The exit code; null when a signal ended it. */
  exited: Promise<number | null>;
}

/**
 * Runs the real server (src/main.ts) in a child process, from a copy of the sources
 * transpiled by swc (source-build.ts; no `npm run build`), and resolves once it logged that it is running
 * and its /health answers 200. Fails with the child's output if it exits or times out first.
 */
export async function spawnMaxon(options: SpawnOptions = {}): Promise<SpawnedMaxon> {
  const ownCwd = options.cwd ? null : mkdtempSync(join(tmpdir(), 'maxon-spawn-'));
  const child = spawn(process.execPath, [...nodeArguments(MAIN), ...(options.args ?? [])], {
    cwd: options.cwd ?? ownCwd!,
    env: childEnv(options.env ?? {}),
  });
  let output = '';
  const records: Record<string, unknown>[] = [];
  let onRecord: (record: Record<string, unknown>) => void = () => undefined;
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const record = parseRecord(line);
      if (record) {
        records.push(record);
        onRecord(record);
      }
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  void exited.then(() => ownCwd && rmSync(ownCwd, { recursive: true, force: true }));

  const timeoutMs = options.readyTimeoutMs ?? 60_000;
  const ready = new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`maxOn was not ready within ${timeoutMs} ms. Output:\n${output}`));
    }, timeoutMs);
    onRecord = (record) => {
      if (typeof record.msg === 'string' && (options.readyLine ?? READY).test(record.msg)) {
        clearTimeout(timer);
        resolve(record);
      }
    };
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`maxOn exited (${code}) before it was ready. Output:\n${output}`));
    });
  });
  const readyRecord = await ready;
  const url = healthUrl(records, readyRecord);
  const health = await fetch(`${url}/health`);
  if (health.status !== 200) {
    child.kill('SIGKILL');
    throw new Error(`maxOn's /health answered ${health.status}. Output:\n${output}`);
  }

  return {
    pid: child.pid!,
    url,
    output: () => output,
    records: () => [...records],
    kill: (signal = 'SIGTERM') => void child.kill(signal),
    exited,
  };
}

/** This process's environment without maxOn's settings, then the defaults, then `env`. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !CONFIG_KEYS.includes(name) && !name.startsWith('MAXON_TEST_'),
    ),
  );
  return {
    ...inherited,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    METRICS_PORT: '0',
    ...env,
  };
}

function parseRecord(line: string): Record<string, unknown> | null {
  if (!line.startsWith('{')) return null;
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** The API's base URL from its ready line, else the metrics server's from the ready line. */
function healthUrl(records: Record<string, unknown>[], ready: Record<string, unknown>): string {
  const api = records.find((record) => typeof record.url === 'string')?.url as string | undefined;
  const base = api?.replace(/\/graphql$/, '') ?? (ready.metrics as string | undefined);
  if (!base) throw new Error(`maxOn logged no URL to reach it: ${JSON.stringify(ready)}`);
  return base;
}
