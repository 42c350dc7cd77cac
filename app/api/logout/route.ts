import { withUser } from "@/lib/api/handler";
import { logOut } from "@/lib/auth/log-out";
import { otherMethods } from "@/lib/api/method-not-allowed";

// POST /api/logout – revoke this access token and its refresh family
export const POST = withUser(async ({ user }) => {
  await logOut({ user });
  return { msg: "Access token revoked" };
});

// Any other method: a JSON 405 with Allow.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
