// next-auth v4 configuration for browser sessions: Credentials on the same user table and argon2 hashes as
// the API (checkCredentials), JWT sessions. Each sign-in opens a TokenFamily, whose id rides in the JWT as
// `fam`, so that revoking families (password change/reset, sign out) also ends browser sessions.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { DomainError } from "@/lib/domain-error";
import { loginBody } from "@/lib/api/account-schemas";
import { checkCredentials } from "./log-in";
import { revokeFamilies } from "./revoke-families";
import { userOfFamily } from "./user-of-family";
import { safeCallbackPath } from "./safe-callback-path";

/** Browser sessions last as long as API refresh tokens. */
const SESSION_MAX_AGE_S = env.REFRESH_TOKEN_TTL_S;

async function authorize(credentials: Record<string, string> | undefined) {
  const parsed = loginBody.safeParse(credentials ?? {});
  if (!parsed.success) throw new Error("Enter your email and password.");
  try {
    const user = await checkCredentials(parsed.data.email, parsed.data.password);
    const familyId = newId();
    await prisma.tokenFamily.create({ data: { id: familyId, userId: user.id } });
    return { id: user.id, email: user.email, name: user.name, fam: familyId };
  } catch (e) {
    // next-auth hands the message of a thrown Error to the sign-in form (wrong password, rate limited).
    if (e instanceof DomainError) throw new Error(e.message);
    throw e;
  }
}

// The options shared by the /api/auth route, getServerSession and the proxy.
export const authOptions: NextAuthOptions = {
  secret: env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize,
    }),
  ],
  callbacks: {
    // Sign-in and sign-out targets (callbackUrl parameter or cookie): only a path of this site.
    redirect({ url, baseUrl }) {
      return baseUrl + safeCallbackPath(url, { origin: baseUrl, fallback: "/" });
    },
    jwt({ token, user }) {
      // `user` is only present right after authorize(): copy the family id into the token once.
      if (user && "fam" in user) {
        token.sub = user.id;
        token.fam = (user as { fam: string }).fam;
      }
      return token;
    },
    // GET /api/auth/session: a session whose login was revoked (sign-out elsewhere, password change or
    // reset) is no session at all ({}, which next-auth's client reads as signed out).
    async session({ session, token }) {
      const alive = typeof token.sub === "string" && typeof token.fam === "string" && (await userOfFamily(token.sub, token.fam));
      if (!alive) return {} as typeof session;
      if (session.user) Object.assign(session.user, { id: token.sub });
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      const fam = typeof token?.fam === "string" ? token.fam : undefined;
      if (fam && typeof token.sub === "string") await revokeFamilies({ userId: token.sub, familyId: fam });
    },
  },
};
