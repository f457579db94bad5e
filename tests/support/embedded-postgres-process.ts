import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nodeArguments } from './source-build.ts';

// Imports nothing of ours: global-setup.ts loads it outside jest's module mapping.

type Unrefable = { unref(): void };

export interface EmbeddedPostgresProcess {
  url: string;
  /** Asks it to stop once its clients have disconnected; resolves when it has exited. */
  stop(): Promise<void>;
}

/**
 * Starts an in-memory embedded PostgreSQL (src/db/embedded-postgres.ts) in a child process,
 * so the tests' processes hold neither PGlite's work nor its timers: they see a database
 * server, as with a real one.
 */
export function startEmbeddedPostgresProcess(): Promise<EmbeddedPostgresProcess> {
  const main = fileURLToPath(new URL('./embedded-postgres-main.ts', import.meta.url));
  const child = spawn(process.execPath, nodeArguments(main), {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const line = output.split('\n', 2);
      if (line.length < 2) return;
      const { url } = JSON.parse(line[0]!) as { url: string };
      // Never what keeps a test process alive: when it exits, the closed stdin stops the child.
      for (const handle of [child, child.stdin, child.stdout]) (handle as Unrefable).unref();
      resolve({
        url,
        async stop() {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
    void exited.then(() => reject(new Error(`embedded PostgreSQL exited early: ${output}`)));
  });
}
