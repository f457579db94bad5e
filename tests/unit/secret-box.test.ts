import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  createSecretBox,
  developmentSecretKey,
  parseSecretKeys,
  secretKeysFrom,
} from '../../src/common/secret-box.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { DomainError } from '../../src/errors/domain-error.js';

const key = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

function openError(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected open() to fail');
}

describe('secret box', () => {
  it('round-trips text, with a fresh IV each time, tagged with the current key id', () => {
    const box = createSecretBox(parseSecretKeys(key('k1')));
    const plain = 'whsec_секрет 🔑';
    const first = box.seal(plain);
    const second = box.seal(plain);
    expect(first).toMatch(/^v1:k1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('whsec');
    expect(box.open(first)).toBe(plain);
    expect(box.open(box.seal(''))).toBe('');
    expect(box.isSealed(first)).toBe(true);
    expect(box.isSealed('whsec_plain')).toBe(false);
  });

  it('refuses an altered value: ciphertext, tag, IV or a relabelled key id', () => {
    const spec = `${key('k2')},${key('k1')}`;
    const box = createSecretBox(parseSecretKeys(spec));
    const sealed = box.seal('the secret');
    const parts = sealed.split(':');
    const flip = (index: number) => {
      const bytes = Buffer.from(parts[index]!, 'base64');
      bytes[0] ^= 1;
      return parts.map((part, at) => (at === index ? bytes.toString('base64') : part)).join(':');
    };
    for (const index of [2, 3, 4]) {
      expect(openError(() => box.open(flip(index))).code).toBe('INTERNAL_SERVER_ERROR');
    }
    const relabelled = ['v1', 'k1', ...parts.slice(2)].join(':');
    expect(openError(() => box.open(relabelled)).message).toMatch(/k1/);
    const shortTag = [...parts.slice(0, 3), parts[3]!.slice(0, 8), parts[4]].join(':');
    openError(() => box.open(shortTag));
    expect(openError(() => box.open('whsec_plain')).message).toMatch(/not a sealed value/);
  });

  it('opens values of an older key after a rotation and seals with the new one', () => {
    const k1 = key('k1');
    const before = createSecretBox(parseSecretKeys(k1));
    const old = before.seal('old secret');
    const after = createSecretBox(parseSecretKeys(`${key('k2')},${k1}`));
    expect(after.open(old)).toBe('old secret');
    expect(after.seal('new').startsWith('v1:k2:')).toBe(true);
    // Start-up re-seals what an older key (or nobody) sealed; current values stay as they are.
    const resealed = after.reseal(old)!;
    expect(resealed.startsWith('v1:k2:')).toBe(true);
    expect(after.open(resealed)).toBe('old secret');
    expect(after.reseal(resealed)).toBeNull();
    expect(after.open(after.reseal('plaintext')!)).toBe('plaintext');
    // Once the old key is dropped, what it sealed is refused with the missing key named.
    const dropped = createSecretBox(parseSecretKeys(key('k2')));
    expect(openError(() => dropped.open(old)).message).toMatch(/"k1".*SECRETS_KEY/);
  });

  it('refuses a value sealed under a different key with the same id', () => {
    const sealed = createSecretBox(parseSecretKeys(key('k1'))).seal('x');
    const other = createSecretBox(parseSecretKeys(key('k1')));
    expect(openError(() => other.open(sealed)).message).toMatch(/does not match key "k1"/);
  });

  it('parses SECRETS_KEY strictly', () => {
    expect(() => parseSecretKeys('k1:short')).toThrow(/32 bytes/);
    expect(() => parseSecretKeys(randomBytes(32).toString('base64'))).toThrow(/<id>:<base64/);
    const k = key('k1');
    expect(() => parseSecretKeys(`${k},${k}`)).toThrow(/unique/);
    expect(parseSecretKeys(` ${key('a')} , ${key('b')}`).map((entry) => entry.id)).toEqual([
      'a',
      'b',
    ]);
  });

  it('is required in production and validated by the config; development uses a fixed key', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SECRETS_KEY is required/);
    expect(() => loadConfig({ SECRETS_KEY: 'k1:nope' })).toThrow(ConfigError);
    const production = loadConfig({ NODE_ENV: 'production', SECRETS_KEY: key('k9') });
    expect(secretKeysFrom(production).map((entry) => entry.id)).toEqual(['k9']);
    const development = secretKeysFrom(loadConfig({}));
    expect(development).toEqual([developmentSecretKey()]);
    // Stable across processes: what development sealed yesterday opens today.
    const sealed = createSecretBox(development).seal('dev');
    expect(createSecretBox([developmentSecretKey()]).open(sealed)).toBe('dev');
  });
});
