-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "listClientOrderId" TEXT;


-- An OCO's list client id is unique among the portfolio's open lists (Binance's listClientOrderId). It is
-- stored on the list's first leg only, so the two legs never collide.
CREATE UNIQUE INDEX "Order_open_listClientOrderId_key" ON "Order"("portfolioId", "listClientOrderId") WHERE "status" = 'OPEN' AND "listClientOrderId" IS NOT NULL;
