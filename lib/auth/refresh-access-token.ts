// GET /api/reauth – the original's contract: a refresh token answers a new access token every time, until
// it expires or its login ends (logout, password change or reset). Nothing is written, so concurrent
// refreshes with the same token all succeed. Rotation lives at POST /api/token/refresh.
import { signAccessToken } from "./tokens";
import { liveRefreshToken } from "./live-refresh-token";

export async function refreshAccessToken({ refreshToken }: { refreshToken: string }): Promise<{ access_token: string }> {
  const { claims, familyId } = await liveRefreshToken(refreshToken);
  const access = await signAccessToken(claims.userId, familyId);
  return { access_token: access.token };
}
