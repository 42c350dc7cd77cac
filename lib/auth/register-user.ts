// POST /api/register – create an account holding the starting balance (50,000 USDT, 0 of the rest).
import { prisma } from "@/lib/db";
import { atomic } from "@/lib/atomic";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { mainPortfolio } from "@/lib/portfolio/portfolio-scope";
import { newPortfolioSteps } from "@/lib/portfolio/new-portfolio-steps";
import { DomainError } from "@/lib/domain-error";
import { takeHit } from "@/lib/rate-limit";
import { clientIp } from "@/lib/api/client-ip";
import { hashPassword } from "./password-hash";

export interface RegisterInput {
  email: string;
  password: string;
  name: string;
  age: number;
  country: string;
  phoneNo: string;
  req: Request;
}

export async function registerUser(input: RegisterInput): Promise<{ userId: string }> {
  await takeHit({ key: `register:${clientIp(input.req)}`, max: env.RATE_LIMIT_REGISTER, windowMs: 3600_000 });
  const exists = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (exists) throw new DomainError("EMAIL_TAKEN", "This email is already registered.");
  const userId = newId();
  const passwordHash = await hashPassword(input.password);
  const now = Date.now();
  try {
    await atomic([
      {
        sql: `INSERT INTO "User" ("id","email","passwordHash","name","age","country","phoneNo") VALUES (?,?,?,?,?,?,?)`,
        params: [userId, input.email, passwordHash, input.name, input.age, input.country, input.phoneNo],
      },
      ...newPortfolioSteps(mainPortfolio(userId), now),
    ]);
  } catch (e) {
    if (isUniqueViolation(e)) throw new DomainError("EMAIL_TAKEN", "This email is already registered.");
    throw e;
  }
  return { userId };
}

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "23505";
}
