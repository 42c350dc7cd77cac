// POST /api/validate – the original frontend's sign-up step: refuse a registered email, else mail a
// one-time code and answer the token its sign-up page checks the typed code against. Limited per email
// and per address like the reset mail, so it cannot be used to send mail at will.
import { randomInt } from "node:crypto";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/domain-error";
import { takeHit } from "@/lib/rate-limit";
import { clientIp } from "@/lib/api/client-ip";
import { sendMail } from "@/lib/mail/send-mail";
import { CODE_ALPHABET, originalCodeToken } from "./original-code-token";

const CODE_LENGTH = 8;
const HOUR_MS = 3600_000;

export async function sendSignupCode({ email, req }: { email: string; req: Request }): Promise<{ token: string }> {
  await takeHit({ key: `signup-code-ip:${clientIp(req)}`, max: env.RATE_LIMIT_SIGNUP_CODE_IP, windowMs: HOUR_MS });
  await takeHit({ key: `signup-code:${email}`, max: env.RATE_LIMIT_SIGNUP_CODE, windowMs: HOUR_MS });
  const exists = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  if (exists) throw new DomainError("USER_EXISTS", "User already exists");
  const code = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
  await sendMail({
    to: email,
    subject: "Your CompraVenta sign-up code",
    text: `Hello,\n\nYour CompraVenta sign-up code is: ${code}\n\nType it on the sign-up page to finish creating your account. If you did not ask for it, ignore this mail.\n`,
  });
  return { token: originalCodeToken(code) };
}
