#!/usr/bin/env node
// `npm start`: everything on one machine with no other service. Installs dependencies if missing,
// creates a signing secret and an API-key encryption key in data/ when they are not set, applies migrations,
// builds when the sources are newer than the build, then runs server.ts (Next.js + /ws + the market worker). `--dev` runs `next dev`.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const dev = process.argv.includes("--dev");
const sh = (cmd, args, env = process.env) => execFileSync(cmd, args, { cwd: root, stdio: "inherit", env });

if (!fs.existsSync(path.join(root, "node_modules", ".bin", "next"))) {
  console.log("Installing dependencies (npm ci)…");
  sh("npm", ["ci", "--no-audit", "--no-fund"]);
}
if (!fs.existsSync(path.join(root, "lib", "generated", "sqlite", "client.ts"))) sh("node", ["scripts/db.mjs", "generate"]);

const env = { ...process.env };
env.DATABASE_URL ??= "file:./data/compraventa.db";
env.NEXT_TELEMETRY_DISABLED ??= "1";
// A secret kept in data/ when the variable is not set: created once, read on every start.
function secretFile(name, file, what) {
  if (env[name]) return;
  const p = path.join(root, "data", file);
  if (!fs.existsSync(p)) {
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, randomBytes(32).toString("base64url"), { mode: 0o600 });
    console.log(`Created ${what} in data/${file} (set ${name} to use your own).`);
  }
  env[name] = fs.readFileSync(p, "utf8").trim();
}
secretFile("AUTH_SECRET", "auth-secret", "a signing secret");
secretFile("API_KEY_ENCRYPTION_KEY", "api-key-encryption-key", "an encryption key for API-key secrets");
// NEXTAUTH_URL and NEXTAUTH_SECRET are derived in lib/env.ts, for every entry point.

sh("node", ["scripts/db.mjs", "migrate"], env);

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

if (!dev) {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const sources = Math.max(...["app", "components", "lib", "content", "public"].filter((d) => fs.existsSync(path.join(root, d))).map((d) => newestSource(path.join(root, d))));
  if (sources > built) {
    console.log("Building the app (next build)…");
    sh(path.join(root, "node_modules", ".bin", "next"), ["build"], { ...env, NODE_ENV: "production" });
  }
  env.NODE_ENV = "production";
} else {
  env.NODE_ENV = "development";
}

const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["server.ts"], { cwd: root, stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
