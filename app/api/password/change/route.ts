import { withUser } from "@/lib/api/handler";
import { changePasswordBody } from "@/lib/api/account-schemas";
import { changePassword } from "@/lib/auth/change-password";

// POST /api/password/change – new password; other sessions are signed out, this token stays valid
export const POST = withUser(
  async ({ user, body }) => {
    await changePassword({ user, password: body.password, newPassword: body.new_password });
    return { message: "Password changed successfully." };
  },
  { body: changePasswordBody },
);
