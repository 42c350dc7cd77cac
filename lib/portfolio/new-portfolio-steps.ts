// The steps that open a portfolio: its row, then its balance rows with the starting grant (one
// transaction with whatever else creates it: a registration, a practice portfolio, joining a competition).
import type { Step } from "@/lib/atomic";
import { openingBalanceSteps } from "@/lib/trading/balance-steps";
import type { PortfolioKind } from "./portfolio-scope";

export interface NewPortfolio {
  id: string;
  userId: string;
  name: string;
  kind: PortfolioKind;
  startingBalance: bigint;
  competitionId?: string;
}

export function newPortfolioSteps(p: NewPortfolio, now: number): Step[] {
  return [
    {
      sql: `INSERT INTO "Portfolio" ("id","userId","name","kind","startingBalance","competitionId","removedAt","createdAt") VALUES (?,?,?,?,?,?,NULL,?)`,
      params: [p.id, p.userId, p.name, p.kind, p.startingBalance, p.competitionId ?? null, BigInt(now)],
    },
    ...openingBalanceSteps(p.id, now, p.startingBalance),
  ];
}
