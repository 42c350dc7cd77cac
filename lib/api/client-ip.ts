// The client's address, for per-address limits (registration). server.ts stamps the address of the socket's
// peer on every request (./stamp-peer.ts); X-Forwarded-For / X-Real-IP are believed only when that peer is a
// trusted proxy (TRUSTED_PROXIES), and then only up to the rightmost hop that is not itself a trusted proxy:
// everything left of it was written by the client and proves nothing.
import { BlockList, isIP } from "node:net";
import { env } from "@/lib/env";

/** Internal header with the socket's peer address; server.ts overwrites whatever a client sent in it. */
export const PEER_HEADER = "x-compraventa-peer";
/** Set on globalThis by the custom server: without it (`next start`, Vercel) the peer header is not ours. */
export const STAMPING_FLAG = Symbol.for("compraventa.stamps-peer");
const MAX_HOPS = 20;

interface Trust {
  all: boolean;
  /** the trusted addresses and subnets; none (the default): nothing to look up */
  list?: BlockList;
}

let trust: Trust | undefined;

function trusted(): Trust {
  if (trust) return trust;
  const list = new BlockList();
  let all = false;
  let entries = 0;
  for (const entry of env.TRUSTED_PROXIES.split(",").map((e) => e.trim()).filter(Boolean)) {
    if (entry === "*") {
      all = true;
      continue;
    }
    entries++;
    const [ip = "", bits] = entry.split("/");
    const family = isIP(ip) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(ip, family);
    else list.addSubnet(ip, Number(bits), family);
  }
  return (trust = { all, list: entries > 0 ? list : undefined });
}

/** A bare IP from a header value or socket address ("::ffff:1.2.3.4", "[::1]:80", "1.2.3.4:80"), else undefined. */
export function normalizeIp(value: string | null | undefined): string | undefined {
  let s = (value ?? "").trim();
  if (s.length > 64) return undefined;
  if (s.startsWith("[")) {
    const end = s.indexOf("]");
    s = end > 0 ? s.slice(1, end) : "";
  } else if (s.includes(".") && s.indexOf(":") === s.lastIndexOf(":") && s.includes(":")) s = s.slice(0, s.indexOf(":"));
  const v = isIP(s);
  if (v === 0) return undefined;
  if (v === 6 && s.toLowerCase().startsWith("::ffff:") && isIP(s.slice(7)) === 4) return s.slice(7);
  return v === 6 ? s.toLowerCase() : s;
}

function isTrusted(ip: string | undefined): boolean {
  const t = trusted();
  if (t.all) return true;
  // BlockList.check builds a SocketAddress per call (~2 % of a request's CPU in the order benchmark)
  return t.list !== undefined && ip !== undefined && t.list.check(ip, isIP(ip) === 6 ? "ipv6" : "ipv4");
}

/** The client's address, or "unknown" (one shared bucket) when it cannot be known. */
export function clientIp(req: Request): string {
  const stamped = (globalThis as Record<symbol, unknown>)[STAMPING_FLAG] === true;
  let client = stamped ? normalizeIp(req.headers.get(PEER_HEADER)) : undefined;
  if (isTrusted(client)) {
    const forwarded = req.headers.get("x-forwarded-for");
    const hops = forwarded ? forwarded.split(",").slice(-MAX_HOPS) : [req.headers.get("x-real-ip") ?? ""];
    for (const hop of hops.reverse()) {
      const ip = normalizeIp(hop);
      if (!ip) break;
      client = ip;
      if (!isTrusted(ip)) break;
    }
  }
  return client ?? "unknown";
}
