-- AlterTable
ALTER TABLE "Order" ADD COLUMN "activationPrice" BIGINT;
ALTER TABLE "Order" ADD COLUMN "clientOrderId" TEXT;
ALTER TABLE "Order" ADD COLUMN "limitPrice" BIGINT;
ALTER TABLE "Order" ADD COLUMN "maker" BOOLEAN;
ALTER TABLE "Order" ADD COLUMN "ocoId" TEXT;
ALTER TABLE "Order" ADD COLUMN "orderNo" INTEGER;
ALTER TABLE "Order" ADD COLUMN "quoteOrderQty" BIGINT;
ALTER TABLE "Order" ADD COLUMN "timeInForce" TEXT;
ALTER TABLE "Order" ADD COLUMN "trailingDelta" INTEGER;
ALTER TABLE "Order" ADD COLUMN "triggeredAt" BIGINT;
ALTER TABLE "Order" ADD COLUMN "watermark" BIGINT;

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "userId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "status" INTEGER,
    "body" TEXT,
    "createdAt" BIGINT NOT NULL,

    PRIMARY KEY ("userId", "key")
);

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Order_orderNo_key" ON "Order"("orderNo");

-- CreateIndex
CREATE INDEX "Order_ocoId_idx" ON "Order"("ocoId");

-- Hand-written: number the existing orders in placement order (new ones take max + 1 in their transaction).
UPDATE "Order" SET "orderNo" = r."n" FROM (SELECT "id", ROW_NUMBER() OVER (ORDER BY "createdAt", "id") AS "n" FROM "Order") AS r WHERE r."id" = "Order"."id";

-- Hand-written: a client order id is unique among the user's open orders only.
CREATE UNIQUE INDEX "Order_open_clientOrderId_key" ON "Order"("userId", "clientOrderId") WHERE "status" = 'OPEN' AND "clientOrderId" IS NOT NULL;
