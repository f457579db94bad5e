import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../errors/domain-error.js';

/** One AES-256 key and the id stored with every value sealed under it. */
export interface SecretKey {
  id: string;
  key: Buffer;
}

/** Seals secrets at rest (webhook secrets, calendar tokens and passwords). */
export interface SecretBox {
  /** The id of the key that seals (the first of SECRETS_KEY). */
  readonly currentKeyId: string;
  /** `v1:<key id>:<iv>:<tag>:<ciphertext>` (base64 parts) under the current (first) key. */
  seal(plain: string): string;
  /** The plain text; a DomainError when the key is unknown or the value was altered. */
  open(sealed: string): string;
  /** Whether a stored value is already sealed (plaintext from before encryption is not). */
  isSealed(value: string): boolean;
  /**
   * The value sealed under the current key: plaintext is sealed, a value of an older key is
   * re-sealed; null when it already is (what start-up runs after a key rotation).
   */
  reseal(value: string): string | null;
}

const VERSION = 'v1';
const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;
const SEALED = /^v1:([A-Za-z0-9_-]{1,16}):([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]+):([A-Za-z0-9+/=]*)$/;
/** The id of the development/test key: a value sealed with it is refused by real keys. */
export const DEV_KEY_ID = 'dev';

/**
 * Parses `SECRETS_KEY`: `k2:<base64 of 32 bytes>,k1:<base64>`; the first key seals, every
 * key opens (so a rotation adds a new first key and keeps the old ones until re-sealed).
 * Throws an Error listing what is wrong (the config reports it).
 */
export function parseSecretKeys(spec: string): SecretKey[] {
  const keys = spec.split(',').map((part, index) => {
    const [id = '', encoded = '', ...extra] = part.trim().split(':');
    if (!KEY_ID.test(id) || !encoded || extra.length) {
      throw new Error(`key ${index + 1} must look like <id>:<base64 of 32 bytes>, e.g. k1:…`);
    }
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== 32) {
      throw new Error(`key "${id}" must be 32 bytes in base64 (it has ${key.length})`);
    }
    return { id, key };
  });
  const ids = new Set(keys.map((key) => key.id));
  if (ids.size !== keys.length) throw new Error('key ids must be unique');
  return keys;
}

/** A stable key for development and tests only, so their data survives restarts. */
export function developmentSecretKey(): SecretKey {
  return { id: DEV_KEY_ID, key: createHash('sha256').update('maxOn development key').digest() };
}

/**
 * The keys from the `SECRETS_KEY` setting (already validated by the config), or the
 * development key when it is unset (the config refuses that in production).
 */
export function secretKeysFrom(settings: { SECRETS_KEY?: string }): SecretKey[] {
  return settings.SECRETS_KEY ? parseSecretKeys(settings.SECRETS_KEY) : [developmentSecretKey()];
}

const unreadable = (why: string): DomainError =>
  new DomainError('INTERNAL_SERVER_ERROR', `A stored secret cannot be read: ${why}`);

/** AES-256-GCM (authenticated: a changed byte is detected, not decrypted to garbage). */
export function createSecretBox(keys: readonly SecretKey[]): SecretBox {
  const [current] = keys;
  if (!current) throw new Error('createSecretBox needs at least one key');
  const byId = new Map(keys.map((key) => [key.id, key.key]));

  return {
    currentKeyId: current.id,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      // The key id is authenticated too, so a value cannot be relabelled to another key.
      cipher.setAAD(Buffer.from(`${VERSION}:${current.id}`));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, current.id, iv, tag, body]
        .map((part) => (Buffer.isBuffer(part) ? part.toString('base64') : part))
        .join(':');
    },
    open(sealed) {
      const match = SEALED.exec(sealed);
      if (!match) throw unreadable('not a sealed value');
      const [, id = '', iv = '', tag = '', body = ''] = match;
      const key = byId.get(id);
      if (!key) throw unreadable(`it was sealed with key "${id}", which SECRETS_KEY lacks`);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'), {
          authTagLength: 16, // a shortened tag would be accepted otherwise
        });
        decipher.setAAD(Buffer.from(`${VERSION}:${id}`));
        decipher.setAuthTag(Buffer.from(tag, 'base64'));
        return Buffer.concat([
          decipher.update(Buffer.from(body, 'base64')),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw unreadable(`it does not match key "${id}" (altered, or a different key)`);
      }
    },
    isSealed(value) {
      return SEALED.test(value);
    },
    reseal(value) {
      if (!this.isSealed(value)) return this.seal(value);
      return value.startsWith(`${VERSION}:${current.id}:`) ? null : this.seal(this.open(value));
    },
  };
}
