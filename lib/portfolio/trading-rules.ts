// The rules a portfolio trades under. Main and practice portfolios: the platform's. A competition's
// portfolio: orders only while the competition runs and its participant is not removed (checked here for
// a clear answer, and again inside the order's transaction by `ruleGuardSteps`, so an order racing the
// end or a removal cannot slip through), only its pairs, its fee (fixed on the order at placement), and
// every order expires at its end (lib/trading/fire-order.ts never fills one from then on).
import type { Step } from "@/lib/atomic";
import { DomainError } from "@/lib/domain-error";
import { FEE_RATE_MAKER, FEE_RATE_TAKER } from "@/lib/markets";
import type { PortfolioScope } from "./portfolio-scope";

export interface FeeRates {
  maker: bigint;
  taker: bigint;
}

const notRunning = (why: string) => new DomainError("COMPETITION_NOT_RUNNING", `This competition ${why}: orders are accepted only while it runs.`);

export function isRunning(scope: PortfolioScope, now: number): boolean {
  const c = scope.competition;
  return !c || (c.endedAt === null && now >= c.startsAt && now < c.endsAt);
}

/** Throws the domain error that forbids this order, if any. */
export function assertCanTrade(scope: PortfolioScope, symbol: string, now: number): void {
  if (scope.removed) throw new DomainError("PARTICIPANT_REMOVED", "The organiser removed you from this competition: its portfolio can no longer trade.");
  const c = scope.competition;
  if (!c) return;
  if (c.endedAt !== null || now >= c.endsAt) throw notRunning("has ended");
  if (now < c.startsAt) throw notRunning(`starts at ${new Date(c.startsAt).toISOString()}`);
  if (c.pairs && !c.pairs.includes(symbol)) throw new DomainError("PAIR_NOT_ALLOWED", `${symbol} is not traded in this competition (allowed: ${c.pairs.join(", ")}).`);
}

export function assertCanReset(scope: PortfolioScope, now: number): void {
  if (scope.removed) throw new DomainError("PARTICIPANT_REMOVED", "The organiser removed you from this competition: its portfolio can no longer trade.");
  const c = scope.competition;
  if (!c) return;
  if (!c.allowReset) throw new DomainError("RESET_NOT_ALLOWED", "This competition does not allow resets.");
  if (c.endedAt !== null || now >= c.endsAt) throw notRunning("has ended");
}

/**
 * Inside the order's transaction: the competition still runs at `now` and the participant is still in it.
 * It locks the portfolio row first (the global lock order: portfolio, then order rows, then balances).
 */
export function ruleGuardSteps(scope: PortfolioScope, now: number): Step[] {
  if (scope.kind !== "COMPETITION") return [];
  return [
    {
      sql: `UPDATE "Portfolio" SET "name" = "name" WHERE "id" = ? AND "removedAt" IS NULL AND EXISTS (SELECT 1 FROM "Competition" c WHERE c."id" = "Portfolio"."competitionId" AND c."endedAt" IS NULL AND c."startsAt" <= ? AND c."endsAt" > ?)`,
      params: [scope.id, BigInt(now), BigInt(now)],
      expect: { rows: 1, error: () => notRunning("is not running") },
    },
  ];
}

export function feeRatesOf(scope: PortfolioScope): FeeRates {
  const fee = scope.competition?.feeRate;
  return fee == null ? { maker: FEE_RATE_MAKER, taker: FEE_RATE_TAKER } : { maker: fee, taker: fee };
}

/** What a competition fixes on each of its orders. */
export function orderTermsOf(scope: PortfolioScope): { feeRate?: bigint; expiresAt?: number } {
  const c = scope.competition;
  if (!c) return {};
  return { feeRate: c.feeRate ?? undefined, expiresAt: c.endsAt };
}
