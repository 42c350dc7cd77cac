// PUT /api/password/get_new – mail a single-use, 30-minute reset link. The answer is the same whether or
// not the email is registered; only a hash of the link's secret is stored.
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { newId, newSecret } from "@/lib/ids";
import { takeHit } from "@/lib/rate-limit";
import { sendMail } from "@/lib/mail/send-mail";

export const RESET_TTL_MS = 30 * 60_000;

export const hashResetToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function requestPasswordReset({ email }: { email: string }): Promise<void> {
  await takeHit({ key: `reset:${email}`, max: env.RATE_LIMIT_RESET, windowMs: 3600_000 });
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, name: true } });
  if (!user) return;
  const token = newSecret();
  await prisma.passwordReset.create({
    data: { id: newId(), userId: user.id, tokenHash: hashResetToken(token), expiresAt: new Date(Date.now() + RESET_TTL_MS) },
  });
  const link = new URL(`/reset-password?token=${token}`, env.APP_URL).toString();
  await sendMail({
    to: email,
    subject: "Reset your CompraVenta password",
    text: `Hello ${user.name},\n\nSomeone (hopefully you) asked to reset your CompraVenta password.\nOpen this link within 30 minutes to choose a new one:\n\n${link}\n\nThe link works once. If you did not ask for it, ignore this mail: your password stays as it is.\n`,
  });
}
