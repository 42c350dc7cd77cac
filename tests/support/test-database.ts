// A fresh, migrated database per test suite: a temporary SQLite file, or a new PostgreSQL database
// (TEST_DB=postgres) that is dropped afterwards. Under vitest the migrations run once per run, into a
// template (tests/support/integration-setup.ts): each suite's database is then a copy of it (a file copy, or
// CREATE DATABASE … TEMPLATE), not another `prisma migrate deploy`.
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
  drop: () => Promise<void>;
}

export function migrate(url: string): void {
  execFileSync("node", ["scripts/db.mjs", "migrate"], { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "ignore", "inherit"] });
}

const pgUrl = (name: string) => {
  const u = new URL(PG_ADMIN);
  u.pathname = `/${name}`;
  return u.toString();
};

async function pgAdmin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_ADMIN });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A new migrated database; `fromTemplate` (a migrated SQLite file or PostgreSQL database) is copied instead of migrating. */
export async function createTestDatabase(fromTemplate = process.env.TEST_DB_TEMPLATE): Promise<TestDatabase> {
  const name = `cv_test_${randomBytes(6).toString("hex")}`;
  // Read at the call: a benchmark picks its database after its imports ran.
  if (kind() === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compraventa-"));
    const file = path.join(dir, `${name}.db`);
    if (fromTemplate) fs.copyFileSync(fromTemplate, file);
    else migrate(`file:${file}`);
    return { url: `file:${file}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  await pgAdmin(fromTemplate ? `CREATE DATABASE ${name} TEMPLATE ${fromTemplate}` : `CREATE DATABASE ${name}`);
  const url = pgUrl(name);
  if (!fromTemplate) migrate(url);
  return { url, drop: () => pgAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** A migrated database to copy suites' databases from: its TEST_DB_TEMPLATE value, and how to drop it. */
export async function createTemplateDatabase(): Promise<{ template: string; drop: () => Promise<void> }> {
  const db = await createTestDatabase("");
  if (kind() === "sqlite") {
    const file = db.url.slice("file:".length);
    // migrate deploy has closed the file: no WAL is left beside it, the file alone is the database
    if (fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0) throw new Error(`the migrated template ${file} left a WAL`);
    return { template: file, drop: db.drop };
  }
  return { template: new URL(db.url).pathname.slice(1), drop: db.drop };
}
