// An API key in the native wire shape (binance-api.md §2): snake_case times, never the secret (the
// creation answer adds `secretKey` once).
import type { ApiKeyRecord } from "@/lib/api-keys/api-key-record";

export function presentApiKey(k: ApiKeyRecord) {
  return {
    id: k.id,
    label: k.label,
    apiKey: k.apiKey,
    type: k.type,
    permissions: k.permissions,
    portfolio_id: k.portfolioId,
    created_at: k.createdAt.toISOString(),
    last_used_at: k.lastUsedAt?.toISOString() ?? null,
  };
}
