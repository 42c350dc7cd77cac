// Which addresses the news fetcher may connect to (lib/net/public-address.ts): public unicast only, unless
// the operator's NEWS_ALLOW_PRIVATE setting allows all or some private ranges.
import { describe, expect, it } from "vitest";
import { addressPolicy, guardedLookup, isAllowPrivateSetting, isPublicAddress } from "@/lib/net/public-address";

const REFUSED = [
  ["loopback", "127.0.0.1"],
  ["loopback, elsewhere in 127/8", "127.1.2.3"],
  ["private 10/8", "10.0.0.1"],
  ["private 172.16/12", "172.31.255.254"],
  ["private 192.168/16", "192.168.1.1"],
  ["link-local (cloud metadata)", "169.254.169.254"],
  ["carrier-grade NAT", "100.64.0.1"],
  ["unspecified", "0.0.0.0"],
  ["this network", "0.1.2.3"],
  ["multicast", "224.0.0.1"],
  ["broadcast", "255.255.255.255"],
  ["reserved", "240.0.0.1"],
  ["IPv6 loopback", "::1"],
  ["IPv6 unspecified", "::"],
  ["IPv6 link-local", "fe80::1"],
  ["IPv6 unique-local", "fd12:3456::1"],
  ["IPv6 multicast", "ff02::1"],
  ["IPv4-mapped loopback", "::ffff:127.0.0.1"],
  ["IPv4-mapped loopback, hex form", "::ffff:7f00:1"],
  ["IPv4-mapped private", "::ffff:10.0.0.1"],
  ["IPv4-mapped metadata", "::ffff:169.254.169.254"],
  ["NAT64 of loopback", "64:ff9b::7f00:1"],
  ["6to4 of loopback", "2002:7f00:1::1"],
  ["not an address", "localhost"],
  ["garbage", "1.2.3"],
] as const;

const PUBLIC = ["8.8.8.8", "1.1.1.1", "104.16.0.1", "172.32.0.1", "2606:4700::1111", "2a00:1450:4001::1", "::ffff:8.8.8.8"];

describe("isPublicAddress", () => {
  it.each(REFUSED)("refuses %s (%s)", (_what, ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each(PUBLIC)("accepts the public address %s", (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });
});

describe("addressPolicy (NEWS_ALLOW_PRIVATE)", () => {
  it("allows public addresses only by default", () => {
    for (const setting of ["false", "0", ""]) {
      const allowed = addressPolicy(setting);
      expect(allowed("8.8.8.8")).toBe(true);
      expect(allowed("127.0.0.1")).toBe(false);
      expect(allowed("::ffff:127.0.0.1")).toBe(false);
    }
  });

  it("allows everything with true", () => {
    const allowed = addressPolicy("true");
    expect(allowed("127.0.0.1")).toBe(true);
    expect(allowed("10.1.2.3")).toBe(true);
  });

  it("allows the listed addresses and ranges besides the public ones", () => {
    const allowed = addressPolicy("10.0.0.0/8, 127.0.0.2, fd00::/8");
    expect(allowed("10.20.30.40")).toBe(true);
    expect(allowed("::ffff:10.20.30.40")).toBe(true);
    expect(allowed("127.0.0.2")).toBe(true);
    expect(allowed("fd00::5")).toBe(true);
    expect(allowed("8.8.8.8")).toBe(true);
    expect(allowed("127.0.0.1")).toBe(false);
    expect(allowed("192.168.0.1")).toBe(false);
  });

  it("validates the setting", () => {
    for (const ok of ["true", "false", "1", "0", "10.0.0.0/8", "127.0.0.2,fd00::/8"]) expect(isAllowPrivateSetting(ok)).toBe(true);
    for (const bad of ["yes", "10.0.0.0/33", "10.0.0.0/8,", "example.com"]) expect(isAllowPrivateSetting(bad)).toBe(false);
  });
});

describe("guardedLookup", () => {
  const lookup = (host: string, all: boolean) =>
    new Promise<unknown>((resolve, reject) =>
      guardedLookup(addressPolicy("false"))(host, { all }, (err, address) => (err ? reject(err) : resolve(address))),
    );

  it("fails for a name that resolves to loopback, whether one or all addresses are asked for", async () => {
    await expect(lookup("localhost", false)).rejects.toThrow(/refused: localhost .* private, loopback or link-local/);
    await expect(lookup("localhost", true)).rejects.toThrow(/refused/);
  });
});
