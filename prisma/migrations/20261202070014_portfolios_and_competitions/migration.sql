-- Portfolios and competitions: every trading row (balances, orders, ledger, snapshots, API keys) now belongs
-- to a portfolio. Each existing user gets a main portfolio whose id is the user's id, so existing rows keep
-- their owner key (copied from userId into portfolioId).

-- CreateTable
CREATE TABLE "Portfolio" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "startingBalance" BIGINT NOT NULL,
    "competitionId" TEXT,
    "removedAt" BIGINT,
    "createdAt" BIGINT NOT NULL,
    CONSTRAINT "Portfolio_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Portfolio_competitionId_fkey" FOREIGN KEY ("competitionId") REFERENCES "Competition" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Competition" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    CONSTRAINT "Competition_organiserId_fkey" FOREIGN KEY ("organiserId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Every existing user's main portfolio (50,000 USDT: the default STARTING_BALANCE_USDT)
INSERT INTO "Portfolio" ("id", "userId", "name", "kind", "startingBalance", "competitionId", "removedAt", "createdAt")
SELECT "id", "id", 'Main', 'MAIN', 5000000000000, NULL, NULL, CAST(strftime('%s', 'now') AS INTEGER) * 1000 FROM "User";

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Balance" (
    "portfolioId" TEXT NOT NULL,
    "coin" TEXT NOT NULL,
    "free" BIGINT NOT NULL,
    "locked" BIGINT NOT NULL DEFAULT 0,

    PRIMARY KEY ("portfolioId", "coin"),
    CONSTRAINT "Balance_portfolioId_fkey" FOREIGN KEY ("portfolioId") REFERENCES "Portfolio" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Balance" ("portfolioId", "coin", "free", "locked") SELECT "userId", "coin", "free", "locked" FROM "Balance";
DROP TABLE "Balance";
ALTER TABLE "new_Balance" RENAME TO "Balance";
CREATE TABLE "new_Order" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "portfolioId" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "base" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "stopPrice" BIGINT,
    "orderNo" INTEGER,
    "clientOrderId" TEXT,
    "timeInForce" TEXT,
    "limitPrice" BIGINT,
    "quoteOrderQty" BIGINT,
    "trailingDelta" INTEGER,
    "activationPrice" BIGINT,
    "watermark" BIGINT,
    "triggeredAt" BIGINT,
    "ocoId" TEXT,
    "maker" BOOLEAN,
    "lockCoin" TEXT NOT NULL,
    "lockAmount" BIGINT NOT NULL DEFAULT 0,
    "feeRate" BIGINT,
    "expiresAt" BIGINT,
    "fillPrice" BIGINT,
    "quoteAmount" BIGINT,
    "fee" BIGINT,
    "triggerTradeId" TEXT,
    "triggerPrice" BIGINT,
    "reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" BIGINT NOT NULL,
    "updatedAt" BIGINT NOT NULL,
    "closedAt" BIGINT,
    CONSTRAINT "Order_portfolioId_fkey" FOREIGN KEY ("portfolioId") REFERENCES "Portfolio" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Order" ("portfolioId", "activationPrice", "amount", "archived", "base", "clientOrderId", "closedAt", "createdAt", "fee", "fillPrice", "id", "limitPrice", "lockAmount", "lockCoin", "maker", "ocoId", "orderNo", "quote", "quoteAmount", "quoteOrderQty", "reason", "side", "status", "stopPrice", "symbol", "timeInForce", "trailingDelta", "triggerPrice", "triggerTradeId", "triggeredAt", "type", "updatedAt", "version", "watermark") SELECT "userId", "activationPrice", "amount", "archived", "base", "clientOrderId", "closedAt", "createdAt", "fee", "fillPrice", "id", "limitPrice", "lockAmount", "lockCoin", "maker", "ocoId", "orderNo", "quote", "quoteAmount", "quoteOrderQty", "reason", "side", "status", "stopPrice", "symbol", "timeInForce", "trailingDelta", "triggerPrice", "triggerTradeId", "triggeredAt", "type", "updatedAt", "version", "watermark" FROM "Order";
DROP TABLE "Order";
ALTER TABLE "new_Order" RENAME TO "Order";
CREATE UNIQUE INDEX "Order_orderNo_key" ON "Order"("orderNo");
CREATE INDEX "Order_portfolioId_status_createdAt_idx" ON "Order"("portfolioId", "status", "createdAt");
CREATE INDEX "Order_status_updatedAt_idx" ON "Order"("status", "updatedAt");
CREATE INDEX "Order_ocoId_idx" ON "Order"("ocoId");
-- a client order id is unique among the OPEN orders of one portfolio
CREATE UNIQUE INDEX "Order_open_clientOrderId_key" ON "Order"("portfolioId", "clientOrderId") WHERE "status" = 'OPEN' AND "clientOrderId" IS NOT NULL;
CREATE TABLE "new_LedgerEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "portfolioId" TEXT NOT NULL,
    "coin" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "deltaFree" BIGINT NOT NULL,
    "deltaLocked" BIGINT NOT NULL,
    "orderId" TEXT,
    "createdAt" BIGINT NOT NULL,
    CONSTRAINT "LedgerEntry_portfolioId_fkey" FOREIGN KEY ("portfolioId") REFERENCES "Portfolio" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_LedgerEntry" ("portfolioId", "coin", "createdAt", "deltaFree", "deltaLocked", "id", "kind", "orderId") SELECT "userId", "coin", "createdAt", "deltaFree", "deltaLocked", "id", "kind", "orderId" FROM "LedgerEntry";
DROP TABLE "LedgerEntry";
ALTER TABLE "new_LedgerEntry" RENAME TO "LedgerEntry";
CREATE INDEX "LedgerEntry_portfolioId_coin_idx" ON "LedgerEntry"("portfolioId", "coin");
CREATE TABLE "new_PortfolioSnapshot" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "portfolioId" TEXT NOT NULL,
    "value" BIGINT NOT NULL,
    "at" BIGINT NOT NULL,
    CONSTRAINT "PortfolioSnapshot_portfolioId_fkey" FOREIGN KEY ("portfolioId") REFERENCES "Portfolio" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_PortfolioSnapshot" ("portfolioId", "at", "id", "value") SELECT "userId", "at", "id", "value" FROM "PortfolioSnapshot";
DROP TABLE "PortfolioSnapshot";
ALTER TABLE "new_PortfolioSnapshot" RENAME TO "PortfolioSnapshot";
CREATE INDEX "PortfolioSnapshot_portfolioId_at_idx" ON "PortfolioSnapshot"("portfolioId", "at");
CREATE TABLE "new_ApiKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "apiKey" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "secretEnc" TEXT,
    "publicKey" TEXT,
    "permissions" TEXT NOT NULL,
    "portfolioId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "ApiKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ApiKey_portfolioId_fkey" FOREIGN KEY ("portfolioId") REFERENCES "Portfolio" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ApiKey" ("apiKey", "createdAt", "id", "label", "lastUsedAt", "permissions", "publicKey", "revokedAt", "secretEnc", "type", "userId", "portfolioId") SELECT "apiKey", "createdAt", "id", "label", "lastUsedAt", "permissions", "publicKey", "revokedAt", "secretEnc", "type", "userId", "userId" FROM "ApiKey";
DROP TABLE "ApiKey";
ALTER TABLE "new_ApiKey" RENAME TO "ApiKey";
CREATE UNIQUE INDEX "ApiKey_apiKey_key" ON "ApiKey"("apiKey");
CREATE INDEX "ApiKey_userId_revokedAt_idx" ON "ApiKey"("userId", "revokedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Portfolio_userId_createdAt_idx" ON "Portfolio"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Portfolio_competitionId_userId_key" ON "Portfolio"("competitionId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Competition_inviteCode_key" ON "Competition"("inviteCode");

-- CreateIndex
CREATE INDEX "Competition_visibility_endsAt_idx" ON "Competition"("visibility", "endsAt");

-- CreateIndex
CREATE INDEX "Competition_endedAt_endsAt_idx" ON "Competition"("endedAt", "endsAt");

