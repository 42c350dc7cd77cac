// The environment every test starts a server or worker process with: production mode on loopback, the test's own
// database and fake Binance, fixed test secrets, and nothing that reaches out (no mail, news or training).
import type { FakeBinance } from "./fake-binance";
import type { TestDatabase } from "./test-database";

export const TEST_AUTH_SECRET = "integration-test-secret-0123456789abcdef";
export const TEST_API_KEY_ENCRYPTION_KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

export function serverEnv(db: TestDatabase, binance: FakeBinance, more: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    DATABASE_URL: db.url,
    AUTH_SECRET: TEST_AUTH_SECRET,
    API_KEY_ENCRYPTION_KEY: TEST_API_KEY_ENCRYPTION_KEY,
    BINANCE_WS_URL: binance.wsUrl,
    BINANCE_REST_URL: binance.restUrl,
    MARKET_SOURCE: "binance",
    RESEND_API_KEY: "",
    NEWS_FEEDS: "",
    TRAIN_EVERY_H: "0",
    LOG_LEVEL: "warn",
    ...more,
  };
}
