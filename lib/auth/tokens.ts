// API tokens: short-lived access JWT and long-lived refresh JWT (HS256, AUTH_SECRET). Both carry their
// family: a login starts one, refresh rotates inside it, and revoking it ends every token of the family.
import { SignJWT, jwtVerify } from "jose";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { DomainError } from "@/lib/domain-error";
import { bearerOf } from "./bearer";

const key = new TextEncoder().encode(env.AUTH_SECRET);
const ISSUER = "compraventa";

type Kind = "access" | "refresh";
export interface TokenClaims {
  userId: string;
  familyId: string;
  jti: string;
  expiresAt: Date;
}

async function sign(kind: Kind, userId: string, familyId: string, ttlSeconds: number): Promise<{ token: string; claims: TokenClaims }> {
  const jti = newId();
  const exp = Math.floor(Date.now() / 1000) + ttlSeconds;
  const token = await new SignJWT({ fam: familyId, typ: kind })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setJti(jti)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(key);
  return { token, claims: { userId, familyId, jti, expiresAt: new Date(exp * 1000) } };
}

async function verifyKind(kind: Kind, token: string): Promise<TokenClaims> {
  try {
    const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ["HS256"] });
    if (payload.typ !== kind || typeof payload.sub !== "string" || typeof payload.fam !== "string" || typeof payload.jti !== "string") {
      throw new Error("wrong token type");
    }
    return { userId: payload.sub, familyId: payload.fam, jti: payload.jti, expiresAt: new Date((payload.exp ?? 0) * 1000) };
  } catch {
    throw new DomainError("UNAUTHENTICATED", kind === "access" ? "The access token is missing, invalid or expired." : "The refresh token is invalid or expired.");
  }
}

export const signAccessToken = (userId: string, familyId: string) => sign("access", userId, familyId, env.ACCESS_TOKEN_TTL_S);
export const signRefreshToken = (userId: string, familyId: string) => sign("refresh", userId, familyId, env.REFRESH_TOKEN_TTL_S);

/** Checks signature, expiry and type only; `authenticateRequest` also checks the family is not revoked. */
export const verifyAccessToken = (token: string) => verifyKind("access", token);
export const verifyRefreshToken = (token: string) => verifyKind("refresh", token);

export function bearerToken(req: Request): string {
  const token = bearerOf(req.headers.get("authorization"));
  if (!token) throw new DomainError("UNAUTHENTICATED", "Send an access token as 'Authorization: Bearer <token>'.");
  return token;
}
