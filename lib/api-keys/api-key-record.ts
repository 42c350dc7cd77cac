// An API key as the use cases return it: never its secret (that is returned once, at creation).
import type { ApiKeyPermission } from "@/lib/api/api-key-schemas";

export interface ApiKeyRecord {
  id: string;
  label: string;
  apiKey: string;
  type: "HMAC_SHA256" | "ED25519";
  permissions: ApiKeyPermission[];
  /** the portfolio it trades and reads */
  portfolioId: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export const API_KEY_SELECT = { id: true, label: true, apiKey: true, type: true, permissions: true, portfolioId: true, createdAt: true, lastUsedAt: true } as const;

export function asApiKeyRecord(row: { id: string; label: string; apiKey: string; type: string; permissions: string; portfolioId: string; createdAt: Date; lastUsedAt: Date | null }): ApiKeyRecord {
  return {
    ...row,
    type: row.type === "ED25519" ? "ED25519" : "HMAC_SHA256",
    permissions: row.permissions.split(",").filter((p): p is ApiKeyPermission => p === "READ" || p === "TRADE"),
  };
}
