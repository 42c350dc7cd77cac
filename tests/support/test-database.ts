// A fresh, migrated database per test suite: a temporary SQLite file, or a new PostgreSQL database
// (TEST_DB=postgres) that is dropped afterwards.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const kind = () => (process.env.TEST_DB === "postgres" ? "postgres" : "sqlite");
export const TEST_DB = kind();
const PG_ADMIN = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export function migrate(url: string): void {
  execFileSync("node", ["scripts/db.mjs", "migrate"], { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "ignore", "inherit"] });
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `cv_test_${randomBytes(6).toString("hex")}`;
  // Read at the call: a benchmark picks its database after its imports ran.
  if (kind() === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compraventa-"));
    const url = `file:${path.join(dir, `${name}.db`)}`;
    migrate(url);
    return { url, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(PG_ADMIN);
  u.pathname = `/${name}`;
  const url = u.toString();
  migrate(url);
  return {
    url,
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
