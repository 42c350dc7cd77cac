// Prisma CLI configuration. Prisma 6.19 with the JS schema engine and driver adapters (the Rust
// engines cannot be downloaded here). DATABASE_URL picks the provider: postgres(ql):// or file:.
import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const url = process.env.DATABASE_URL ?? "file:./data/compraventa.db";
process.env.DATABASE_URL = url;
const isPostgres = /^postgres(ql)?:\/\//.test(url);
if (!isPostgres) fs.mkdirSync(path.dirname(path.resolve(url.replace(/^file:/, ""))), { recursive: true });

// adapter-pg cannot decode pg_catalog's `name` (19) and `char` (18) columns the schema engine reads
// (prisma/orm#27403): report them as text (25) when pg describes a result. CLI only.
type Field = { dataTypeID: number };
const resultProto = pg.Result.prototype as unknown as { addFields: (this: unknown, fields: Field[]) => void };
const addFields = resultProto.addFields;
resultProto.addFields = function (this: unknown, fields: Field[]) {
  for (const f of fields) if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25;
  addFields.call(this, fields);
};

// The schema engine leaves 10-60 s timers behind that keep the CLI alive after its work: unref long ones.
const setTimeoutOriginal = globalThis.setTimeout;
globalThis.setTimeout = ((fn: () => void, ms?: number, ...args: unknown[]) => {
  const timer = setTimeoutOriginal(fn, ms, ...args);
  if ((ms ?? 0) >= 1000) (timer as unknown as NodeJS.Timeout).unref();
  return timer;
}) as typeof setTimeout;

function pgAdapter() {
  const u = new URL(url);
  // Separate fields, not a connectionString: else the shadow database would connect to the main one.
  return new PrismaPg({
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || "postgres"),
    password: decodeURIComponent(u.password),
    database: u.pathname.slice(1),
    allowExitOnIdle: true,
  });
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: isPostgres ? path.join("prisma", "postgresql", "schema.prisma") : path.join("prisma", "schema.prisma"),
  migrations: { path: isPostgres ? path.join("prisma", "postgresql", "migrations") : path.join("prisma", "migrations") },
  async adapter() {
    return isPostgres ? pgAdapter() : new PrismaBetterSQLite3({ url });
  },
});
