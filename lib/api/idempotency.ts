// Idempotency-Key on order placement: the first answer to a key is stored with the user and replayed for
// 24 hours (same status, same body); nothing new is placed. A retry that arrives while the first request
// still runs waits for its answer. Server errors are not stored (the retry runs again).
import { prisma } from "@/lib/db";
import { AppError, asAppError } from "./errors";

const TTL_MS = 24 * 3600 * 1000;
const WAIT_MS = 10_000;
const KEY = /^[\x21-\x7e]{1,255}$/;

export interface Answer {
  status: number;
  body: unknown;
}

const reply = (a: Answer) => Response.json(a.body, { status: a.status });

async function claim(userId: string, key: string, now: number): Promise<boolean> {
  await prisma.idempotencyKey.deleteMany({ where: { userId, key, createdAt: { lt: BigInt(now - TTL_MS) } } });
  try {
    await prisma.idempotencyKey.create({ data: { userId, key, createdAt: BigInt(now) } });
    return true;
  } catch {
    return false;
  }
}

/** Runs `run` once per (user, key); a known error below 500 is an answer too. */
export async function idempotent(userId: string, key: string | null, run: () => Promise<Answer>): Promise<Response> {
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
  if (await claim(userId, key, now)) {
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
    const row = await prisma.idempotencyKey.findUnique({ where: { userId_key: { userId, key } }, select: { status: true, body: true } });
    if (!row) return idempotent(userId, key, run);
    if (row.status !== null && row.body !== null) return reply({ status: row.status, body: JSON.parse(row.body) as unknown });
  }
  throw new AppError("CONFLICT", "A request with this Idempotency-Key is still being answered; retry in a moment.");
}
