// The one rule for where a browser may be sent after signing in: a path of this site, nothing else.
import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/safe-callback-path";

const ORIGIN = "http://127.0.0.1:3000";

/** Would a browser on ORIGIN that is sent to `target` stay on ORIGIN? */
const staysHome = (target: string) => new URL(target, ORIGIN).origin === ORIGIN;

const NASTY = [
  "//evil.example",
  "///evil.example",
  "/.//evil.example",
  "/..//evil.example",
  "/./..//evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "\\/evil.example",
  "/%2F%2Fevil.example",
  "/%2f/evil.example",
  "/%5Cevil.example",
  "/%5c%5cevil.example",
  "/%252F%252Fevil.example",
  "/%25252F/evil.example",
  "/%2e%2e//evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/%09/evil.example",
  "/%0a/evil.example",
  "/\u0000/evil.example",
  "/\u007f/evil.example",
  "https://evil.example",
  "http://evil.example/dashboard",
  "HTTPS://evil.example",
  "https:evil.example",
  "http:/evil.example",
  "evil.example",
  "javascript:alert(1)",
  "JavaScript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  " //evil.example",
  " /dashboard",
  "%2F%2Fevil.example",
  "/%E0%A4%A",
  "http://127.0.0.1:3000@evil.example/",
  "http://127.0.0.1:3000.evil.example/",
  "http://127.0.0.1:3001/dashboard",
  "https://127.0.0.1:3000/dashboard",
  "http://user@127.0.0.1:3000/dashboard",
  "/" + "a".repeat(5000),
  "",
];

describe("safeCallbackPath", () => {
  it.each(NASTY)("refuses %j", (value) => {
    expect(safeCallbackPath(value, { origin: ORIGIN })).toBe("/dashboard");
    expect(safeCallbackPath(value)).toBe("/dashboard");
  });

  it("refuses what is not a string", () => {
    for (const v of [undefined, null, 42, ["/wallet"], { toString: () => "/wallet" }]) expect(safeCallbackPath(v)).toBe("/dashboard");
  });

  it.each([
    ["/dashboard", "/dashboard"],
    ["/wallet?tab=2", "/wallet?tab=2"],
    ["/learn/orders#stop-loss", "/learn/orders#stop-loss"],
    ["/orders/../wallet", "/wallet"],
    ["/%7Euser", "/%7Euser"],
  ])("keeps the path %j", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  it("accepts an absolute URL only of exactly the given origin, as its path", () => {
    expect(safeCallbackPath(`${ORIGIN}/wallet?x=1`, { origin: ORIGIN })).toBe("/wallet?x=1");
    expect(safeCallbackPath(`${ORIGIN}/wallet`)).toBe("/dashboard");
    expect(safeCallbackPath(`${ORIGIN}//evil.example`, { origin: ORIGIN })).toBe("/dashboard");
  });

  it("uses the given fallback", () => {
    expect(safeCallbackPath("//evil.example", { fallback: "/" })).toBe("/");
  });

  it("never returns a target that leaves the origin, even for generated variants", () => {
    const parts = ["/", "\\", ".", "..", "%2F", "%5C", "%2e", "\t", "evil.example", "%252F", ":", "@", "?", "#"];
    const escaped: string[] = [];
    for (const a of parts) for (const b of parts) for (const c of parts) for (const d of parts) {
      const out = safeCallbackPath(`${a}${b}${c}${d}`, { origin: ORIGIN });
      if (!out.startsWith("/") || out.startsWith("//") || !staysHome(out)) escaped.push(`${a}${b}${c}${d} -> ${out}`);
    }
    expect(escaped).toEqual([]);
  });

  it("answers at once on long hostile input", () => {
    const t = performance.now();
    safeCallbackPath("/" + "%2".repeat(1000));
    safeCallbackPath("/" + "./".repeat(1000));
    expect(performance.now() - t).toBeLessThan(1000);
  });
});
