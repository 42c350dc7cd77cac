// Outgoing mail: through Resend when RESEND_API_KEY is set, else into the outbox table the operator
// (and the tests) can read. Every mail is recorded in the outbox with its delivery status either way.
import { Resend } from "resend";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

let client: Resend | undefined;

export async function sendMail(mail: Mail): Promise<void> {
  const id = newId();
  if (!env.RESEND_API_KEY) {
    await prisma.outboxMail.create({ data: { id, ...mail, status: "OUTBOX" } });
    return;
  }
  client ??= new Resend(env.RESEND_API_KEY, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined);
  // Resend answers HTTP errors as { error } rather than throwing.
  const { data, error } = await client.emails.send({ from: env.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
  await prisma.outboxMail.create({
    data: { id, ...mail, status: error ? "FAILED" : "SENT", providerId: data?.id ?? null },
  });
  if (error) console.error(`mail ${id} was not accepted by Resend: ${error.name}`);
}
