-- DropIndex
DROP INDEX "Order_ocoId_idx";


-- Only OCO legs carry an ocoId: a partial index spares every other order an index entry (one B-tree page less
-- per order written), and the lookups by "ocoId" = ? still use it.
CREATE INDEX "Order_ocoId_idx" ON "Order"("ocoId") WHERE "ocoId" IS NOT NULL;
