// Which address a request is counted under: the stamped socket peer, and forwarded headers only from
// trusted proxies, rightmost untrusted hop first.
import { beforeAll, describe, expect, it } from "vitest";

process.env.TRUSTED_PROXIES = "127.0.0.1, 10.0.0.0/8, ::1";
let clientIp: (req: Request) => string;
let normalizeIp: (v: string | null | undefined) => string | undefined;

beforeAll(async () => {
  ({ clientIp, normalizeIp } = await import("@/lib/api/client-ip"));
  (globalThis as Record<symbol, unknown>)[Symbol.for("compraventa.stamps-peer")] = true;
});

const req = (headers: Record<string, string>) => new Request("http://app.test/api/register", { headers });

describe("clientIp", () => {
  it("is the peer when the peer is not a trusted proxy, whatever the headers say", () => {
    expect(clientIp(req({ "x-compraventa-peer": "198.51.100.7", "x-forwarded-for": "203.0.113.1", "x-real-ip": "203.0.113.2" }))).toBe("198.51.100.7");
  });

  it("takes the rightmost hop that is not a trusted proxy", () => {
    const peer = { "x-compraventa-peer": "10.1.2.3" };
    expect(clientIp(req({ ...peer, "x-forwarded-for": "203.0.113.1" }))).toBe("203.0.113.1");
    expect(clientIp(req({ ...peer, "x-forwarded-for": "6.6.6.6, 203.0.113.1" }))).toBe("203.0.113.1");
    expect(clientIp(req({ ...peer, "x-forwarded-for": "6.6.6.6, 203.0.113.1, 10.9.9.9, 127.0.0.1" }))).toBe("203.0.113.1");
    expect(clientIp(req({ ...peer, "x-real-ip": "203.0.113.5" }))).toBe("203.0.113.5");
    expect(clientIp(req(peer))).toBe("10.1.2.3");
  });

  it("stops at garbage in the chain instead of believing what lies left of it", () => {
    expect(clientIp(req({ "x-compraventa-peer": "127.0.0.1", "x-forwarded-for": "203.0.113.1, not-an-ip" }))).toBe("127.0.0.1");
  });

  it("is unknown (one shared bucket) without a stamped peer", () => {
    (globalThis as Record<symbol, unknown>)[Symbol.for("compraventa.stamps-peer")] = false;
    try {
      expect(clientIp(req({ "x-compraventa-peer": "127.0.0.1", "x-forwarded-for": "203.0.113.1" }))).toBe("unknown");
    } finally {
      (globalThis as Record<symbol, unknown>)[Symbol.for("compraventa.stamps-peer")] = true;
    }
  });

  it("normalises addresses", () => {
    expect(normalizeIp("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeIp(" 203.0.113.1:443 ")).toBe("203.0.113.1");
    expect(normalizeIp("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeIp("::1")).toBe("::1");
    for (const bad of ["", "evil", "1.2.3", "[::1", "1.2.3.4.5", "x".repeat(100), undefined, null]) expect(normalizeIp(bad)).toBeUndefined();
  });
});
