import { withUser } from "@/lib/api/handler";
import { createApiKeyBody } from "@/lib/api/api-key-schemas";
import { presentApiKey } from "@/lib/api/api-key-presenter";
import { otherMethods } from "@/lib/api/method-not-allowed";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";

// POST /api/keys – a new API key for the Binance-compatible API; an HMAC key's secret is in this answer only
export const POST = withUser(
  async ({ user, body }) => {
    const { secretKey, ...key } = await createApiKey({ userId: user.id, ...body });
    const { last_used_at: _unused, ...shown } = presentApiKey(key);
    return { ...shown, ...(secretKey ? { secretKey } : {}) };
  },
  { body: createApiKeyBody, status: 201 },
);

// GET /api/keys – the user's active API keys, without secrets
export const GET = withUser(async ({ user }) => ({ keys: (await listApiKeys({ userId: user.id })).map(presentApiKey) }));

// Any other method: a JSON 405 with Allow.
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
