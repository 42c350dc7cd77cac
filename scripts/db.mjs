#!/usr/bin/env node
// Database chores around the one edited schema (prisma/schema.prisma, SQLite):
//   generate       derive prisma/postgresql/schema.prisma, generate both clients
//   migrate        apply pending migrations to DATABASE_URL (SQLite file by default)
//   new-migration NAME   write the next migration for both providers (diff of the schema against the last one)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const prisma = path.join(root, "node_modules", ".bin", "prisma");
const sqliteSchema = path.join(root, "prisma", "schema.prisma");
const pgSchema = path.join(root, "prisma", "postgresql", "schema.prisma");

function run(args, env = {}) {
  return execFileSync(prisma, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] }).toString();
}

export function derivePostgresSchema() {
  const src = fs.readFileSync(sqliteSchema, "utf8");
  const out = src
    .replace(/^\/\/ The one edited schema[^\n]*\n(\/\/[^\n]*\n)*/, "// GENERATED from prisma/schema.prisma by scripts/db.mjs: do not edit.\n")
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output       = "../lib/generated/sqlite"', 'output       = "../../lib/generated/postgresql"');
  fs.mkdirSync(path.dirname(pgSchema), { recursive: true });
  fs.writeFileSync(pgSchema, out);
}

function generate() {
  derivePostgresSchema();
  run(["generate", "--schema", sqliteSchema], { DATABASE_URL: "file:./data/compraventa.db" });
  run(["generate", "--schema", pgSchema], { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres" });
}

function migrate() {
  const url = process.env.DATABASE_URL ?? "file:./data/compraventa.db";
  if (url.startsWith("file:")) fs.mkdirSync(path.dirname(path.resolve(root, url.slice(5))), { recursive: true });
  run(["migrate", "deploy"], { DATABASE_URL: url });
}

// Migrations are written with `migrate diff` (migrate dev cannot run offline with adapters).
function newMigration(name) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("usage: db.mjs new-migration snake_case_name");
  derivePostgresSchema();
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  for (const [schema, dir, url] of [
    [sqliteSchema, path.join(root, "prisma", "migrations"), "file:./data/compraventa.db"],
    [pgSchema, path.join(root, "prisma", "postgresql", "migrations"), "postgresql://postgres@127.0.0.1:5432/postgres"],
  ]) {
    const snapshot = path.join(dir, "schema.snapshot.prisma");
    const from = fs.existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
    const sql = run(["migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"], { DATABASE_URL: url });
    const folder = path.join(dir, `${stamp}_${name}`);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, "migration.sql"), sql);
    fs.copyFileSync(schema, snapshot);
    if (!fs.existsSync(path.join(dir, "migration_lock.toml"))) {
      const provider = schema === pgSchema ? "postgresql" : "sqlite";
      fs.writeFileSync(path.join(dir, "migration_lock.toml"), `provider = "${provider}"\n`);
    }
    console.log(`wrote ${path.relative(root, folder)}`);
  }
}

const [cmd, arg] = process.argv.slice(2);
if (cmd === "generate") generate();
else if (cmd === "migrate") migrate();
else if (cmd === "new-migration") newMigration(arg);
else if (cmd) { console.error(`unknown command ${cmd}`); process.exit(2); }
