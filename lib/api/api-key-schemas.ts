// Request body of POST /api/keys (shared with the Profile page's form).
import { z } from "zod";

export const API_KEY_PERMISSIONS = ["READ", "TRADE"] as const;
export type ApiKeyPermission = (typeof API_KEY_PERMISSIONS)[number];

export const createApiKeyBody = z
  .object({
    label: z
      .string({ error: "must be a string" })
      .trim()
      .max(64, "must be at most 64 characters")
      .regex(/^[^\u0000-\u001f\u007f]*$/, "must not contain control characters")
      .optional(),
    permissions: z.array(z.enum(API_KEY_PERMISSIONS, { error: "must be READ or TRADE" }), { error: "must be a list of READ, TRADE" }).max(2).optional(),
    type: z.enum(["HMAC_SHA256", "ED25519"], { error: "must be HMAC_SHA256 or ED25519" }).optional(),
    publicKey: z.string({ error: "must be a string" }).max(2000, "must be at most 2000 characters").optional(),
    portfolio_id: z.string({ error: "must be a string" }).min(1).max(64, "must be at most 64 characters").optional(),
  })
  .refine((b) => (b.type === "ED25519") === (b.publicKey !== undefined), {
    path: ["publicKey"],
    message: "is required for an ED25519 key and only for one",
  });

export type CreateApiKeyBody = z.infer<typeof createApiKeyBody>;
