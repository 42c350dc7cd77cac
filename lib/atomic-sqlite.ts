// SQLite's side of ./atomic.ts: the steps of one unit of work run synchronously (nothing interleaves), and
// the units that arrive in one turn of the event loop share one commit (group commit). A commit is most of a
// small transaction's cost here (writing its pages to the WAL: ~0.3 ms of ~0.45 ms for a market order), and
// under load several orders arrive per turn. Each unit runs in its own savepoint inside the shared
// transaction: a unit whose guard fails (or whose statement throws) is rolled back alone and gets its own
// error; the others commit. Every caller hears back only after the COMMIT, so nobody is answered with a
// change that could still be lost. Units run in the order they were submitted, as they would one by one.
import type { Database, Statement } from "better-sqlite3";
import type { Driver } from "./db";
import type { Step } from "./atomic";

type SqliteDriver = Extract<Driver, { kind: "sqlite" }>;

/** Units per shared commit: bounds the time one turn holds the event loop (~0.1 ms each). */
const MAX_GROUP = 64;

const statements = new WeakMap<object, Map<string, Statement>>();

export function sqliteStatement(db: Database, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map<string, Statement>()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

export function sqliteParam(v: unknown): unknown {
  return typeof v === "boolean" ? (v ? 1 : 0) : v;
}

function runSteps(db: Database, steps: readonly Step[]): number[] {
  return steps.map((s) => {
    const stmt = sqliteStatement(db, s.sql);
    const params = (s.params ?? []).map(sqliteParam);
    let changes: number;
    if (s.onRow) {
      const row = stmt.get(...params) as Record<string, unknown> | undefined;
      changes = row ? 1 : 0;
      if (row) s.onRow(row);
    } else if (stmt.reader) changes = stmt.all(...params).length; // a read-only guard: the rows it returns
    else changes = stmt.run(...params).changes;
    if (s.expect && changes !== s.expect.rows) throw s.expect.error();
    return changes;
  });
}

interface Unit {
  steps: readonly Step[];
  resolve: (changes: number[]) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; changes: number[] } | { ok: false; error: unknown };

// One transaction for the group. Alone, a unit is the transaction itself (exactly the one-by-one path);
// in a group, better-sqlite3 runs each nested transaction function as a savepoint.
function commitGroup(db: Database, units: readonly Unit[]): Outcome[] {
  if (units.length === 1) {
    try {
      return [{ ok: true, changes: db.transaction(() => runSteps(db, units[0]!.steps)).immediate() }];
    } catch (error) {
      return [{ ok: false, error }];
    }
  }
  const unit = db.transaction((steps: readonly Step[]) => runSteps(db, steps));
  return db
    .transaction(() =>
      units.map((u): Outcome => {
        try {
          return { ok: true, changes: unit(u.steps) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    )
    .immediate();
}

interface Queue {
  units: Unit[];
  scheduled: boolean;
}

const queues = new WeakMap<object, Queue>();

async function flush(d: SqliteDriver, q: Queue): Promise<void> {
  const units = q.units.splice(0, MAX_GROUP);
  if (q.units.length) setImmediate(() => void flush(d, q));
  else q.scheduled = false;
  // A Prisma-side transaction is open on the same connection: wait for it (db.ts's lock).
  const release = d.lock.held ? await d.lock.acquire() : undefined;
  let outcomes: Outcome[];
  try {
    outcomes = commitGroup(d.db, units);
  } catch (error) {
    // BEGIN or COMMIT failed (busy past the timeout, disk full): nothing of the group was kept.
    outcomes = units.map(() => ({ ok: false, error }));
  } finally {
    release?.();
  }
  outcomes.forEach((o, i) => (o.ok ? units[i]!.resolve(o.changes) : units[i]!.reject(o.error)));
}

/** Runs the steps in one transaction (shared with the other units of this turn); the rows each changed. */
export function runOnSqlite(d: SqliteDriver, steps: readonly Step[]): Promise<number[]> {
  let q = queues.get(d.db);
  if (!q) queues.set(d.db, (q = { units: [], scheduled: false }));
  const queue = q;
  return new Promise<number[]>((resolve, reject) => {
    queue.units.push({ steps, resolve, reject });
    if (!queue.scheduled) {
      queue.scheduled = true;
      setImmediate(() => void flush(d, queue));
    }
  });
}
