import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export enum PictureKind {
  HABIT_HEATMAP = 'habit-heatmap',
  GOAL_PROGRESS = 'goal-progress',
}

/** What a signed picture URL grants: one picture of one object, for one user, until then. */
export interface PictureGrant {
  kind: PictureKind;
  id: string;
  userId: string;
  expiresAt: Date;
}

export const PICTURES_PATH = '/pictures';

/**
 * Short-lived signed picture URLs, so a picture can be fetched (a bot's upload, an <img> in
 * the web client) without the caller's credentials: the API checked the user's right to the
 * object when it signed, and the endpoint checks it again when it renders.
 */
export class PictureUrlSigner {
  private readonly key: Buffer;

  /** `secret` null: a random key per process (a URL then works only on the API that made it). */
  constructor(
    secret: string | null,
    private readonly ttlSeconds: number,
  ) {
    this.key = secret
      ? createHmac('sha256', secret).update('maxon-picture-urls').digest()
      : randomBytes(32);
  }

  /** The path (relative to the API's origin) and when it stops working. */
  sign(kind: PictureKind, id: string, userId: string, now = new Date()) {
    const expiresAt = new Date(Math.floor(now.getTime() / 1000 + this.ttlSeconds) * 1000);
    const expires = String(expiresAt.getTime() / 1000);
    const signature = this.signature(kind, id, userId, expires);
    const query = new URLSearchParams({ user: userId, expires, signature });
    return { url: `${PICTURES_PATH}/${kind}/${id}.png?${query}`, expiresAt };
  }

  /** The grant of a path + query, or null when it is forged, altered or expired. */
  verify(
    kind: string,
    id: string,
    query: Record<string, unknown>,
    now = new Date(),
  ): PictureGrant | null {
    const { user, expires, signature } = query;
    if (!Object.values(PictureKind).includes(kind as PictureKind)) return null;
    if (typeof user !== 'string' || typeof expires !== 'string') return null;
    if (typeof signature !== 'string' || !/^\d{1,12}$/.test(expires)) return null;
    const expected = Buffer.from(this.signature(kind, id, user, expires), 'base64url');
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const expiresAt = new Date(Number(expires) * 1000);
    if (expiresAt <= now) return null;
    return { kind: kind as PictureKind, id, userId: user, expiresAt };
  }

  private signature(kind: string, id: string, userId: string, expires: string): string {
    return createHmac('sha256', this.key)
      .update(`${kind}\n${id}\n${userId}\n${expires}`)
      .digest('base64url');
  }
}
