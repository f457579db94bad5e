import { Column, Entity, Index } from 'typeorm';
import { UserOwnedRecord } from './user-owned-record.js';

/**
 * A signed-in browser (the web client at /app). The cookie holds a random token; only its
 * SHA-256 is stored, so a leaked table opens no session. `csrfToken` is handed to the page
 * and must come back in a header with every cookie-authenticated GraphQL request.
 */
@Entity('web_sessions')
export class WebSession extends UserOwnedRecord {
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 64 })
  csrfToken: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}

/** A one-time sign-in link a bot sent (`/web`): short-lived, used at most once. */
@Entity('web_sign_in_links')
export class WebSignInLink extends UserOwnedRecord {
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
