import type { NextConfig } from "next";
import { PHASE_PRODUCTION_SERVER } from "next/constants";
import { assertRuntimeSecrets, env } from "./lib/env"; // validates the environment at build and at start
import { securityHeaders } from "./lib/security-headers";

const config: NextConfig = {
  // A separate build folder lets a second checkout-local build (tests, benchmarks) run beside another.
  distDir: env.NEXT_DIST_DIR,
  // Native and wasm packages stay outside the bundle and load from node_modules at run time.
  serverExternalPackages: [
    "better-sqlite3",
    "@node-rs/argon2",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
    "pg",
    "@tensorflow/tfjs",
    "@tensorflow/tfjs-backend-wasm",
    "ws",
    "ioredis",
    "pino",
    "prom-client",
  ],
  poweredByHeader: false,
  // CSP, no framing, nosniff, referrer policy (and HSTS for an https APP_URL) on every page and API answer.
  headers: async () => [{ source: "/:path*", headers: securityHeaders(env) }],
  reactStrictMode: true,
  // `npm run check` type-checks the whole project (tsc --noEmit); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
};

// `next start` (the Vercel shape, no custom server) stops at start without its secret, like server.ts and worker.ts.
export default function nextConfig(phase: string): NextConfig {
  if (phase === PHASE_PRODUCTION_SERVER) assertRuntimeSecrets();
  return config;
}
