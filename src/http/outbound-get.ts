import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import {
  addressAllowed,
  guardedLookup,
  type Lookup,
  type OutboundPolicy,
  outboundUrlProblem,
} from './outbound-url-policy.js';

export interface GetOptions extends OutboundPolicy {
  timeoutMs: number;
  /** The body is cut off (and the fetch fails) past this many bytes. */
  maxBytes: number;
  headers?: Record<string, string>;
  /** Redirects followed, each target checked by the policy again (default 3). */
  maxRedirects?: number;
  lookup?: Lookup;
}

export interface GetResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Why a GET got no usable answer; `kind` is what the caller acts on. */
export class OutboundGetError extends Error {
  override readonly name = 'OutboundGetError';
  constructor(
    readonly kind: 'refused' | 'too-large' | 'timeout' | 'network',
    message: string,
  ) {
    super(message);
  }
}

/**
 * GETs a user-supplied URL under the outbound policy (the sibling of `postOutbound`): the
 * name is resolved and checked once and the socket connects to that address; redirects are
 * followed only to URLs the policy allows; the body is read up to `maxBytes` and the whole
 * exchange must finish within `timeoutMs`.
 */
export async function getOutbound(url: string, options: GetOptions): Promise<GetResponse> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  let target = url;
  for (let hop = 0; ; hop += 1) {
    const response = await getOnce(target, options, deadline);
    const location = response.headers.location;
    if (response.status >= 300 && response.status < 400 && response.status !== 304 && location) {
      if (hop >= (options.maxRedirects ?? 3)) {
        throw new OutboundGetError('network', 'too many redirects');
      }
      target = new URL(location, target).toString();
      continue;
    }
    return response;
  }
}

function getOnce(url: string, options: GetOptions, signal: AbortSignal): Promise<GetResponse> {
  const problem = outboundUrlProblem(url, options);
  if (problem) return Promise.reject(new OutboundGetError('refused', `URL ${problem}`));
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !addressAllowed(host, options)) {
    return Promise.reject(new OutboundGetError('refused', 'address refused by policy'));
  }
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      target,
      {
        method: 'GET',
        headers: { 'user-agent': 'maxOn calendar sync', ...options.headers },
        lookup: guardedLookup(options, options.lookup),
        signal,
        // One connection per fetch: a pooled socket would skip the lookup above.
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            outgoing.destroy();
            reject(new OutboundGetError('too-large', `larger than ${options.maxBytes} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', (error) => reject(classify(error, signal)));
      },
    );
    outgoing.on('error', (error) => reject(classify(error, signal)));
    outgoing.end();
  });
}

function classify(error: Error, signal: AbortSignal): OutboundGetError {
  if (error instanceof OutboundGetError) return error;
  if (signal.aborted) return new OutboundGetError('timeout', 'timed out');
  if (error.name === 'OutboundAddressError') return new OutboundGetError('refused', error.message);
  return new OutboundGetError('network', error.message);
}
