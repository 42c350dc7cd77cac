// GET /api/myprofile – the user's details with their rating (stars, rank among all users, value, gain);
// `profit` is the value as in the wallet (the original's meaning), `pnl` the value minus the start.
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { unitsToNumber } from "@/lib/money";
import { rankUsers } from "@/lib/trading/rank-users";
import { starsFor } from "@/lib/trading/value-holdings";

export async function getProfile({ userId }: { userId: string }) {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, age: true, country: true, phoneNo: true },
  });
  if (!user) throw new DomainError("UNAUTHENTICATED", "This account no longer exists.");
  const { ranking } = await rankUsers();
  const index = ranking.findIndex((r) => r.userId === userId);
  const me = ranking[index];
  return {
    user_id: user.id,
    email: user.email,
    name: user.name,
    age: user.age,
    country: user.country,
    PhoneNo: user.phoneNo,
    rating: {
      stars: starsFor(me?.pnl ?? 0n),
      rank: index + 1,
      users: ranking.length,
      portfolio_value: unitsToNumber(me?.value ?? 0n),
      profit: unitsToNumber(me?.value ?? 0n),
      pnl: unitsToNumber(me?.pnl ?? 0n),
    },
  };
}
