import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import {
  addressAllowed,
  guardedLookup,
  type Lookup,
  type OutboundPolicy,
  outboundUrlProblem,
} from './outbound-url-policy.js';

export interface PostOutcome {
  ok: boolean;
  statusCode: number | null;
  /** For the user: never tells a refused address from a closed port or a failed lookup. */
  error: string | null;
  /** For the logs: what really happened. */
  cause?: string;
}

/** What a user sees for every failure before an HTTP answer: no port scanning through it. */
export const CONNECT_FAILED = 'could not connect';

export interface PostOptions extends OutboundPolicy {
  timeoutMs: number;
  /** DNS, injectable for tests. */
  lookup?: Lookup;
}

/**
 * POSTs `body` to a user-supplied URL under the outbound policy: the URL is re-checked (it
 * may predate the policy), the name is resolved and checked once and the socket connects to
 * that address, redirects are not followed, and the answer's body is not read.
 */
export function postOutbound(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: PostOptions,
): Promise<PostOutcome> {
  const refused = (cause: string): PostOutcome => ({
    ok: false,
    statusCode: null,
    error: CONNECT_FAILED,
    cause,
  });
  const problem = outboundUrlProblem(url, options);
  if (problem) return Promise.resolve(refused(`URL ${problem}`));
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !addressAllowed(host, options)) {
    return Promise.resolve(refused('address refused by policy'));
  }
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const outgoing = request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        lookup: guardedLookup(options, options.lookup),
        signal: AbortSignal.timeout(options.timeoutMs),
        // One connection per delivery: a pooled socket would skip the lookup above.
        agent: false,
      },
      (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        const ok = status >= 200 && status < 300;
        resolve({ ok, statusCode: status, error: ok ? null : `HTTP ${status}` });
        outgoing.destroy();
      },
    );
    outgoing.on('error', (error) => resolve(refused(error.message)));
    outgoing.end(body);
  });
}
