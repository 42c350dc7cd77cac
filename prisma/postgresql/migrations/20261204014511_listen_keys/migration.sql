-- CreateTable
CREATE TABLE "ListenKey" (
    "id" TEXT NOT NULL,
    "apiKeyId" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "sealed" TEXT NOT NULL,
    "createdAt" BIGINT NOT NULL,
    "expiresAt" BIGINT NOT NULL,

    CONSTRAINT "ListenKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ListenKey_apiKeyId_key" ON "ListenKey"("apiKeyId");

-- CreateIndex
CREATE UNIQUE INDEX "ListenKey_keyHash_key" ON "ListenKey"("keyHash");

-- AddForeignKey
ALTER TABLE "ListenKey" ADD CONSTRAINT "ListenKey_apiKeyId_fkey" FOREIGN KEY ("apiKeyId") REFERENCES "ApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

