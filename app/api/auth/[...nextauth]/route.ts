import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/next-auth-options";
import { otherMethods } from "@/lib/api/method-not-allowed";

type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string[]>> }) => Promise<Response>;

// GET|POST /api/auth/* – next-auth's sign-in, sign-out, session and CSRF endpoints for the browser UI.
// next-auth v4 types its App Router handler as `any`; name what it is.
const handler = NextAuth(authOptions) as RouteHandler;

export { handler as GET, handler as POST };

// Any other method: a JSON 405 with Allow.
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
