/**
 * The outage benchmark's maxOn processes: `node dist/src/main.js <roles>` as a child, in a
 * folder of its own (no .env is read), with only the settings given; its log goes to a file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_KEYS } from '../src/config.js';

const MAIN = fileURLToPath(new URL('../src/main.js', import.meta.url));
const READY = /"msg":"maxOn running/;

export interface Exit {
  name: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
  /** Killed on purpose by the benchmark (kill -9 of the worker). */
  expected: boolean;
}

export class MaxonProcess {
  private child: ChildProcess | null = null;
  private starts = 0;
  private killing = false;
  /** Its last lines of output, for a failure message. */
  private tail: string[] = [];

  constructor(
    readonly name: string,
    private readonly roles: string[],
    private readonly env: Record<string, string>,
    private readonly logDir: string,
    private readonly onExit: (exit: Exit) => void,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts it and resolves once it logged that every role runs (180 s at most: a loaded machine). */
  async start(): Promise<void> {
    this.starts += 1;
    this.killing = false;
    const log = createWriteStream(join(this.logDir, `${this.name}-${this.starts}.log`));
    const child = spawn(process.execPath, ['--enable-source-maps', MAIN, ...this.roles], {
      cwd: this.logDir,
      env: childEnv(this.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let ready = false;
    const readyNow = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name} not ready in 180 s`)), 180_000);
      const onData = (chunk: Buffer) => {
        log.write(chunk);
        const text = chunk.toString();
        this.tail = [...this.tail, ...text.split('\n')].slice(-30);
        if (!ready && READY.test(text)) {
          ready = true;
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code, signal) => {
        log.end();
        clearTimeout(timer);
        if (this.child === child) this.child = null;
        this.onExit({ name: this.name, code, signal, at: Date.now(), expected: this.killing });
        if (!ready) reject(new Error(`${this.name} exited (${code ?? signal}):\n${this.output()}`));
      });
    });
    await readyNow;
  }

  /** kill -9, as a crash or a lost machine would; resolves once it is gone. */
  async killHard(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.killing = true;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  }

  /** SIGTERM (a graceful stop), SIGKILL after 15 s. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.killing = true;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await gone;
    clearTimeout(timer);
  }

  get running(): boolean {
    return this.child !== null;
  }

  output(): string {
    return this.tail.join('\n');
  }
}

/** This environment without maxOn's settings (DATABASE_URL is the admin one here), then `env`. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !CONFIG_KEYS.includes(name));
  return { ...Object.fromEntries(inherited), ...env };
}

/** A port free now, for an API that must keep its address across restarts. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
