import { withPublic } from "@/lib/api/handler";
import { bearerToken } from "@/lib/auth/tokens";
import { refreshTokens } from "@/lib/auth/refresh-tokens";
import { otherMethods } from "@/lib/api/method-not-allowed";

// GET /api/reauth – rotate a refresh token (sent as Bearer) into a new token pair
export const GET = withPublic(async ({ req }) => refreshTokens({ refreshToken: bearerToken(req) }));

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
