import { withUser } from "@/lib/api/handler";
import { changePasswordBody } from "@/lib/api/account-schemas";
import { changePassword } from "@/lib/auth/change-password";
import { otherMethods } from "@/lib/api/method-not-allowed";

// POST /api/password/change – new password; other sessions are signed out, this token stays valid
export const POST = withUser(
  async ({ user, body }) => {
    await changePassword({ user, password: body.password, newPassword: body.new_password });
    return { message: "Password changed successfully." };
  },
  { body: changePasswordBody },
);

// Any other method: a JSON 405 with Allow.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
