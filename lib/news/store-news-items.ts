// Stores new items, skipping any whose key (guid, else link) or link we already hold, so the same story
// seen again (next poll, or a feed that re-issues it with a new guid) is stored once.
import { prisma } from "@/lib/db";
import { newId } from "@/lib/ids";
import type { NewsRecord } from "./normalise-entry";

// Feeds are polled in parallel: their check-then-insert runs one at a time, or two feeds carrying the
// same link could both find it absent (PostgreSQL runs their queries truly concurrently).
let queue: Promise<unknown> = Promise.resolve();

/** Insert the records not yet stored; returns how many were new. */
export function storeNewsItems(records: NewsRecord[]): Promise<number> {
  const run = queue.then(() => storeNow(records));
  queue = run.catch(() => undefined);
  return run;
}

async function storeNow(records: NewsRecord[]): Promise<number> {
  const fresh = uniqueWithinBatch(records);
  if (fresh.length === 0) return 0;
  const known = await prisma.newsItem.findMany({
    where: { OR: [{ key: { in: fresh.map((r) => r.key) } }, { link: { in: fresh.map((r) => r.link) } }] },
    select: { key: true, link: true },
  });
  const knownKeys = new Set(known.map((k) => k.key));
  const knownLinks = new Set(known.map((k) => k.link));
  const rows = fresh.filter((r) => !knownKeys.has(r.key) && !knownLinks.has(r.link)).map(toRow);
  if (rows.length === 0) return 0;
  try {
    return (await prisma.newsItem.createMany({ data: rows })).count;
  } catch (error) {
    // Another worker stored some of these between our read and our write: fall back to one at a time.
    if ((error as { code?: string }).code !== "P2002") throw error;
    let stored = 0;
    for (const row of rows) {
      const r = await prisma.newsItem.upsert({ where: { key: row.key }, create: row, update: {}, select: { id: true } });
      if (r.id === row.id) stored += 1;
    }
    return stored;
  }
}

function uniqueWithinBatch(records: NewsRecord[]): NewsRecord[] {
  const keys = new Set<string>();
  const links = new Set<string>();
  return records.filter((r) => {
    if (keys.has(r.key) || links.has(r.link)) return false;
    keys.add(r.key);
    links.add(r.link);
    return true;
  });
}

function toRow(r: NewsRecord) {
  return {
    id: newId(),
    key: r.key,
    title: r.title,
    link: r.link,
    source: r.source,
    publishedAt: r.publishedAt,
    summary: r.summary,
    coins: r.coins.join(","),
  };
}
