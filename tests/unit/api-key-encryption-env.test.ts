// API_KEY_ENCRYPTION_KEY: production refuses to start without it (one sentence naming it); a bad value
// stops any start; development runs with a fixed development key.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const HEX = "ab".repeat(32);

function start(env: Record<string, string>) {
  const script = `import("./lib/env.ts").then((m) => { m.assertRuntimeSecrets(); console.log("started"); }).catch((e) => { console.error(e.message); process.exit(1); })`;
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "API_KEY_ENCRYPTION_KEY" && k !== "AUTH_SECRET"));
  return spawnSync("node_modules/.bin/tsx", ["-e", script], { env: { ...clean, ...env } as NodeJS.ProcessEnv, encoding: "utf8" });
}

describe("API_KEY_ENCRYPTION_KEY", { timeout: 30_000 }, () => {
  it("production without it stops with one sentence naming it", () => {
    const r = start({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32) });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe("API_KEY_ENCRYPTION_KEY is not set: it encrypts the secrets of API keys (npm start creates one in data/api-key-encryption-key).");
  });

  it("production with 32 bytes in hex or base64 starts; any other value stops every start", () => {
    expect(start({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32), API_KEY_ENCRYPTION_KEY: HEX }).stdout).toContain("started");
    const b64 = Buffer.alloc(32, 7).toString("base64");
    expect(start({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32), API_KEY_ENCRYPTION_KEY: b64 }).stdout).toContain("started");
    const short = start({ NODE_ENV: "development", API_KEY_ENCRYPTION_KEY: "ab".repeat(16) });
    expect(short.status).toBe(1);
    expect(short.stderr).toContain("API_KEY_ENCRYPTION_KEY: must be 32 bytes");
  });

  it("development runs without it", () => {
    expect(start({ NODE_ENV: "development" }).stdout).toContain("started");
  });
});
