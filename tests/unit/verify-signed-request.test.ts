import { createHmac, generateKeyPairSync, sign } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// The database must be chosen before any lib module reads the environment.
let db: TestDatabase;
let lib: typeof import("@/lib/binance/verify-signed-request");
let keys: typeof import("@/lib/api-keys/create-api-key");
let revoke: typeof import("@/lib/api-keys/revoke-api-key");
let prisma: typeof import("@/lib/db").prisma;
let disconnect: typeof import("@/lib/db").disconnect;

const NOW = 1_764_000_000_000;
const USER = "user-verify";
let hmac: { apiKey: string; secretKey: string; id: string };
let readOnly: { apiKey: string; secretKey: string };
let ed: { apiKey: string; privateKey: import("node:crypto").KeyObject };

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  lib = await import("@/lib/binance/verify-signed-request");
  keys = await import("@/lib/api-keys/create-api-key");
  revoke = await import("@/lib/api-keys/revoke-api-key");
  ({ prisma, disconnect } = await import("@/lib/db"));
  await prisma.user.create({ data: { id: USER, email: "v@example.com", passwordHash: "x", name: "V", age: 30, country: "ES", phoneNo: "1234" } });
  await prisma.portfolio.create({ data: { id: USER, userId: USER, name: "Main", kind: "MAIN", startingBalance: 0n, createdAt: 0n } });
  const a = await keys.createApiKey({ userId: USER, label: "bot" });
  hmac = { apiKey: a.apiKey, secretKey: a.secretKey ?? "", id: a.id };
  const r = await keys.createApiKey({ userId: USER, permissions: ["READ"] });
  readOnly = { apiKey: r.apiKey, secretKey: r.secretKey ?? "" };
  const pair = generateKeyPairSync("ed25519");
  const e = await keys.createApiKey({ userId: USER, type: "ED25519", publicKey: pair.publicKey.export({ type: "spki", format: "pem" }).toString() });
  ed = { apiKey: e.apiKey, privateKey: pair.privateKey };
}, 60_000);

afterAll(async () => {
  await disconnect();
  await db.drop();
});

const hex = (secret: string, payload: string) => createHmac("sha256", secret).update(payload).digest("hex");

function signed(over: Partial<Parameters<typeof lib.verifySignedRequest>[0]> & { ts?: number } = {}) {
  const timestamp = String(over.ts ?? NOW - 100);
  const payload = over.payload ?? `symbol=BTCUSDT&timestamp=${timestamp}`;
  return {
    apiKey: hmac.apiKey,
    payload,
    signature: hex(hmac.secretKey, payload),
    timestamp,
    recvWindow: undefined,
    need: "USER_DATA" as const,
    now: NOW,
    ...over,
  };
}

async function code(p: Promise<unknown>): Promise<[number, number]> {
  try {
    await p;
  } catch (e) {
    const b = e as { code: number; status: number };
    return [b.code, b.status];
  }
  throw new Error("expected a BinanceError");
}

describe("verifySignedRequest", () => {
  it("accepts a good HMAC signature, in either case, and tells whether the key may trade", async () => {
    const ok = await lib.verifySignedRequest(signed());
    expect(ok).toMatchObject({ userId: USER, keyId: hmac.id, canTrade: true });
    const s = signed();
    expect((await lib.verifySignedRequest({ ...s, signature: s.signature.toUpperCase() })).userId).toBe(USER);
  });

  it("-2014 (401) for a missing or malformed key header", async () => {
    expect(await code(lib.verifySignedRequest(signed({ apiKey: undefined })))).toEqual([-2014, 401]);
    expect(await code(lib.verifySignedRequest(signed({ apiKey: "short" })))).toEqual([-2014, 401]);
    expect(await code(lib.verifySignedRequest(signed({ apiKey: `${hmac.apiKey.slice(1)}!` })))).toEqual([-2014, 401]);
  });

  it("-2015 (401) for an unknown key, before the parameters are looked at", async () => {
    expect(await code(lib.verifySignedRequest(signed({ apiKey: "A".repeat(64), timestamp: undefined })))).toEqual([-2015, 401]);
  });

  it("-1102 for a missing or malformed timestamp, then for a missing signature", async () => {
    expect(await code(lib.verifySignedRequest(signed({ timestamp: undefined, signature: undefined })))).toEqual([-1102, 400]);
    expect(await code(lib.verifySignedRequest(signed({ timestamp: "12.5" })))).toEqual([-1102, 400]);
    expect(await code(lib.verifySignedRequest(signed({ timestamp: "1".repeat(17) })))).toEqual([-1102, 400]);
    const e = await lib.verifySignedRequest(signed({ signature: undefined })).catch((x: Error) => x);
    expect(e).toMatchObject({ code: -1102, message: "Mandatory parameter 'signature' was not sent, was empty/null, or malformed." });
  });

  it("-1130 for a recvWindow that is not a number in (0, 60000], checked before the timing", async () => {
    for (const recvWindow of ["0", "60001", "abc", "-5", "1e4", "5000.1234"]) {
      expect(await code(lib.verifySignedRequest(signed({ recvWindow, ts: NOW - 10 ** 7 })))).toEqual([-1130, 400]);
    }
    expect((await lib.verifySignedRequest(signed({ recvWindow: "60000" }))).timing.recvWindow).toBe(60_000);
    expect((await lib.verifySignedRequest(signed({ recvWindow: "250.5" }))).timing.recvWindow).toBe(250.5);
  });

  it("-1021 for a timestamp 1 s ahead or older than recvWindow (default 5000), before the signature", async () => {
    expect(await code(lib.verifySignedRequest(signed({ ts: NOW + 1000, signature: "0".repeat(64) })))).toEqual([-1021, 400]);
    expect((await lib.verifySignedRequest(signed({ ts: NOW + 999 }))).userId).toBe(USER);
    expect(await code(lib.verifySignedRequest(signed({ ts: NOW - 5001 })))).toEqual([-1021, 400]);
    expect((await lib.verifySignedRequest(signed({ ts: NOW - 5000 }))).userId).toBe(USER);
    expect(await code(lib.verifySignedRequest(signed({ ts: NOW - 9000, recvWindow: "8000" })))).toEqual([-1021, 400]);
    expect((await lib.verifySignedRequest(signed({ ts: NOW - 7000, recvWindow: "8000" }))).userId).toBe(USER);
  });

  it("reads a 16-digit timestamp as microseconds", async () => {
    const micros = String((NOW - 100) * 1000);
    const payload = `timestamp=${micros}`;
    const ok = await lib.verifySignedRequest(signed({ timestamp: micros, payload, signature: hex(hmac.secretKey, payload) }));
    expect(ok.timing.timestamp).toBe(NOW - 100);
  });

  it("-1022 for a signature over other bytes, with another secret, or not hex", async () => {
    const s = signed();
    expect(await code(lib.verifySignedRequest({ ...s, payload: `${s.payload}&x=1` }))).toEqual([-1022, 400]);
    expect(await code(lib.verifySignedRequest({ ...s, signature: hex(readOnly.secretKey, s.payload) }))).toEqual([-1022, 400]);
    expect(await code(lib.verifySignedRequest({ ...s, signature: `${s.signature.slice(0, 63)}g` }))).toEqual([-1022, 400]);
    expect(await code(lib.verifySignedRequest({ ...s, signature: s.signature.slice(0, 62) }))).toEqual([-1022, 400]);
  });

  it("-2015 for a READ key on a TRADE call, after the signature check", async () => {
    const payload = `timestamp=${NOW - 1}`;
    const base = { apiKey: readOnly.apiKey, payload, timestamp: String(NOW - 1), recvWindow: undefined, now: NOW };
    const sig = hex(readOnly.secretKey, payload);
    expect((await lib.verifySignedRequest({ ...base, signature: sig, need: "USER_DATA" })).canTrade).toBe(false);
    expect(await code(lib.verifySignedRequest({ ...base, signature: sig, need: "TRADE" }))).toEqual([-2015, 401]);
    expect(await code(lib.verifySignedRequest({ ...base, signature: "0".repeat(64), need: "TRADE" }))).toEqual([-1022, 400]);
  });

  it("Ed25519: a base64 signature of the payload by the client's private key", async () => {
    const payload = `symbol=BTCUSDT&timestamp=${NOW}`;
    const signature = sign(null, Buffer.from(payload), ed.privateKey).toString("base64");
    const base = { apiKey: ed.apiKey, payload, timestamp: String(NOW), recvWindow: undefined, need: "TRADE" as const, now: NOW };
    expect((await lib.verifySignedRequest({ ...base, signature })).canTrade).toBe(true);
    expect(await code(lib.verifySignedRequest({ ...base, signature: signature.toLowerCase() }))).toEqual([-1022, 400]);
    expect(await code(lib.verifySignedRequest({ ...base, payload: `${payload}0`, signature }))).toEqual([-1022, 400]);
    expect(await code(lib.verifySignedRequest({ ...base, signature: hex("x", payload) }))).toEqual([-1022, 400]);
  });

  it("a revoked key is refused at once, although its secret was cached", async () => {
    const k = await keys.createApiKey({ userId: USER });
    const payload = `timestamp=${NOW}`;
    const req = { apiKey: k.apiKey, payload, signature: hex(k.secretKey ?? "", payload), timestamp: String(NOW), recvWindow: undefined, need: "USER_DATA" as const, now: NOW };
    expect((await lib.verifySignedRequest(req)).keyId).toBe(k.id);
    await revoke.revokeApiKey({ userId: USER, keyId: k.id });
    expect(await code(lib.verifySignedRequest(req))).toEqual([-2015, 401]);
  });

  it("checkTiming, run again before the ledger transaction, refuses a request that aged past its window", async () => {
    const { timing } = await lib.verifySignedRequest(signed({ ts: NOW - 4000 }));
    expect(() => lib.checkTiming(timing, NOW + 500)).not.toThrow();
    expect(() => lib.checkTiming(timing, NOW + 1001)).toThrow(/outside of the recvWindow/);
  });
});

describe("API key storage", () => {
  it("keeps the HMAC secret only encrypted, bound to its row", async () => {
    const row = await prisma.apiKey.findUniqueOrThrow({ where: { id: hmac.id } });
    expect(row.secretEnc).not.toContain(hmac.secretKey);
    const { openSecret } = await import("@/lib/api-keys/secret-box");
    expect(openSecret(row.secretEnc ?? "", hmac.id).toString()).toBe(hmac.secretKey);
    expect(() => openSecret(row.secretEnc ?? "", "another-row")).toThrow();
  });

  it("key and secret are 64 letters/digits; at most 10 active keys even when created at once", async () => {
    expect(hmac.apiKey).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(hmac.secretKey).toMatch(/^[A-Za-z0-9]{64}$/);
    const before = await prisma.apiKey.count({ where: { userId: USER, revokedAt: null } });
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => keys.createApiKey({ userId: USER })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10 - before);
    const refused = results.find((r) => r.status === "rejected");
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: "TOO_MANY_KEYS" });
    expect(await prisma.apiKey.count({ where: { userId: USER, revokedAt: null } })).toBe(10);
  });
});
