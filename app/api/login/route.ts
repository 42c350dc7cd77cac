import { withPublic } from "@/lib/api/handler";
import { loginBody } from "@/lib/api/account-schemas";
import { logIn } from "@/lib/auth/log-in";
import { otherMethods } from "@/lib/api/method-not-allowed";

// POST /api/login – email + password -> access and refresh tokens
export const POST = withPublic(async ({ body }) => logIn(body), { body: loginBody });

// Any other method: a JSON 405 with Allow.
export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
