// The money path in-process on its own test database (SQLite or PostgreSQL by TEST_DB), for the tests of
// lib/atomic.ts itself: the database with one user and its main portfolio (id = the user's), the module's
// atomic() and selectRows() bound to it, and the teardown.
import { createTestDatabase, type TestDatabase } from "./test-database";
import type { Step } from "@/lib/atomic";

export interface AtomicDatabase {
  db: TestDatabase;
  atomic: (steps: readonly Step[]) => Promise<number[]>;
  selectRows: <T>(sql: string, params?: readonly unknown[]) => Promise<T[]>;
  close: () => Promise<void>;
}

export async function atomicDatabase(portfolioId: string): Promise<AtomicDatabase> {
  const db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  const { atomic, selectRows } = await import("@/lib/atomic");
  await atomic([
    { sql: `INSERT INTO "User" ("id","email","passwordHash","name","age","country","phoneNo") VALUES (?,?,'x','T',30,'ES','+34 600')`, params: [portfolioId, `${portfolioId}@t.local`] },
    { sql: `INSERT INTO "Portfolio" ("id","userId","name","kind","startingBalance","createdAt") VALUES (?,?,'Main','MAIN',0,0)`, params: [portfolioId, portfolioId] },
  ]);
  const close = async () => {
    const { disconnect } = await import("@/lib/db");
    await disconnect();
    await db.drop();
  };
  return { db, atomic, selectRows, close };
}
