import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real Radicale (Debian's `radicale` package) on a free local port, with its storage in a
 * temporary folder and plain htpasswd users: the CalDAV server the provider tests talk to.
 */
export interface Radicale {
  url: string;
  user: string;
  password: string;
  /** Makes a calendar collection (MKCALENDAR) and answers its absolute URL. */
  makeCalendar(name: string, displayName?: string): Promise<string>;
  /** A raw request as the user (for changes made "in Radicale", not through maxOn). */
  request(path: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

const USER = 'alice';
const PASSWORD = 'app-password-123';

export async function startRadicale(): Promise<Radicale> {
  const folder = await mkdtemp(join(tmpdir(), 'maxon-radicale-'));
  const port = await freePort();
  await writeFile(join(folder, 'users'), `${USER}:${PASSWORD}\nbob:bob-password\n`);
  await writeFile(
    join(folder, 'config'),
    [
      '[server]',
      `hosts = 127.0.0.1:${port}`,
      '[auth]',
      'type = htpasswd',
      `htpasswd_filename = ${join(folder, 'users')}`,
      'htpasswd_encryption = plain',
      // Radicale waits this long after a failed login by default: the tests try wrong ones.
      'delay = 0',
      '[storage]',
      `filesystem_folder = ${join(folder, 'collections')}`,
      '[rights]',
      'type = owner_only',
      '[logging]',
      'level = warning',
    ].join('\n'),
  );
  const child = spawn('radicale', ['--config', join(folder, 'config')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const authorization = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
  const request = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(new URL(path, url), {
      ...init,
      headers: { authorization, ...(init.headers as Record<string, string> | undefined) },
    });
  await waitForStart(child, url, () => stderr);

  return {
    url,
    user: USER,
    password: PASSWORD,
    async makeCalendar(name, displayName = name) {
      const path = `/${USER}/${name}/`;
      const response = await request(path, {
        method: 'MKCALENDAR',
        headers: { 'content-type': 'application/xml' },
        body:
          '<?xml version="1.0" encoding="utf-8"?>' +
          '<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>' +
          `<D:displayname>${displayName}</D:displayname>` +
          '<C:supported-calendar-component-set><C:comp name="VEVENT"/></C:supported-calendar-component-set>' +
          '</D:prop></D:set></C:mkcalendar>',
      });
      if (response.status !== 201) throw new Error(`MKCALENDAR ${path}: ${response.status}`);
      return new URL(path, url).href;
    },
    request,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(folder, { recursive: true, force: true });
    },
  };
}

async function waitForStart(child: ChildProcess, url: string, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`radicale exited: ${stderr()}`);
    try {
      await fetch(url);
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`radicale did not start: ${stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
