import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { badInput } from '../errors/domain-error.js';

/**
 * Where the server may send requests on a user's behalf (webhooks; later ICS and CalDAV
 * URLs). A user-supplied URL must never reach the machine itself, the private network or a
 * cloud metadata service (SSRF): the address is checked when the URL is registered (a literal
 * address or a name that is local by definition) and again, after DNS, when connecting — on
 * the address that was checked, so a second lookup cannot answer differently.
 */
export interface OutboundPolicy {
  /** Also allow http:// and loopback addresses (development and tests only). */
  allowLocalhost: boolean;
}

export const MAX_URL_LENGTH = 500;

const FORBIDDEN = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  FORBIDDEN.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64: an IPv4 address inside
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 32], // Teredo
  ['2001:db8::', 32],
  ['2002::', 16], // 6to4: an IPv4 address inside
  ['fc00::', 7], // unique local (AWS metadata fd00:ec2::254 too)
  ['fe80::', 10], // link-local
  ['fec0::', 10],
  ['ff00::', 8], // multicast
] as const) {
  FORBIDDEN.addSubnet(network, prefix, 'ipv6');
}
// IPv4-mapped IPv6 (::ffff:127.0.0.1) is matched against the IPv4 rules by BlockList.

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Names that are local by definition or a cloud's metadata service. */
const FORBIDDEN_NAMES = [/^localhost$/, /\.localhost$/, /\.internal$/, /^metadata$/, /\.local$/];

const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** Whether a request may connect to this IP address. */
export function addressAllowed(address: string, policy: OutboundPolicy): boolean {
  if (isIP(address) === 0) return false;
  if (policy.allowLocalhost && LOOPBACK.check(address, family(address))) return true;
  return !FORBIDDEN.check(address, family(address));
}

/** The host of a parsed URL without IPv6 brackets and a trailing dot, lower case. */
const bareHost = (url: URL) => url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');

/**
 * Why `text` may not be used as an outbound URL, or null. Checks what is decidable without
 * DNS: scheme, no credentials, length, literal addresses (in every form the URL parser
 * accepts: 2130706433, 0x7f.1, [::ffff:127.0.0.1]…) and local names.
 */
export function outboundUrlProblem(text: string, policy: OutboundPolicy): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'is not a valid URL';
  }
  if (text.length > MAX_URL_LENGTH) return `is longer than ${MAX_URL_LENGTH} characters`;
  const host = bareHost(url);
  const loopback =
    host.toLowerCase() === 'localhost' || (isIP(host) > 0 && LOOPBACK.check(host, family(host)));
  const plainHttpAllowed = policy.allowLocalhost && loopback;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && plainHttpAllowed)) {
    return 'must be an https:// URL';
  }
  if (url.username || url.password) return 'must not contain credentials';
  if (isIP(host)) return addressAllowed(host, policy) ? null : 'points at a private address';
  const local = FORBIDDEN_NAMES.some((name) => name.test(host.toLowerCase()));
  if (local && !(policy.allowLocalhost && host.toLowerCase() === 'localhost')) {
    return 'points at a private address';
  }
  return null;
}

/** Throws BAD_USER_INPUT naming what is wrong with an outbound URL. */
export function assertOutboundUrl(text: string, policy: OutboundPolicy, what = 'URL'): void {
  const problem = outboundUrlProblem(text, policy);
  if (problem) throw badInput(`The ${what} ${problem}`, { field: 'url' });
}

/** Raised when a connection was refused by the policy (never shown to users as such). */
export class OutboundAddressError extends Error {
  override readonly name = 'OutboundAddressError';
  readonly code = 'EOUTBOUNDPOLICY';
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;
/** dns.lookup's shape, so tests can inject names that resolve to private addresses. */
export type Lookup = (
  hostname: string,
  options: { all: true },
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * A `lookup` for http(s).request: resolves the name, refuses it when any of its addresses is
 * forbidden (a name with one public and one private address could be steered), and hands
 * the socket the address it checked.
 */
export function guardedLookup(policy: OutboundPolicy, resolve: Lookup = dnsLookup as Lookup) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    resolve(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      if (addresses.length === 0 || !addresses.every((a) => addressAllowed(a.address, policy))) {
        return callback(new OutboundAddressError(`${hostname}: address refused by policy`), []);
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      return callback(null, first!.address, first!.family);
    });
  };
}
