#!/usr/bin/env node
// Exit 0 when the PostgreSQL used by the integration tests answers (TEST_PG_URL or the local default).
import pg from "pg";

const client = new pg.Client({ connectionString: process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres", connectionTimeoutMillis: 3000 });
try {
  await client.connect();
  await client.query("SELECT 1");
  await client.end();
  process.exit(0);
} catch {
  process.exit(1);
}
