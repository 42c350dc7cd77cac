-- Hand-written: every order carries the coin of its lock (BUY: quote, SELL: base), set at placement from
-- now on, and older rows (the original's, market orders) get it here, so nothing derives it again.
UPDATE "Order" SET "lockCoin" = CASE WHEN "side" = 'BUY' THEN "quote" ELSE "base" END WHERE "lockCoin" IS NULL;

-- AlterTable
ALTER TABLE "Order" ALTER COLUMN "lockCoin" SET NOT NULL;

