import { withPublic } from "@/lib/api/handler";
import { loginBody } from "@/lib/api/account-schemas";
import { logIn } from "@/lib/auth/log-in";

// POST /api/login – email + password -> access and refresh tokens
export const POST = withPublic(async ({ body }) => logIn(body), { body: loginBody });
