import { withUser } from "@/lib/api/handler";
import { logOut } from "@/lib/auth/log-out";

// POST /api/logout – revoke this access token and its refresh family
export const POST = withUser(async ({ user }) => {
  await logOut({ user });
  return { msg: "Access token revoked" };
});
