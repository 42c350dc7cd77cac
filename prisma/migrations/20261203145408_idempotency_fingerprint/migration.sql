-- AlterTable
ALTER TABLE "IdempotencyKey" ADD COLUMN "fingerprint" TEXT;

