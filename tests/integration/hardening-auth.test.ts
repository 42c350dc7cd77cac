// No limit, link or session may be sidestepped (issue 8, items 8-11), through real HTTP on a real database:
// rate limits hold under bursts of parallel requests, the client's address comes from forwarded headers only
// behind a trusted proxy, the sign-in page never sends the browser off-site, and a reset or a password change
// kills every outstanding reset link.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { apiClient, type Api, type ApiResponse } from "../support/api-client";
import { lastMailTo, queryDb } from "../support/db-query";

const LIMITS = { RATE_LIMIT_LOGIN: "10", RATE_LIMIT_REGISTER: "5", RATE_LIMIT_RESET: "3", RATE_LIMIT_TICKETS: "5" };
const PASSWORD = "correct horse battery";
const profile = { name: "Test User", age: 30, country: "ES", PhoneNo: "+34 600 000 000" };

/** A server reached directly (no trusted proxy) and one that trusts the loopback address as its proxy. */
let direct: TestServer;
let proxied: TestServer;
let directApi: Api;
let api: Api;

beforeAll(async () => {
  [direct, proxied] = await Promise.all([startTestServer(LIMITS), startTestServer({ ...LIMITS, TRUSTED_PROXIES: "127.0.0.1" })]);
  directApi = apiClient(direct.url);
  api = apiClient(proxied.url);
});
afterAll(async () => Promise.all([direct?.close(), proxied?.close()]));

let counter = 0;
const uniqueEmail = (prefix: string) => `${prefix}${Date.now()}${++counter}@example.com`;
const register = (a: Api, email: string, headers: Record<string, string> = {}) =>
  a("POST", "/api/register", { body: { email, password: PASSWORD, ...profile }, headers });

/** A fresh user on the proxied server, registered from an address of its own (so no test eats another's quota). */
async function newUser(prefix = "user"): Promise<{ email: string; token: string }> {
  const email = uniqueEmail(prefix);
  const reg = await register(api, email, { "x-forwarded-for": `10.250.${Math.floor(counter / 250)}.${counter % 250}` });
  if (reg.status !== 201) throw new Error(`register failed: ${reg.status} ${reg.text}`);
  const login = await api<{ access_token: string }>("POST", "/api/login", { body: { email, password: PASSWORD } });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${login.text}`);
  return { email, token: login.body.access_token };
}

const statuses = (rs: ApiResponse[]) => rs.map((r) => r.status).sort();
const count = (rs: ApiResponse[], status: number) => rs.filter((r) => r.status === status).length;

describe("rate limits count the attempt before evaluating it", () => {
  it("evaluates at most RATE_LIMIT_LOGIN of 60 parallel wrong logins and refuses the right password inside the burst", async () => {
    const u = await newUser("burst");
    let rightInBurst: Promise<ApiResponse> | undefined;
    const wrong = await Promise.all(
      Array.from({ length: 60 }, () =>
        api("POST", "/api/login", { body: { email: u.email, password: "not the password" } }).then((r) => {
          // As soon as the limit answers, the right password is tried while the burst is still running.
          if (r.status === 429) rightInBurst ??= api("POST", "/api/login", { body: { email: u.email, password: PASSWORD } });
          return r;
        }),
      ),
    );
    expect(count(wrong, 401) + count(wrong, 429)).toBe(60);
    expect(count(wrong, 401)).toBeLessThanOrEqual(10);
    expect(count(wrong, 429)).toBeGreaterThanOrEqual(50);
    for (const r of wrong.filter((x) => x.status === 429)) {
      expect(r.body).toMatchObject({ code: "RATE_LIMITED" });
      expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(rightInBurst).toBeDefined();
    expect((await rightInBurst)?.status).toBe(429);
    expect((await api("POST", "/api/login", { body: { email: u.email, password: PASSWORD } })).status).toBe(429);
  });

  it("gives the slot back on a successful login: right passwords never use up the limit", async () => {
    const u = await newUser("ok");
    for (let i = 0; i < 12; i++) expect((await api("POST", "/api/login", { body: { email: u.email, password: PASSWORD } })).status).toBe(200);
    const rows = await queryDb(proxied.db.url, `SELECT "id" FROM "RateLimitHit" WHERE "key" = ?`, [`login-fail:${u.email}`]);
    expect(rows).toHaveLength(0);
  });

  it("registers at most RATE_LIMIT_REGISTER of 20 parallel sign-ups from one address", async () => {
    const rs = await Promise.all(Array.from({ length: 20 }, () => register(api, uniqueEmail("reg"), { "x-forwarded-for": "10.2.0.1" })));
    expect(count(rs, 201)).toBe(5);
    expect(count(rs, 429)).toBe(15);
  });

  it("mails at most RATE_LIMIT_RESET of 20 parallel reset requests for one email", async () => {
    const u = await newUser("resetburst");
    const rs = await Promise.all(Array.from({ length: 20 }, () => api("PUT", "/api/password/get_new", { body: { email: u.email } })));
    expect(statuses(rs).filter((s) => s === 200)).toHaveLength(3);
    const mails = await queryDb(proxied.db.url, `SELECT "id" FROM "OutboxMail" WHERE "to" = ?`, [u.email]);
    expect(mails).toHaveLength(3);
  });

  it("stores at most RATE_LIMIT_TICKETS of 20 parallel support tickets from one user", async () => {
    const u = await newUser("tickets");
    const rs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => api("POST", "/api/support/tickets", { token: u.token, body: { subject: `Help ${i}`, message: "Something is odd." } })),
    );
    expect(count(rs, 201)).toBe(5);
    expect(count(rs, 429)).toBe(15);
    const rows = await queryDb(proxied.db.url, `SELECT t."id" FROM "SupportTicket" t JOIN "User" u ON u."id" = t."userId" WHERE u."email" = ?`, [u.email]);
    expect(rows).toHaveLength(5);
  });
});

describe("the client address behind proxies", () => {
  it("ignores forwarded headers from an untrusted peer: rotating them does not escape RATE_LIMIT_REGISTER", async () => {
    const rs: number[] = [];
    for (let i = 0; i < 8; i++) {
      const ip = `203.0.113.${i + 1}`;
      const headers = { "x-forwarded-for": ip, "x-real-ip": ip, "x-compraventa-peer": ip };
      rs.push((await register(directApi, uniqueEmail("rotate"), headers)).status);
    }
    expect(rs).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
  });

  it("counts the forwarded address behind a trusted proxy, taking the rightmost untrusted hop", async () => {
    for (let i = 0; i < 5; i++) expect((await register(api, uniqueEmail("fwd"), { "x-forwarded-for": "10.3.0.1" })).status).toBe(201);
    expect((await register(api, uniqueEmail("fwd"), { "x-forwarded-for": "10.3.0.1" })).status).toBe(429);
    // A client behind the proxy may prepend anything; the hop the proxy saw is the one on the right.
    expect((await register(api, uniqueEmail("fwd"), { "x-forwarded-for": "10.3.0.99, 10.3.0.1" })).status).toBe(429);
    expect((await register(api, uniqueEmail("fwd"), { "x-forwarded-for": "10.3.0.2" })).status).toBe(201);
    // Trusted hops (the proxy itself) are skipped from the right.
    expect((await register(api, uniqueEmail("fwd"), { "x-forwarded-for": "10.3.0.1, 127.0.0.1" })).status).toBe(429);
  });
});

describe("callbackUrl never leads off-site", () => {
  const cookiesOf = (r: Response) => r.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");

  async function browserSignIn(email: string): Promise<string> {
    const csrf = await fetch(`${proxied.url}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const jar = cookiesOf(csrf);
    const r = await fetch(`${proxied.url}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar, origin: proxied.url },
      body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
    });
    const session = cookiesOf(r);
    expect(session).toContain("next-auth.session-token=");
    return `${jar}; ${session}`;
  }

  const HOSTILE = [
    "/.//evil.example",
    "/..//evil.example",
    "//evil.example",
    "/\\evil.example",
    "/%2F%2Fevil.example",
    "/%5Cevil.example",
    "https://evil.example/dashboard",
    "/%09/evil.example",
    "/./%2e%2e//evil.example",
  ];

  it("redirects a signed-in visitor of /login only to a path of this site", async () => {
    const u = await newUser("callback");
    const cookie = await browserSignIn(u.email);
    for (const value of HOSTILE) {
      const r = await fetch(`${proxied.url}/login?callbackUrl=${encodeURIComponent(value)}`, { redirect: "manual", headers: { cookie } });
      expect([303, 307, 308], value).toContain(r.status);
      const location = r.headers.get("location") ?? "";
      expect(new URL(location, proxied.url).origin, value).toBe(proxied.url);
      expect(location, value).toBe("/dashboard");
    }
    const ok = await fetch(`${proxied.url}/login?callbackUrl=${encodeURIComponent("/wallet?tab=2")}`, { redirect: "manual", headers: { cookie } });
    expect(ok.headers.get("location")).toBe("/wallet?tab=2");
  });

  it("hands the sign-in form no off-site target", async () => {
    for (const value of HOSTILE) {
      const r = await fetch(`${proxied.url}/login?callbackUrl=${encodeURIComponent(value)}`);
      expect(r.status).toBe(200);
      // The form's prop, as it travels in the page's React payload: callbackUrl\":\"<target>\"
      const props = [...(await r.text()).matchAll(/callbackUrl\\":\\"([^"\\]*)/g)].map((m) => m[1]);
      expect(props.length, value).toBeGreaterThan(0);
      for (const p of props) expect(p, value).toBe("/dashboard");
    }
  });
});

describe("reset links", () => {
  async function requestLink(email: string): Promise<string> {
    const before = (await lastMailTo(proxied.db.url, email))?.text;
    expect((await api("PUT", "/api/password/get_new", { body: { email } })).status).toBe(200);
    const mail = await lastMailTo(proxied.db.url, email);
    expect(mail?.text).not.toBe(before);
    const token = /reset-password\?token=([\w-]+)/.exec(mail?.text ?? "")?.[1];
    expect(token).toBeTruthy();
    return token ?? "";
  }

  it("kills an older link when a newer one is used", async () => {
    const u = await newUser("twolinks");
    const older = await requestLink(u.email);
    const newer = await requestLink(u.email);
    expect(newer).not.toBe(older);
    expect((await api("POST", "/api/password/reset", { body: { token: newer, new_password: "newer link pass" } })).status).toBe(200);
    const r = await api("POST", "/api/password/reset", { body: { token: older, new_password: "older link pass" } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: "INVALID_TOKEN" });
    expect((await api("POST", "/api/login", { body: { email: u.email, password: "newer link pass" } })).status).toBe(200);
  });

  it("kills an outstanding link when the password is changed, and later links work", async () => {
    const u = await newUser("changed");
    const link = await requestLink(u.email);
    const change = await api("POST", "/api/password/change", { token: u.token, body: { password: PASSWORD, new_password: "changed pass 123" } });
    expect(change.status).toBe(200);
    const r = await api("POST", "/api/password/reset", { body: { token: link, new_password: "via old link" } });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: "INVALID_TOKEN" });
    expect((await api("POST", "/api/login", { body: { email: u.email, password: "changed pass 123" } })).status).toBe(200);
    const later = await requestLink(u.email);
    expect((await api("POST", "/api/password/reset", { body: { token: later, new_password: "via later link" } })).status).toBe(200);
  });
});
