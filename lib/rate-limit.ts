// Sliding-window rate limits kept in the database, so they hold across processes and restarts.
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/api/errors";

interface Limit {
  key: string;
  max: number;
  windowMs: number;
}

/** Throws RATE_LIMITED (429, Retry-After) when `key` already has `max` hits in the window. */
export async function assertUnderLimit({ key, max, windowMs }: Limit): Promise<void> {
  const since = BigInt(Date.now() - windowMs);
  const hits = await prisma.rateLimitHit.findMany({
    where: { key, at: { gt: since } },
    orderBy: { at: "asc" },
    select: { at: true },
    take: max,
  });
  if (hits.length < max) return;
  const oldest = Number(hits[0]?.at ?? BigInt(Date.now()));
  const retryAfter = Math.max(1, Math.ceil((oldest + windowMs - Date.now()) / 1000));
  throw new AppError("RATE_LIMITED", `Too many attempts. Try again in ${retryAfter} seconds.`, undefined, {
    "Retry-After": String(retryAfter),
  });
}

export async function recordHit(key: string): Promise<void> {
  await prisma.rateLimitHit.create({ data: { key, at: BigInt(Date.now()) } });
}

/** Checks and counts in one go (for limits on every attempt, not only failures). */
export async function takeHit(limit: Limit): Promise<void> {
  await assertUnderLimit(limit);
  await recordHit(limit.key);
}

/** The client's address as the proxy in front of us reports it, else a single shared bucket. */
export function clientIp(req: Request): string {
  return req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || req.headers.get("x-real-ip") || "local";
}
