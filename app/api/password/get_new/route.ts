import { withPublic } from "@/lib/api/handler";
import { resetRequestBody } from "@/lib/api/account-schemas";
import { requestPasswordReset } from "@/lib/auth/request-password-reset";
import { otherMethods } from "@/lib/api/method-not-allowed";

// PUT /api/password/get_new – mail a single-use reset link (same answer for unknown emails)
export const PUT = withPublic(
  async ({ body }) => {
    await requestPasswordReset(body);
    return { message: "If this email is registered, a link to reset the password has been sent to it." };
  },
  { body: resetRequestBody },
);

// Any other method: a JSON 405 with Allow.
export const { GET, HEAD, POST, PATCH, DELETE, OPTIONS } = otherMethods("PUT");
