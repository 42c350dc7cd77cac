// The secrets of HMAC API keys at rest: AES-256-GCM with API_KEY_ENCRYPTION_KEY (lib/env.ts). HMAC needs
// the secret itself, so it cannot be hashed like a password; a database leak alone reveals none, the
// database plus the server's key does. The key's id is the associated data: a ciphertext copied onto
// another row does not open.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { apiKeyEncryptionKey } from "@/lib/env";

const b64 = (b: Buffer) => b.toString("base64url");

/** `iv.tag.ciphertext`, base64url. */
export function sealSecret(secret: string, keyId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", apiKeyEncryptionKey(), iv);
  cipher.setAAD(Buffer.from(keyId));
  const data = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return `${b64(iv)}.${b64(cipher.getAuthTag())}.${b64(data)}`;
}

/** The secret, or an error when the ciphertext was altered, moved to another row or sealed with another key. */
export function openSecret(sealed: string, keyId: string): Buffer {
  const [iv = "", tag = "", data = ""] = sealed.split(".");
  const decipher = createDecipheriv("aes-256-gcm", apiKeyEncryptionKey(), Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(keyId));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]);
}
