-- Hand-written: every order carries the coin of its lock (BUY: quote, SELL: base), set at placement from
-- now on, and older rows (the original's, market orders) get it here, so nothing derives it again.
UPDATE "Order" SET "lockCoin" = CASE WHEN "side" = 'BUY' THEN "quote" ELSE "base" END WHERE "lockCoin" IS NULL;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Order" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
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
    CONSTRAINT "Order_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Order" ("activationPrice", "amount", "archived", "base", "clientOrderId", "closedAt", "createdAt", "fee", "fillPrice", "id", "limitPrice", "lockAmount", "lockCoin", "maker", "ocoId", "orderNo", "quote", "quoteAmount", "quoteOrderQty", "reason", "side", "status", "stopPrice", "symbol", "timeInForce", "trailingDelta", "triggerPrice", "triggerTradeId", "triggeredAt", "type", "updatedAt", "userId", "version", "watermark") SELECT "activationPrice", "amount", "archived", "base", "clientOrderId", "closedAt", "createdAt", "fee", "fillPrice", "id", "limitPrice", "lockAmount", "lockCoin", "maker", "ocoId", "orderNo", "quote", "quoteAmount", "quoteOrderQty", "reason", "side", "status", "stopPrice", "symbol", "timeInForce", "trailingDelta", "triggerPrice", "triggerTradeId", "triggeredAt", "type", "updatedAt", "userId", "version", "watermark" FROM "Order";
DROP TABLE "Order";
ALTER TABLE "new_Order" RENAME TO "Order";
CREATE UNIQUE INDEX "Order_orderNo_key" ON "Order"("orderNo");
CREATE INDEX "Order_userId_status_createdAt_idx" ON "Order"("userId", "status", "createdAt");
CREATE INDEX "Order_status_updatedAt_idx" ON "Order"("status", "updatedAt");
CREATE INDEX "Order_ocoId_idx" ON "Order"("ocoId");
-- Hand-written (as in 20261201213245_order_engine, the table was rebuilt): a client order id is unique among the user's open orders only.
CREATE UNIQUE INDEX "Order_open_clientOrderId_key" ON "Order"("userId", "clientOrderId") WHERE "status" = 'OPEN' AND "clientOrderId" IS NOT NULL;
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

