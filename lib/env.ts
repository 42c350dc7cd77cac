// The only reader of process.env. Validated once; a bad value stops the process with a sentence naming it.
import { isIP } from "node:net";
import { z } from "zod";
import { isAllowPrivateSetting } from "./net/public-address";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const int = (def: number) => z.coerce.number().int().nonnegative().default(def);
// "*", or IPs and CIDRs (10.0.0.0/8, ::1/128), comma-separated.
const proxyEntry = (e: string) => {
  const [ip = "", bits, extra] = e.split("/");
  const v = isIP(ip);
  return e === "*" || (v !== 0 && extra === undefined && (bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (v === 4 ? 32 : 128))));
};

/** The 32 bytes of an API_KEY_ENCRYPTION_KEY value (64 hex digits, or base64/base64url), else null. */
export function encryptionKeyBytes(value: string): Buffer | null {
  const v = value.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(v) ? Buffer.from(v, "hex") : /^[A-Za-z0-9+/_-]{43}=?$/.test(v) ? Buffer.from(v, "base64") : null;
  return bytes?.length === 32 ? bytes : null;
}

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgresql:// (PostgreSQL)")
    .default("file:./data/compraventa.db"),
  HOST: z.string().default("0.0.0.0"),
  PORT: int(3000),
  // Where browsers reach the app; default http://localhost:PORT.
  APP_URL: z.url().optional(),
  NEXT_PUBLIC_WS_URL: z.string().regex(/^wss?:\/\/[^/]/, "must be a ws:// or wss:// URL").optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ACCESS_TOKEN_TTL_S: int(15 * 60),
  REFRESH_TOKEN_TTL_S: int(30 * 24 * 3600),
  CORS_ORIGINS: z.string().default(""),
  // AES-256-GCM key for the secrets of API keys: 32 bytes as 64 hex digits or base64/base64url.
  API_KEY_ENCRYPTION_KEY: z
    .string()
    .refine((v) => encryptionKeyBytes(v) !== null, "must be 32 bytes, as 64 hex digits or in base64")
    .optional(),

  MARKET_SOURCE: z.enum(["auto", "binance", "simulated", "replay"]).default("auto"),
  // The replay of recorded klines (lib/market/replay/); auto mode replays REPLAY_DIR when Binance is unreachable.
  REPLAY_DIR: z.string().min(1).default("data/market"),
  REPLAY_START: z
    .string()
    .refine((v) => v.length <= 40 && Number.isFinite(Date.parse(v)), "must be an ISO date-time such as 2022-06-13T00:00:00Z")
    .optional(),
  REPLAY_SPEED: z.coerce.number().positive("must be greater than 0").max(1_000_000, "must be at most 1000000").default(60),
  REPLAY_LOOP: bool.default(true),
  // Who may pause, resume and change the replay's speed: comma-separated account emails.
  REPLAY_OPERATORS: z.string().default(""),
  BINANCE_WS_URL: z.string().regex(/^wss?:\/\//, "must be a ws:// or wss:// URL").default("wss://stream.binance.com:9443"),
  BINANCE_REST_URL: z.url().default("https://api.binance.com"),
  PRICE_MAX_AGE_MS: int(5000),
  RUN_WORKER: bool.default(true),
  WORKER_ID: z.string().regex(/^[\w.:-]{1,100}$/, "must be letters, digits, . _ : - (at most 100)").optional(),
  // How often a worker re-reads changed orders (the safety net under the events that arm them at once).
  ORDER_SYNC_MS: z.coerce.number().int().min(50, "must be at least 50").default(1000),
  // A pair's lease moves to another worker within this long after its worker stops or dies.
  LEASE_TTL_MS: z.coerce.number().int().min(500, "must be at least 500").default(5000),
  // Events between processes: Redis pub/sub when set, else PostgreSQL LISTEN/NOTIFY (none on SQLite).
  REDIS_URL: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^rediss?:\/\/[^\s]+$/, "must be a redis:// or rediss:// URL").optional()),
  // Set: /api/metrics and the worker's /metrics answer only `Authorization: Bearer <METRICS_TOKEN>`.
  METRICS_TOKEN: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(16, "must be at least 16 characters").regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces").optional()),
  EVENTS_CHANNEL: z.string().regex(/^[A-Za-z_][\w]{0,62}$/, "must be a name of letters, digits and _ (at most 63)").default("compraventa_events"),

  FEE_RATE: z.string().regex(/^(0(\.\d{1,8})?|1(\.0{1,8})?)$/, "must be a decimal between 0 and 1, e.g. 0.001").default("0.001"),
  FEE_RATE_MAKER: z.string().regex(/^(0(\.\d{1,8})?|1(\.0{1,8})?)$/, "must be a decimal between 0 and 1, e.g. 0.001").optional(),
  FEE_RATE_TAKER: z.string().regex(/^(0(\.\d{1,8})?|1(\.0{1,8})?)$/, "must be a decimal between 0 and 1, e.g. 0.001").optional(),
  STARTING_BALANCE_USDT: z.string().regex(/^\d{1,12}(\.\d{1,8})?$/, "must be a decimal amount").default("50000"),
  MAX_OPEN_ORDERS_PER_SYMBOL: z.coerce.number().int().min(1).default(200),
  MAX_OPEN_ORDERS: z.coerce.number().int().min(1).default(1000),

  RATE_LIMIT_LOGIN: int(10),
  RATE_LIMIT_REGISTER: int(100),
  RATE_LIMIT_RESET: int(3),
  RATE_LIMIT_TICKETS: int(5),
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .refine((v) => v.split(",").map((e) => e.trim()).filter(Boolean).every(proxyEntry), "must be *, or IPs/CIDRs separated by commas"),
  RATE_LIMIT_SIGNUP_CODE: int(3),
  RATE_LIMIT_SIGNUP_CODE_IP: int(20),
  // The Binance dialect's limits (binance-api.md §8), reported in exchangeInfo's rateLimits.
  BINANCE_REQUEST_WEIGHT_1M: z.coerce.number().int().min(1).default(6000),
  BINANCE_ORDERS_10S: z.coerce.number().int().min(1).default(100),
  BINANCE_ORDERS_1D: z.coerce.number().int().min(1).default(200_000),

  RESEND_API_KEY: z.string().optional(),
  RESEND_BASE_URL: z.url().optional(),
  MAIL_FROM: z.string().default("CompraVenta <no-reply@compraventa.local>"),
  SUPPORT_EMAIL: z.string().default("support@compraventa.local"),

  NEWS_FEEDS: z
    .string()
    .default("https://www.coindesk.com/arc/outboundfeeds/rss/,https://cointelegraph.com/rss,https://decrypt.co/feed"),
  NEWS_POLL_MS: int(10 * 60 * 1000),
  NEWS_ALLOW_PRIVATE: z.string().default("false").refine(isAllowPrivateSetting, "must be true, false, or a comma-separated list of IP addresses / CIDR ranges"),
  TRAIN_EVERY_H: int(24),
  TRAIN_FIRST_AFTER_S: int(120),
  NEXT_DIST_DIR: z.string().default(".next"),

  // Limits of the HTTP servers (server.ts, worker.ts) and of /ws; see lib/jobs/http-server.ts, lib/realtime/ws-server.ts.
  HTTP_HEADERS_TIMEOUT_MS: int(10_000),
  HTTP_REQUEST_TIMEOUT_MS: int(30_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: int(5_000),
  HTTP_MAX_CONNECTIONS: int(2_000),
  WS_MAX_CONNECTIONS: int(1_000),
  WS_MAX_PER_IP: int(50),
  WS_MAX_PER_USER: int(20),
  WS_RECHECK_MS: int(5_000),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});

export type Env = z.infer<typeof schema>;

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  // Development and tests may run without a secret; production refuses to start (see assertRuntimeSecrets).
  if (!env.AUTH_SECRET && env.NODE_ENV !== "production") env.AUTH_SECRET = "development-only-secret-do-not-use-in-production";
  if (!env.API_KEY_ENCRYPTION_KEY && env.NODE_ENV !== "production") env.API_KEY_ENCRYPTION_KEY = "ZGV2LW9ubHktYXBpLWtleS1lbmNyeXB0aW9uLWtleSE"; // "dev-only-api-key-encryption-key!"
  env.APP_URL ??= `http://localhost:${env.PORT}`;
  // The settings next-auth reads by itself, derived here and nowhere else: its secret is ours, its URL the app's.
  process.env.NEXTAUTH_URL ??= env.APP_URL;
  if (env.AUTH_SECRET) process.env.NEXTAUTH_SECRET ??= env.AUTH_SECRET;
  return env;
}

export const env: Env & { AUTH_SECRET: string; APP_URL: string } = load() as Env & { AUTH_SECRET: string; APP_URL: string };

/** The key that encrypts API-key secrets (lib/api-keys/secret-box.ts); production requires it (assertRuntimeSecrets). */
export function apiKeyEncryptionKey(): Buffer {
  const bytes = env.API_KEY_ENCRYPTION_KEY ? encryptionKeyBytes(env.API_KEY_ENCRYPTION_KEY) : null;
  if (!bytes) throw new Error("API_KEY_ENCRYPTION_KEY is not set: it encrypts the secrets of API keys (npm start creates one in data/api-key-encryption-key).");
  return bytes;
}

/** The sentence every entry point stops with when a production start has no signing secret. */
export const MISSING_SECRET = "AUTH_SECRET is not set: it signs API tokens and browser sessions (npm start creates one in data/auth-secret).";

/** Called at the start of every entry point (server.ts, worker.ts, `next start` through next.config.ts). */
export function assertRuntimeSecrets(): void {
  if (!env.AUTH_SECRET) throw new Error(MISSING_SECRET);
  apiKeyEncryptionKey();
}

export const isPostgres = /^postgres(ql)?:\/\//.test(env.DATABASE_URL);
