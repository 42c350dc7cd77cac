-- CreateTable
CREATE TABLE "ListenKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "apiKeyId" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "sealed" TEXT NOT NULL,
    "createdAt" BIGINT NOT NULL,
    "expiresAt" BIGINT NOT NULL,
    CONSTRAINT "ListenKey_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ListenKey_apiKeyId_key" ON "ListenKey"("apiKeyId");

-- CreateIndex
CREATE UNIQUE INDEX "ListenKey_keyHash_key" ON "ListenKey"("keyHash");

