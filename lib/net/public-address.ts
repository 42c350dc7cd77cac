// Which addresses a server-side fetch of a configured URL (the news feeds) may connect to: public unicast
// only, unless the operator allows more. Refused: loopback, private (RFC 1918, unique-local), link-local
// (incl. the cloud metadata address 169.254.169.254), carrier-grade NAT, unspecified, multicast, broadcast,
// documentation and reserved ranges, for IPv4 and IPv6 alike. An IPv4-mapped IPv6 address (::ffff:127.0.0.1)
// is judged as the IPv4 it carries; IPv6 forms that embed another address (NAT64, 6to4, Teredo) are refused.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/** True when `ip` is a literal public unicast IPv4 or IPv6 address. Anything unparsable is not. */
export function isPublicAddress(ip: string): boolean {
  if (isIP(ip) === 0) return false; // strict forms only: not inet_aton's "1.2.3" or "0x7f.1"
  return ipaddr.process(ip).range() === "unicast";
}

/** May a connection go to this address? */
export type AddressPolicy = (ip: string) => boolean;

const SETTING = /^\s*(true|false|1|0)\s*$/i;

/** Is `value` a valid allow-private setting: true/false/1/0, or a comma-separated list of IPs and CIDR ranges? */
export function isAllowPrivateSetting(value: string): boolean {
  if (SETTING.test(value)) return true;
  const items = value.split(",").map((s) => s.trim());
  return items.length > 0 && items.every((s) => isIP(s) !== 0 || isCidr(s));
}

function isCidr(s: string): boolean {
  try {
    ipaddr.parseCIDR(s);
    return true;
  } catch {
    return false;
  }
}

/**
 * The policy for a setting: "false" (the default) public addresses only; "true" any address; a list of IPs
 * and CIDR ranges: public addresses plus those.
 */
export function addressPolicy(setting: string): AddressPolicy {
  const flag = SETTING.exec(setting)?.[1]?.toLowerCase();
  if (flag === "true" || flag === "1") return () => true;
  if (flag === "false" || flag === "0" || setting.trim() === "") return isPublicAddress;
  const ranges = setting
    .split(",")
    .map((s) => s.trim())
    .map((s) => (s.includes("/") ? ipaddr.parseCIDR(s) : ([ipaddr.parse(s), ipaddr.parse(s).kind() === "ipv4" ? 32 : 128] as const)));
  return (ip) => {
    if (isPublicAddress(ip)) return true;
    if (isIP(ip) === 0) return false;
    // An IPv4 range also covers the IPv4-mapped IPv6 form of its addresses.
    const forms = [ipaddr.parse(ip), ipaddr.process(ip)];
    return ranges.some(([range, bits]) => forms.some((a) => a.kind() === range.kind() && a.match(range, bits)));
  };
}

export class RefusedAddressError extends Error {
  readonly code = "EREFUSEDADDRESS";
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`refused: ${host === address ? address : `${host} (${address})`} is a private, loopback or link-local address (NEWS_ALLOW_PRIVATE)`);
    this.name = "RefusedAddressError";
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
type LookupOptions = { all?: boolean; family?: number | string };

/**
 * A dns.lookup for the `lookup` option of http.request / net.connect: it resolves every address of the
 * host and fails if ANY is refused by `policy`. Being the connection's own lookup, the address checked is
 * the address connected to: no second resolution in between, so no DNS-rebinding window.
 */
export function guardedLookup(policy: AddressPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    const family = options.family === "IPv6" || options.family === 6 ? 6 : options.family === "IPv4" || options.family === 4 ? 4 : 0;
    dnsLookup(hostname, { all: true, family }, (err, addresses) => {
      if (err) return callback(err, "");
      const refused = addresses.find((a) => !policy(a.address));
      if (refused) return callback(new RefusedAddressError(hostname, refused.address), "");
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), "");
      if (options.all) return callback(null, addresses);
      callback(null, first.address, first.family);
    });
  };
}
