-- Portfolios and competitions: every trading row (balances, orders, ledger, snapshots, API keys) now belongs
-- to a portfolio. Each existing user gets a main portfolio whose id is the user's id, so existing rows keep
-- their owner key: the columns are renamed, not rewritten.

-- CreateTable
CREATE TABLE "Competition" (
    "id" TEXT NOT NULL,
    "organiserId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "inviteCode" TEXT NOT NULL,
    "visibility" TEXT NOT NULL,
    "startsAt" BIGINT NOT NULL,
    "endsAt" BIGINT NOT NULL,
    "startingBalance" BIGINT NOT NULL,
    "pairs" TEXT NOT NULL,
    "feeRate" BIGINT,
    "allowReset" BOOLEAN NOT NULL DEFAULT false,
    "endedAt" BIGINT,
    "standings" TEXT,
    "createdAt" BIGINT NOT NULL,

    CONSTRAINT "Competition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Portfolio" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "startingBalance" BIGINT NOT NULL,
    "competitionId" TEXT,
    "removedAt" BIGINT,
    "createdAt" BIGINT NOT NULL,

    CONSTRAINT "Portfolio_pkey" PRIMARY KEY ("id")
);

-- Every existing user's main portfolio (50,000 USDT: the default STARTING_BALANCE_USDT)
INSERT INTO "Portfolio" ("id", "userId", "name", "kind", "startingBalance", "competitionId", "removedAt", "createdAt")
SELECT "id", "id", 'Main', 'MAIN', 5000000000000, NULL, NULL, (EXTRACT(EPOCH FROM "createdAt") * 1000)::BIGINT FROM "User";

-- The owner columns: userId -> portfolioId (same values)
ALTER TABLE "Balance" DROP CONSTRAINT "Balance_userId_fkey";
ALTER TABLE "Order" DROP CONSTRAINT "Order_userId_fkey";
ALTER TABLE "LedgerEntry" DROP CONSTRAINT "LedgerEntry_userId_fkey";
ALTER TABLE "PortfolioSnapshot" DROP CONSTRAINT "PortfolioSnapshot_userId_fkey";
DROP INDEX "Order_userId_status_createdAt_idx";
DROP INDEX "Order_open_clientOrderId_key";
DROP INDEX "LedgerEntry_userId_coin_idx";
DROP INDEX "PortfolioSnapshot_userId_at_idx";

ALTER TABLE "Balance" RENAME COLUMN "userId" TO "portfolioId";
ALTER TABLE "Balance" RENAME CONSTRAINT "Balance_pkey" TO "Balance_pkey_old";
ALTER TABLE "Balance" DROP CONSTRAINT "Balance_pkey_old", ADD CONSTRAINT "Balance_pkey" PRIMARY KEY ("portfolioId", "coin");
ALTER TABLE "Order" RENAME COLUMN "userId" TO "portfolioId";
ALTER TABLE "Order" ADD COLUMN "feeRate" BIGINT, ADD COLUMN "expiresAt" BIGINT;
ALTER TABLE "LedgerEntry" RENAME COLUMN "userId" TO "portfolioId";
ALTER TABLE "PortfolioSnapshot" RENAME COLUMN "userId" TO "portfolioId";
ALTER TABLE "ApiKey" ADD COLUMN "portfolioId" TEXT;
UPDATE "ApiKey" SET "portfolioId" = "userId";
ALTER TABLE "ApiKey" ALTER COLUMN "portfolioId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "Portfolio_userId_createdAt_idx" ON "Portfolio"("userId", "createdAt");
CREATE UNIQUE INDEX "Portfolio_competitionId_userId_key" ON "Portfolio"("competitionId", "userId");
CREATE UNIQUE INDEX "Competition_inviteCode_key" ON "Competition"("inviteCode");
CREATE INDEX "Competition_visibility_endsAt_idx" ON "Competition"("visibility", "endsAt");
CREATE INDEX "Competition_endedAt_endsAt_idx" ON "Competition"("endedAt", "endsAt");
CREATE INDEX "Order_portfolioId_status_createdAt_idx" ON "Order"("portfolioId", "status", "createdAt");
CREATE INDEX "LedgerEntry_portfolioId_coin_idx" ON "LedgerEntry"("portfolioId", "coin");
CREATE INDEX "PortfolioSnapshot_portfolioId_at_idx" ON "PortfolioSnapshot"("portfolioId", "at");
-- a client order id is unique among the OPEN orders of one portfolio
CREATE UNIQUE INDEX "Order_open_clientOrderId_key" ON "Order"("portfolioId", "clientOrderId") WHERE "status" = 'OPEN' AND "clientOrderId" IS NOT NULL;

-- AddForeignKey
ALTER TABLE "Portfolio" ADD CONSTRAINT "Portfolio_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Portfolio" ADD CONSTRAINT "Portfolio_competitionId_fkey" FOREIGN KEY ("competitionId") REFERENCES "Competition"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Competition" ADD CONSTRAINT "Competition_organiserId_fkey" FOREIGN KEY ("organiserId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Balance" ADD CONSTRAINT "Balance_portfolioId_fkey" FOREIGN KEY ("portfolioId") REFERENCES "Portfolio"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Order" ADD CONSTRAINT "Order_portfolioId_fkey" FOREIGN KEY ("portfolioId") REFERENCES "Portfolio"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_portfolioId_fkey" FOREIGN KEY ("portfolioId") REFERENCES "Portfolio"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PortfolioSnapshot" ADD CONSTRAINT "PortfolioSnapshot_portfolioId_fkey" FOREIGN KEY ("portfolioId") REFERENCES "Portfolio"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_portfolioId_fkey" FOREIGN KEY ("portfolioId") REFERENCES "Portfolio"("id") ON DELETE CASCADE ON UPDATE CASCADE;
