import { withPublic } from "@/lib/api/handler";
import { signupCodeBody } from "@/lib/api/account-schemas";
import { sendSignupCode } from "@/lib/auth/send-signup-code";
import { otherMethods } from "@/lib/api/method-not-allowed";

// POST /api/validate – mail a sign-up code and answer the token the original frontend checks it with
export const POST = withPublic(async ({ body, req }) => sendSignupCode({ email: body.email, req }), { body: signupCodeBody });

// Any other method: a JSON 405 with Allow.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
