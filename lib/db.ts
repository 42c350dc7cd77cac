// One database for the whole process, SQLite or PostgreSQL by DATABASE_URL: a Prisma client for ordinary
// queries and the same connection (SQLite) or pool (PostgreSQL) for the money path in ./atomic.ts.
// Kept on globalThis so that the custom server and Next.js's own bundle of the route handlers share it:
// two SQLite connections in one process could wait on each other's locks while blocking the event loop.
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { env, isPostgres } from "./env";

export type Prisma = SqliteClient;

export type Driver =
  | { kind: "sqlite"; db: Database.Database; lock: AsyncLock }
  | { kind: "postgres"; pool: pg.Pool };

/** Serialises the few Prisma-side transactions with the synchronous money transactions (SQLite). */
export class AsyncLock {
  private tail: Promise<void> = Promise.resolve();
  held = false;
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const ready = this.tail.then(() => {
      this.held = true;
      return () => {
        this.held = false;
        release();
      };
    });
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

interface Connection {
  prisma: Prisma;
  driver: Driver;
}

type AdapterLike = { startTransaction: (...a: unknown[]) => Promise<{ commit(): Promise<void>; rollback(): Promise<void> }>; client?: Database.Database };

function sqliteFile(url: string): string {
  return path.resolve(url.replace(/^file:/, ""));
}

function connectSqlite(): Connection {
  const factory = new PrismaBetterSQLite3({ url: `file:${sqliteFile(env.DATABASE_URL)}`, timeout: 5000 });
  const lock = new AsyncLock();
  const driver = { kind: "sqlite" as const, db: undefined as unknown as Database.Database, lock };
  // Wrap the factory so that the money path uses the adapter's own connection, and Prisma's
  // transactions take the same lock as ours.
  const shared = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = (await factory.connect()) as unknown as AdapterLike;
      const db = adapter.client as Database.Database;
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      db.pragma("foreign_keys = ON");
      // A 32 MiB page cache (default 2 MiB) keeps the order and ledger indexes' hot pages in memory as the
      // tables grow, and a checkpoint every 4,000 WAL pages (default 1,000: an fsync every ~100 orders)
      // copies each often-written page once per more commits.
      db.pragma("cache_size = -32768");
      db.pragma("wal_autocheckpoint = 4000");
      driver.db = db;
      const start = adapter.startTransaction.bind(adapter);
      adapter.startTransaction = async (...args: unknown[]) => {
        const release = await lock.acquire();
        try {
          const tx = await start(...args);
          const done = <T>(fn: () => Promise<T>) => () => fn().finally(release);
          return Object.assign(tx, { commit: done(tx.commit.bind(tx)), rollback: done(tx.rollback.bind(tx)) });
        } catch (e) {
          release();
          throw e;
        }
      };
      return adapter;
    },
  };
  const prisma = new SqliteClient({ adapter: shared as unknown as PrismaBetterSQLite3 });
  return { prisma, driver };
}

function connectPostgres(): Connection {
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 10 });
  pool.on("error", (e) => console.error("postgres pool error:", e.message));
  const prisma = new PostgresClient({ adapter: new PrismaPg(pool) }) as unknown as Prisma;
  return { prisma, driver: { kind: "postgres", pool } };
}

const g = globalThis as unknown as { __compraventaDb?: Connection };

function connection(): Connection {
  g.__compraventaDb ??= isPostgres ? connectPostgres() : connectSqlite();
  return g.__compraventaDb;
}

export const prisma: Prisma = connection().prisma;

/** The raw driver, connected (SQLite opens lazily through Prisma). */
export async function driver(): Promise<Driver> {
  const d = connection().driver;
  if (d.kind === "sqlite" && !d.db) await prisma.$connect();
  return d;
}

export async function disconnect(): Promise<void> {
  const c = g.__compraventaDb;
  if (!c) return;
  g.__compraventaDb = undefined;
  await c.prisma.$disconnect();
  if (c.driver.kind === "postgres") await c.driver.pool.end();
}
