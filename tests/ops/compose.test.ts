import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { CONFIG_KEYS, loadConfig } from '../../src/config.js';

const SAMPLE_SECRETS_KEY = `k1:${Buffer.alloc(32, 5).toString('base64')}`;
import { ROLE_NAMES } from '../../src/roles/index.js';

// docker compose cannot run here (no Docker engine): these checks keep docker-compose.yml,
// the Dockerfile and .env.example in line with the settings and roles the code knows.

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(join(REPO, file), 'utf8');

interface ComposeService {
  build?: unknown;
  image?: string;
  command?: string[] | string;
  environment?: Record<string, unknown> | string[];
  stop_grace_period?: string;
  healthcheck?: { test?: string[] | string; disable?: boolean };
}

const composeText = read('docker-compose.yml');
// `merge` resolves the `<<: *maxon` keys as docker compose does.
const compose = parse(composeText, { merge: true }) as { services: Record<string, ComposeService> };
const services = Object.entries(compose.services);
/** The services that run our image, i.e. one of the roles. */
const roleServices = services.filter(([, service]) => service.build !== undefined);

const environmentOf = (service: ComposeService): Record<string, string> =>
  Array.isArray(service.environment)
    ? Object.fromEntries(service.environment.map((entry) => entry.split(/=(.*)/s).slice(0, 2)))
    : Object.fromEntries(
        Object.entries(service.environment ?? {}).map(([key, value]) => [key, String(value)]),
      );
const commandOf = (service: ComposeService): string[] =>
  typeof service.command === 'string' ? service.command.split(/\s+/) : (service.command ?? []);

/** `KEY=value` and commented-out `# KEY=value` lines of .env.example. */
const envExampleKeys = [...read('.env.example').matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map(
  ([, key]) => key,
);
/** The variables docker compose substitutes in the file: ${NAME}, ${NAME:-default}, … */
const composeVariables = [
  ...new Set([...composeText.matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map(([, name]) => name)),
];

describe('docker-compose.yml', () => {
  it('runs every role, each service naming an existing one', () => {
    expect(roleServices.length).toBeGreaterThan(0);
    const roles = roleServices.map(([name, service]) => {
      const [role, ...rest] = commandOf(service);
      expect({ service: name, role, rest }).toEqual({
        service: name,
        role: expect.stringMatching(new RegExp(`^(${ROLE_NAMES.join('|')})$`)),
        rest: [],
      });
      return role;
    });
    expect([...roles].sort()).toEqual([...ROLE_NAMES].sort());
  });

  it('sets only settings that src/config.ts knows, to values it accepts', () => {
    for (const [name, service] of roleServices) {
      const environment = environmentOf(service);
      const unknown = Object.keys(environment).filter((key) => !CONFIG_KEYS.includes(key));
      expect({ service: name, unknown }).toEqual({ service: name, unknown: [] });
      // Substituted the way compose would with an empty .env: ${NAME:-default} → default.
      const substituted = Object.fromEntries(
        Object.entries(environment).map(([key, value]) => [
          key,
          value.replace(/\$\{[A-Z0-9_]+:-([^}]*)\}/g, '$1'),
        ]),
      );
      // Secrets come from .env (env_file), never from this file: SECRETS_KEY is required there.
      expect(() => loadConfig({ SECRETS_KEY: SAMPLE_SECRETS_KEY, ...substituted })).not.toThrow();
    }
  });

  it('substitutes only variables documented in .env.example', () => {
    const undocumented = composeVariables.filter((name) => !envExampleKeys.includes(name));
    expect(undocumented).toEqual([]);
  });

  it('checks the health of every service', () => {
    const unchecked = services
      .filter(([, service]) => !service.healthcheck?.test || service.healthcheck.disable)
      .map(([name]) => name);
    expect(unchecked).toEqual([]);
  });

  it('gives each role longer to stop than its own shutdown timeout', () => {
    for (const [name, service] of roleServices) {
      const grace = /^(\d+)s$/.exec(service.stop_grace_period ?? '10s');
      expect({ service: name, grace: grace?.[0] }).toEqual({
        service: name,
        grace: expect.any(String),
      });
      const { SHUTDOWN_TIMEOUT_MS } = loadConfig({
        SECRETS_KEY: SAMPLE_SECRETS_KEY,
        DATABASE_URL: 'postgres://localhost/x',
        ...environmentOf(service),
      });
      expect(Number(grace![1]) * 1000).toBeGreaterThan(SHUTDOWN_TIMEOUT_MS);
    }
  });
});

describe('.env.example', () => {
  it('documents every setting of src/config.ts', () => {
    const undocumented = CONFIG_KEYS.filter((key) => !envExampleKeys.includes(key));
    expect(undocumented).toEqual([]);
  });

  it('lists nothing but settings and the variables docker-compose.yml substitutes', () => {
    const stale = envExampleKeys.filter(
      (key) =>
        !CONFIG_KEYS.includes(key) &&
        !composeVariables.includes(key) &&
        !key.startsWith('COMPOSE_'),
    );
    expect(stale).toEqual([]);
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('copies files that exist, and runs the built entry point with a role', () => {
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap(([, list]) =>
      list!.split(/\s+/),
    );
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.filter((source) => !existsSync(join(REPO, source)))).toEqual([]);

    expect(dockerfile).toMatch(/^ENTRYPOINT \["node", "dist\/src\/main\.js"\]$/m);
    const [, role] = /^CMD \["(\w+)"\]$/m.exec(dockerfile) ?? [];
    expect(ROLE_NAMES).toContain(role);
    // `npm run build` writes the entry point there (tsconfig.build.json: outDir dist, rootDir .).
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toContain('node dist/src/main.js');
  });
});
