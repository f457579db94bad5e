import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import {
  addressAllowed,
  guardedLookup,
  type Lookup,
  type OutboundPolicy,
  outboundUrlProblem,
} from './outbound-url-policy.js';

export interface OutboundFetchOptions extends OutboundPolicy {
  timeoutMs: number;
  /** A larger answer fails the request (a calendar is not a download). */
  maxResponseBytes: number;
  /** DNS, injectable for tests. */
  lookup?: Lookup;
}

/** Raised for every failure before an HTTP answer, and for an answer over the size limit. */
export class OutboundFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutboundFetchError';
  }
}

/**
 * A `fetch` for libraries that take one (tsdav) that goes to user-supplied servers under the
 * outbound policy, like `postOutbound`: the URL is checked, the name resolved and checked
 * once and the socket connects to that address; redirects are returned, not followed; the
 * body is capped. Failures before an answer reject with OutboundFetchError.
 */
export function outboundFetch(options: OutboundFetchOptions): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const problem = outboundUrlProblem(url, options);
    if (problem) throw new OutboundFetchError(`URL ${problem}`);
    const target = new URL(url);
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !addressAllowed(host, options)) {
      throw new OutboundFetchError('address refused by policy');
    }
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const body = init?.body == null ? null : Buffer.from(String(init.body));
    if (body) headers['content-length'] = String(body.length);
    const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const outgoing = request(target, {
        method: init?.method ?? 'GET',
        headers,
        lookup: guardedLookup(options, options.lookup),
        signal: AbortSignal.timeout(options.timeoutMs),
        // One connection per request: a pooled socket would skip the lookup above.
        agent: false,
      });
      outgoing.on('response', resolve);
      outgoing.on('error', (error) => reject(new OutboundFetchError(error.message)));
      outgoing.end(body ?? undefined);
    });
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of response as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > options.maxResponseBytes) {
          response.destroy();
          throw new OutboundFetchError(`answer larger than ${options.maxResponseBytes} bytes`);
        }
        chunks.push(chunk);
      }
    } catch (error) {
      if (error instanceof OutboundFetchError) throw error;
      throw new OutboundFetchError((error as Error).message);
    }
    const status = response.statusCode ?? 0;
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) responseHeaders.append(name, one);
    }
    // Statuses Response refuses to carry a body with.
    const noBody = status === 204 || status === 304 || (status >= 100 && status < 200);
    return new Response(noBody ? null : Buffer.concat(chunks), {
      status,
      statusText: response.statusMessage ?? '',
      headers: responseHeaders,
    });
  };
}
