import { withPublic } from "@/lib/api/handler";
import { bearerToken } from "@/lib/auth/tokens";
import { refreshAccessToken } from "@/lib/auth/refresh-access-token";
import { otherMethods } from "@/lib/api/method-not-allowed";

// GET /api/reauth – a new access token for a refresh token sent as Bearer (the token keeps working)
export const GET = withPublic(async ({ req }) => refreshAccessToken({ refreshToken: bearerToken(req) }));

// Any other method: a JSON 405 with Allow.
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
