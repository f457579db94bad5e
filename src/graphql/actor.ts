import type { Caller } from '../services/auth.service.js';

/** Who made a change, for audit trails: a bot, the service itself, or a third party's token. */
export function actorOf(caller: Caller): string {
  switch (caller.kind) {
    case 'service':
      return caller.identity ? `${caller.identity.platform}-bot` : 'service';
    case 'token':
      return 'api-token';
    case 'session':
      return 'web';
    default:
      return 'anonymous';
  }
}
