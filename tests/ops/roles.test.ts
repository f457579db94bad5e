import { describe, expect, it } from '@jest/globals';
import { createLogger } from '../../src/logger.js';
import { ROLE_NAMES } from '../../src/roles/index.js';
import { parseRoleArguments, UsageError } from '../../src/roles/command-line.js';
import { runRoles } from '../../src/roles/run-roles.js';
import { useOwnDatabase } from '../support/own-database.js';
import { spawnMaxon } from '../support/spawn-maxon.js';
import { testConfig } from '../support/test-app.js';
import { scrape, valueOf } from './prometheus-text.js';

// A worker role runs here, and workers sweep the whole database: this file gets its own.
await useOwnDatabase();

describe('the role argument', () => {
  it('runs every role without an argument or with "all"', () => {
    expect(parseRoleArguments([])).toEqual({ roles: ROLE_NAMES, allInOne: true });
    expect(parseRoleArguments(['all'])).toEqual({ roles: ROLE_NAMES, allInOne: true });
    expect(ROLE_NAMES).toEqual(['api', 'worker', 'telegram', 'max']);
  });

  it('runs the roles named, in registry order, each once', () => {
    expect(parseRoleArguments(['worker'])).toEqual({ roles: ['worker'], allInOne: false });
    expect(parseRoleArguments(['max', 'api', 'max'])).toEqual({
      roles: ['api', 'max'],
      allInOne: false,
    });
  });

  it('rejects an unknown role with the list of known ones', () => {
    expect(() => parseRoleArguments(['api', 'wroker'])).toThrow(UsageError);
    expect(() => parseRoleArguments(['wroker'])).toThrow(
      'Unknown role "wroker": choose from api, worker, telegram, max',
    );
  });

  it('makes the real process exit non-zero with that message', async () => {
    const started = spawnMaxon({ args: ['wroker'], env: { DATABASE_URL: dbUrl() } });
    await expect(started).rejects.toThrow(/exited \(1\)[\s\S]*Unknown role "wroker"/);
  });
});

describe('a process without the api role', () => {
  it('serves /metrics and /health on METRICS_PORT, and stops cleanly', async () => {
    const config = testConfig({ WORKER_ENABLED: 'true', METRICS_PORT: '0' });
    const running = await runRoles(
      { roles: ['worker'], allInOne: false },
      config,
      createLogger(config.LOG_LEVEL),
    );
    try {
      expect(running.roles).toEqual(['worker']);
      expect(running.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${running.metricsUrl}/health`);
      expect(health.status).toBe(200);
      const samples = await scrape(`${running.metricsUrl}/metrics`);
      expect(samples.some((sample) => sample.name === 'process_cpu_user_seconds_total')).toBe(true);
      // The outbox gauge reads the worker's database: present for every channel.
      const pending = samples.filter((s) => s.name === 'maxon_notifications_pending');
      expect(pending.map((s) => s.labels.channel).sort()).toEqual([
        'max',
        'telegram',
        'web',
        'webhook',
      ]);
      expect(valueOf(samples, 'maxon_notifications_pending', { channel: 'max' })).toBe(0);
    } finally {
      await running.stop();
    }
    await expect(fetch(`${running.metricsUrl}/health`)).rejects.toThrow();
  });

  it('keeps /health but serves no /metrics with METRICS_ENABLED=false', async () => {
    const config = testConfig({ METRICS_ENABLED: 'false', METRICS_PORT: '0' });
    const running = await runRoles(
      { roles: ['worker'], allInOne: false },
      config,
      createLogger('silent'),
    );
    try {
      expect((await fetch(`${running.metricsUrl}/health`)).status).toBe(200);
      expect((await fetch(`${running.metricsUrl}/metrics`)).status).toBe(404);
    } finally {
      await running.stop();
    }
  });

  it('skips unavailable roles when all run in one process, and serves the API', async () => {
    const config = testConfig({ WORKER_ENABLED: 'false' });
    const running = await runRoles(parseRoleArguments([]), config, createLogger('silent'));
    try {
      // telegram and max are not in this build; WORKER_ENABLED=false leaves out the worker.
      expect(running.roles).toEqual(['api']);
      expect(running.metricsUrl).toBeNull();
    } finally {
      await running.stop();
    }
  });
});

function dbUrl(): string {
  return process.env.MAXON_TEST_DATABASE_URL!;
}
