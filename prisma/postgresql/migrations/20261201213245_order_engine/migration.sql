-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "activationPrice" BIGINT,
ADD COLUMN     "clientOrderId" TEXT,
ADD COLUMN     "limitPrice" BIGINT,
ADD COLUMN     "maker" BOOLEAN,
ADD COLUMN     "ocoId" TEXT,
ADD COLUMN     "orderNo" INTEGER,
ADD COLUMN     "quoteOrderQty" BIGINT,
ADD COLUMN     "timeInForce" TEXT,
ADD COLUMN     "trailingDelta" INTEGER,
ADD COLUMN     "triggeredAt" BIGINT,
ADD COLUMN     "watermark" BIGINT;

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "userId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "status" INTEGER,
    "body" TEXT,
    "createdAt" BIGINT NOT NULL,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("userId","key")
);

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Order_orderNo_key" ON "Order"("orderNo");

-- CreateIndex
CREATE INDEX "Order_ocoId_idx" ON "Order"("ocoId");

-- Hand-written: order numbers come from a sequence (concurrent placements never collide), existing
-- orders are numbered in placement order.
CREATE SEQUENCE "Order_orderNo_seq" AS INTEGER OWNED BY "Order"."orderNo";
UPDATE "Order" SET "orderNo" = r."n" FROM (SELECT "id", ROW_NUMBER() OVER (ORDER BY "createdAt", "id") AS "n" FROM "Order") AS r WHERE r."id" = "Order"."id";
SELECT setval('"Order_orderNo_seq"', COALESCE((SELECT MAX("orderNo") FROM "Order"), 0) + 1, false);
ALTER TABLE "Order" ALTER COLUMN "orderNo" SET DEFAULT nextval('"Order_orderNo_seq"');

-- Hand-written: a client order id is unique among the user's open orders only.
CREATE UNIQUE INDEX "Order_open_clientOrderId_key" ON "Order"("userId", "clientOrderId") WHERE "status" = 'OPEN' AND "clientOrderId" IS NOT NULL;
