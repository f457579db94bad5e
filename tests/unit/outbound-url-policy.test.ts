import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LookupAddress } from 'node:dns';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config.js';
import { CONNECT_FAILED, postOutbound } from '../../src/http/outbound-post.js';
import { type Lookup, outboundUrlProblem } from '../../src/http/outbound-url-policy.js';
import { PRIVATE_URLS } from '../support/private-urls.js';

const STRICT = { allowLocalhost: false };
const DEV = { allowLocalhost: true };

describe('outbound URL policy at registration', () => {
  it.each(PRIVATE_URLS)('refuses %s', (url) => {
    expect(outboundUrlProblem(url, STRICT)).toMatch(/private address/);
  });

  it('refuses credentials, other schemes and plain http', () => {
    expect(outboundUrlProblem('https://user:pw@hooks.example.com/', STRICT)).toMatch(/credentials/);
    expect(outboundUrlProblem('http://hooks.example.com/', STRICT)).toMatch(/https/);
    expect(outboundUrlProblem('http://hooks.example.com/', DEV)).toMatch(/https/);
    expect(outboundUrlProblem('http://127.0.0.1:8080/', STRICT)).toMatch(/https/);
  });

  it('accepts public hosts, and loopback only in development', () => {
    for (const url of [
      'https://hooks.example.com/maxon',
      'https://8.8.8.8/hook',
      'https://[2606:4700:4700::1111]/hook',
    ]) {
      expect(outboundUrlProblem(url, STRICT)).toBeNull();
    }
    expect(outboundUrlProblem('http://127.0.0.1:8080/hook', DEV)).toBeNull();
    expect(outboundUrlProblem('http://localhost:8080/hook', DEV)).toBeNull();
    expect(outboundUrlProblem('https://10.0.0.1/hook', DEV)).toMatch(/private/);
    expect(outboundUrlProblem('https://169.254.169.254/', DEV)).toMatch(/private/);
  });
});

describe('WEBHOOK_ALLOW_LOCALHOST', () => {
  it('is refused in production', () => {
    const env = {
      NODE_ENV: 'production',
      SECRETS_KEY: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
      WEBHOOK_ALLOW_LOCALHOST: 'true',
    };
    expect(() => loadConfig(env)).toThrow(/WEBHOOK_ALLOW_LOCALHOST must be off/);
    expect(() => loadConfig({ ...env, NODE_ENV: 'development' })).not.toThrow();
  });
});

describe('outbound POST at delivery', () => {
  let server: Server;
  let port: number;
  let connections = 0;
  const paths: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      paths.push(request.url ?? '');
      request.resume();
      if (request.url === '/redirect') {
        response.writeHead(302, { location: `http://127.0.0.1:${port}/landed` }).end();
      } else response.writeHead(200).end('ok');
    });
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** DNS where every name resolves to `addresses`. */
  const resolvingTo =
    (...addresses: string[]): Lookup =>
    (_hostname, _options, callback) =>
      callback(
        null,
        addresses.map((address): LookupAddress => ({
          address,
          family: address.includes(':') ? 6 : 4,
        })),
      );

  const post = (url: string, lookup: Lookup, policy = STRICT) =>
    postOutbound(
      url,
      '{}',
      { 'content-type': 'application/json' },
      {
        ...policy,
        timeoutMs: 2_000,
        lookup,
      },
    );

  it('refuses a name that resolves to a private address, without connecting', async () => {
    const before = connections;
    for (const addresses of [
      ['127.0.0.1'],
      ['10.0.0.7'],
      ['93.184.216.34', '127.0.0.1'],
      ['::1'],
    ]) {
      const outcome = await post(`https://evil.example:${port}/x`, resolvingTo(...addresses));
      expect(outcome).toMatchObject({ ok: false, statusCode: null, error: CONNECT_FAILED });
      expect(outcome.cause).toMatch(/policy/);
    }
    // Loopback is allowed in development, the rest of the private space is not.
    const dev = await post(`http://evil.example:${port}/x`, resolvingTo('192.168.0.10'), DEV);
    expect(dev).toMatchObject({ ok: false, error: CONNECT_FAILED });
    expect(connections).toBe(before);
  });

  it('refuses stored URLs with private literal addresses at delivery too', async () => {
    const before = connections;
    for (const url of PRIVATE_URLS) {
      const outcome = await post(url, resolvingTo('127.0.0.1'));
      expect([url, outcome.error]).toEqual([url, CONNECT_FAILED]);
    }
    expect(connections).toBe(before);
  });

  it('tells the user the same for a closed port as for a refused address', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const portClosed = await post(`http://localhost:${closedPort}/`, resolvingTo('127.0.0.1'), DEV);
    const refused = await post(`https://evil.example:${port}/`, resolvingTo('127.0.0.1'));
    expect(portClosed.error).toBe(refused.error);
    expect(portClosed.cause).toMatch(/ECONNREFUSED/);
  });

  it('connects to the address it checked, and does not follow redirects', async () => {
    paths.length = 0;
    const asked: string[] = [];
    const lookup: Lookup = (hostname, options, callback) => {
      asked.push(hostname);
      resolvingTo('127.0.0.1')(hostname, options, callback);
    };
    // Only the injected lookup answers for the name: the socket used the address it checked.
    const ok = await post(`http://localhost:${port}/hook`, lookup, DEV);
    expect(ok).toMatchObject({ ok: true, statusCode: 200, error: null });
    const redirect = await post(`http://localhost:${port}/redirect`, lookup, DEV);
    expect(redirect).toMatchObject({ ok: false, statusCode: 302, error: 'HTTP 302' });
    expect(paths).toEqual(['/hook', '/redirect']);
    expect(asked).toEqual(['localhost', 'localhost']);
  });
});
