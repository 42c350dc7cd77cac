import { withUser } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/method-not-allowed";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";

// DELETE /api/keys/{id} – revoke one of the user's API keys, effective at once (REST and streams)
export const DELETE = withUser(async ({ user, params }) => {
  await revokeApiKey({ userId: user.id, keyId: (params.id ?? "").slice(0, 80) });
  return { message: "API key revoked" };
});

// Any other method: a JSON 405 with Allow.
export const { GET, HEAD, POST, PUT, PATCH, OPTIONS } = otherMethods("DELETE");
