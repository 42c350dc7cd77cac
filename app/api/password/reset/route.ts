import { withPublic } from "@/lib/api/handler";
import { resetBody } from "@/lib/api/account-schemas";
import { resetPassword } from "@/lib/auth/reset-password";
import { otherMethods } from "@/lib/api/method-not-allowed";

// POST /api/password/reset – set a new password with the token from the reset link
export const POST = withPublic(
  async ({ body }) => {
    await resetPassword({ token: body.token, newPassword: body.new_password });
    return { message: "Password changed successfully." };
  },
  { body: resetBody },
);

// Any other method: a JSON 405 with Allow.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
