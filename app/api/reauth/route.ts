import { withPublic } from "@/lib/api/handler";
import { bearerToken } from "@/lib/auth/tokens";
import { refreshTokens } from "@/lib/auth/refresh-tokens";

// GET /api/reauth – rotate a refresh token (sent as Bearer) into a new token pair
export const GET = withPublic(async ({ req }) => refreshTokens({ refreshToken: bearerToken(req) }));
