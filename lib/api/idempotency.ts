// Idempotency-Key on order placement: the first answer to a key is stored with the user and replayed for
// 24 hours (same status, same body); nothing new is placed. A retry that arrives while the first request
// still runs waits for its answer. Server errors are not stored (the retry runs again). The key is the user's,
// whichever portfolio: a retry after the portfolio switcher changed still places nothing new; but a key that
// comes back with another request (another portfolio, call or parameters: its fingerprint) is refused with 422,
// never answered with another request's order.
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { AppError, asAppError } from "./errors";

const TTL_MS = 24 * 3600 * 1000;
const WAIT_MS = 10_000;
const KEY = /^[\x21-\x7e]{1,255}$/;

export interface Answer {
  status: number;
  body: unknown;
}

const reply = (a: Answer) => Response.json(a.body, { status: a.status });

/** The request a key stands for: the portfolio, the call and its parsed parameters. */
export interface IdempotentRequest {
  userId: string;
  portfolioId: string;
  call: string;
  params: unknown;
}

// parsed parameters hold exact amounts as bigint
const text = (params: unknown) => JSON.stringify(params, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
const fingerprintOf = (r: IdempotentRequest) => createHash("sha256").update(`${r.portfolioId}\n${r.call}\n${text(r.params)}`, "utf8").digest("hex");

const reused = () =>
  new DomainError(
    "IDEMPOTENCY_KEY_REUSED",
    "This Idempotency-Key was used in the last 24 hours for another request (another portfolio, call or parameters): send a new key for a new request.",
  );

async function claim(userId: string, key: string, fingerprint: string, now: number): Promise<boolean> {
  await prisma.idempotencyKey.deleteMany({ where: { userId, key, createdAt: { lt: BigInt(now - TTL_MS) } } });
  try {
    await prisma.idempotencyKey.create({ data: { userId, key, fingerprint, createdAt: BigInt(now) } });
    return true;
  } catch {
    return false;
  }
}

/** Runs `run` once per (user, key); a known error below 500 is an answer too. */
export async function idempotent(request: IdempotentRequest, key: string | null, run: () => Promise<Answer>): Promise<Response> {
  const { userId } = request;
  const answer = async (): Promise<Answer> => {
    try {
      return await run();
    } catch (e) {
      const known = asAppError(e);
      if (known && known.status < 500) return { status: known.status, body: known.toJSON() };
      throw e;
    }
  };
  if (key === null) return reply(await answer());
  if (!KEY.test(key)) throw new AppError("VALIDATION_FAILED", "Idempotency-Key: must be 1-255 visible ASCII characters", { "Idempotency-Key": "must be 1-255 visible ASCII characters" });
  const now = Date.now();
  const fingerprint = fingerprintOf(request);
  if (await claim(userId, key, fingerprint, now)) {
    let a: Answer;
    try {
      a = await answer();
    } catch (e) {
      await prisma.idempotencyKey.deleteMany({ where: { userId, key } }).catch(() => undefined);
      throw e;
    }
    await prisma.idempotencyKey.update({ where: { userId_key: { userId, key } }, data: { status: a.status, body: JSON.stringify(a.body) } });
    return reply(a);
  }
  for (const until = now + WAIT_MS; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
    const row = await prisma.idempotencyKey.findUnique({ where: { userId_key: { userId, key } }, select: { status: true, body: true, fingerprint: true } });
    if (!row) return idempotent(request, key, run);
    if (row.fingerprint !== null && row.fingerprint !== fingerprint) throw reused();
    if (row.status !== null && row.body !== null) return reply({ status: row.status, body: JSON.parse(row.body) as unknown });
  }
  throw new AppError("CONFLICT", "A request with this Idempotency-Key is still being answered; retry in a moment.");
}
