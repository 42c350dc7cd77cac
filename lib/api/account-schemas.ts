// Request bodies of the account endpoints (shared with the browser forms).
import { z } from "zod";
import { email, password } from "./schemas";

const text = (max: number) => z.string({ error: "must be a string" }).trim().min(1, "is required").max(max, `must be at most ${max} characters`);

const age = z
  .union([z.number(), z.string().regex(/^\d{1,3}$/, "must be a whole number")], { error: "must be a whole number" })
  .transform(Number)
  .pipe(z.number().int("must be a whole number").min(13, "must be at least 13").max(130, "must be at most 130"));

const phone = z.string({ error: "must be a string" }).trim().regex(/^\+?[0-9 ()-]{4,32}$/, "must be a phone number");

export const registerBody = z.object({ email, password, name: text(100), age, country: text(100), PhoneNo: phone });

export const loginBody = z.object({ email, password: z.string({ error: "is required" }).min(1, "is required").max(256) });

export const profileChanges = z
  .object({ name: text(100), age, country: text(100), PhoneNo: phone })
  .partial()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "send at least one of name, age, country, PhoneNo" });

export const changePasswordBody = z.object({ password: z.string({ error: "is required" }).min(1).max(256), new_password: password });

export const resetRequestBody = z.object({ email });

export const resetBody = z.object({ token: z.string({ error: "is required" }).min(10, "is not a reset token").max(200), new_password: password });

export const tokenRefreshBody = z.object({ refresh_token: z.string({ error: "is required" }).min(1, "is required").max(2000) });

export const signupCodeBody = z.object({ email });
