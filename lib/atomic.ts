// The money path's unit of work: a list of SQL steps run in one transaction, each step optionally
// guarded by the number of rows it must change. A guard that fails rolls everything back and throws
// the step's error. Conditional updates (`... WHERE free >= ?`) make this safe under concurrency on both
// databases without retries; on SQLite the whole transaction runs synchronously (nothing interleaves), and the
// transactions of one turn of the event loop share one commit (./atomic-sqlite.ts).
// On PostgreSQL, neighbouring steps marked `fold` share one statement (./atomic-fold.ts): a market order is
// one round trip instead of eight.
import { driver } from "./db";
import { foldedGroups, foldStatement, guardOf } from "./atomic-fold";
import { runOnSqlite, sqliteParam, sqliteStatement } from "./atomic-sqlite";

export interface Step {
  sql: string;
  /** the same step in PostgreSQL's dialect, where it differs (placeholders are translated either way) */
  pgSql?: string;
  params?: readonly unknown[];
  /** receives the first row a `RETURNING` step produced */
  onRow?: (row: Record<string, unknown>) => void;
  /** rows this step must change, else the transaction is rolled back and `error()` is thrown */
  expect?: { rows: number; error: () => Error };
  /**
   * PostgreSQL: the step may share one statement with its folded neighbours. Only for an INSERT, or an
   * UPDATE/DELETE of the one row named by `row` (e.g. "Balance u1 BTC"), whose WHERE tests that row only:
   * the steps of one statement see the snapshot taken when it starts (each target row is still re-checked
   * under its lock), so a step that must read what an earlier step wrote or locked stays unfolded. Two steps
   * naming the same row never share a statement. A read-only guard (`SELECT … WHERE <condition>`, its
   * `expect` the rows it returns) folds too: it reads the statement's snapshot, so it belongs after an
   * unfolded step that took the lock it relies on. Also for a multi-row UPDATE whose rows no other step of
   * the statement writes (e.g. many orders' OPEN -> FILLED), and for a `SELECT … ORDER BY … FOR UPDATE`
   * (pgSql) that locks rows in the global order before the steps that change them.
   */
  fold?: { row?: string };
}

function toPostgres(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function pgParam(v: unknown): unknown {
  return typeof v === "bigint" ? v.toString() : v;
}

// PostgreSQL: the money path's statements are few distinct texts run again and again, so each is a named
// prepared statement (parsed and planned once per pooled connection, not on every order). Bounded: past
// PREPARED_MAX distinct texts (long folded cancels, say) the rest go unnamed. The names live on globalThis:
// server.ts and Next's bundle each load this module but share one pool, and a name must mean one text.
const PREPARED_MAX = 300;
const preparedNames = ((globalThis as { __compraventaPrepared?: Map<string, string> }).__compraventaPrepared ??= new Map<string, string>());

function pgQuery(text: string, values: unknown[]): import("pg").QueryConfig {
  let name = preparedNames.get(text);
  if (name === undefined && preparedNames.size < PREPARED_MAX) preparedNames.set(text, (name = `cv_atomic_${preparedNames.size}`));
  return name === undefined ? { text, values } : { name, text, values };
}

/**
 * One read on the raw driver, for the hottest lookups (every authenticated request) where Prisma's
 * per-query cost shows in the benchmarks. Same `?` placeholders as the steps.
 */
export async function selectRows<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
  const d = await driver();
  if (d.kind === "sqlite") return sqliteStatement(d.db, sql).all(...params.map(sqliteParam)) as T[];
  const r = await d.pool.query(pgQuery(toPostgres(sql), params.map(pgParam)));
  return r.rows as T[];
}

/** Runs the steps in one transaction; returns the rows changed by each. */
export async function atomic(steps: readonly Step[]): Promise<number[]> {
  const d = await driver();
  if (d.kind === "sqlite") return runOnSqlite(d, steps);
  const groups = foldedGroups(steps);
  // One folded statement is a transaction of its own: no BEGIN/COMMIT round trips.
  if (groups.length === 1 && groups[0]!.length > 1) return runFolded(d.pool, groups[0]!);
  const client = await d.pool.connect();
  try {
    await client.query("BEGIN");
    const out: number[] = [];
    for (const g of groups) out.push(...(g.length > 1 ? await runFolded(client, g) : [await runOne(client, g[0]!)]));
    await client.query("COMMIT");
    return out;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

type Queryable = Pick<import("pg").PoolClient, "query">;

async function runOne(client: Queryable, s: Step): Promise<number> {
  const r = await client.query(pgQuery(toPostgres(s.pgSql ?? s.sql), (s.params ?? []).map(pgParam)));
  const changes = r.rowCount ?? 0;
  if (s.onRow && r.rows[0]) s.onRow(r.rows[0] as Record<string, unknown>);
  if (s.expect && changes !== s.expect.rows) throw s.expect.error();
  return changes;
}

async function runFolded(client: Queryable, steps: readonly Step[]): Promise<number[]> {
  const { sql, params } = foldStatement(
    steps.map((s) => ({ sql: s.pgSql ?? s.sql, params: s.params ?? [], expect: s.expect?.rows, row: s.onRow !== undefined })),
  );
  let row: Record<string, unknown>;
  try {
    row = (await client.query(pgQuery(sql, params.map(pgParam)))).rows[0] as Record<string, unknown>;
  } catch (e) {
    const failed = guardOf(e);
    if (failed !== null) throw steps[failed]!.expect!.error();
    throw e;
  }
  return steps.map((s, i) => {
    const r = row[`r${i}`] as Record<string, unknown> | null;
    if (s.onRow && r) s.onRow(r);
    return Number(row[`n${i}`]);
  });
}
