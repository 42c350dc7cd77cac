// Peeks into a test database from the test process (outbox mails, ledger sums), through the plain
// drivers, so that assertions do not depend on the code under test; and, where a test must age a row that
// only time would change (a listenKey's expiry), one write.
import Database from "better-sqlite3";
import pg from "pg";

export async function queryDb<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  if (url.startsWith("file:")) {
    const db = new Database(url.slice(5), { readonly: true });
    try {
      db.defaultSafeIntegers(true);
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  }
  return (await onPostgres(url, sql, params)).rows as T[];
}

async function onPostgres(url: string, sql: string, params: unknown[]): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let n = 0;
    return await client.query(sql.replace(/\?/g, () => `$${++n}`), params);
  } finally {
    await client.end();
  }
}

/** Per portfolio and coin: balances next to what the ledger says they should be. */
export async function ledgerMismatches(url: string): Promise<unknown[]> {
  const rows = await queryDb<{ portfolioId: string; coin: string; free: unknown; locked: unknown; lf: unknown; ll: unknown }>(
    url,
    `SELECT b."portfolioId", b."coin", b."free", b."locked",
            COALESCE((SELECT SUM(l."deltaFree") FROM "LedgerEntry" l WHERE l."portfolioId" = b."portfolioId" AND l."coin" = b."coin"), 0) AS lf,
            COALESCE((SELECT SUM(l."deltaLocked") FROM "LedgerEntry" l WHERE l."portfolioId" = b."portfolioId" AND l."coin" = b."coin"), 0) AS ll
     FROM "Balance" b`,
  );
  return rows.filter((r) => BigInt(String(r.free)) !== BigInt(String(r.lf)) || BigInt(String(r.locked)) !== BigInt(String(r.ll)));
}

/** The latest mail in the outbox to this address. */
export async function lastMailTo(url: string, to: string): Promise<{ subject: string; text: string } | undefined> {
  const rows = await queryDb<{ subject: string; text: string }>(url, `SELECT "subject", "text" FROM "OutboxMail" WHERE "to" = ? ORDER BY "createdAt" DESC`, [to]);
  return rows[0];
}

/** One write statement (`?` placeholders); returns the rows changed. */
export async function writeDb(url: string, sql: string, params: unknown[] = []): Promise<number> {
  if (url.startsWith("file:")) {
    const db = new Database(url.slice(5));
    try {
      db.pragma("busy_timeout = 5000");
      return db.prepare(sql).run(...params).changes;
    } finally {
      db.close();
    }
  }
  return (await onPostgres(url, sql, params)).rowCount ?? 0;
}
