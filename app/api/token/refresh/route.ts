import { withPublic } from "@/lib/api/handler";
import { tokenRefreshBody } from "@/lib/api/account-schemas";
import { rotateRefreshToken } from "@/lib/auth/rotate-refresh-token";
import { otherMethods } from "@/lib/api/method-not-allowed";

// POST /api/token/refresh – rotate a refresh token into a new pair (a rotated token presented again ends the login)
export const POST = withPublic(async ({ body }) => rotateRefreshToken({ refreshToken: body.refresh_token }), { body: tokenRefreshBody });

// Any other method: a JSON 405 with Allow.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
